// Writes a Model as glTF 2.0: NAME.gltf (JSON, two-space indent) and NAME.bin. The same model gives the same bytes:
// positions, normals and colours are rounded to fixed steps before they are stored, keys are sorted, and nothing
// depends on time, paths or the machine beyond the arithmetic that built the model.
#pragma once

#include <filesystem>
#include <string>

#include "mesh.h"

namespace liyuan::hallgen {

// Writes MODEL into DIR (created when missing) as MODEL.name + ".gltf" and ".bin". Returns an empty string on
// success, else what went wrong, naming the file.
std::string write_gltf(const Model& model, const std::filesystem::path& dir);

}  // namespace liyuan::hallgen
