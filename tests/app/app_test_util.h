// Shared by the app tests: small exhibitions written into a test's output folder, and saving files the ways editors do.
#pragma once

#include <filesystem>
#include <string>

#include "support/test_support.h"

namespace liyuan::test {

// Writes TEXT to PATH in place (open, write, close), as most editors save.
void write_text(const std::filesystem::path& path, const std::string& text);
// Writes TEXT beside PATH and renames it over PATH, as vim and many IDEs save.
void save_by_rename(const std::filesystem::path& path, const std::string& text);

// A hall with one cube at X metres along +X, seen from a fixed viewpoint; a 100-second timeline.
std::string cube_hall(double x);
// A one-cube exhibition in DIR (its relic manifest sized SIZE metres a side) whose hall.yaml is HALL; returns its
// exhibition.yaml.
std::filesystem::path write_cube_exhibition(const std::filesystem::path& dir, const std::string& hall,
                                            double size = 1.0);
// The cube's relic manifest for a cube of SIZE metres a side.
std::string cube_manifest(double size);

}  // namespace liyuan::test
