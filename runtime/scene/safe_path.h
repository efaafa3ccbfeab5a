// Paths written in scene documents: relative, with '/', and never leaving the exhibition folder, so an exhibition
// is one self-contained folder that packs and moves as a unit (liyuan-pack applies the same rule).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/error.h"

namespace liyuan::scene {

// Resolves WRITTEN, a path found in a file whose folder is FROM_DIR (relative to the exhibition folder), into a path
// relative to the exhibition folder, with '.' and '..' folded. Errors (no location; the caller adds the entry's):
// an empty path, an absolute path ("/x", "\\x", "C:x"), a backslash, a path that climbs out of the folder.
Result<std::filesystem::path> resolve_document_path(const std::filesystem::path& from_dir, std::string_view written);

// The path to show and open for IN_ROOT (relative to the exhibition folder ROOT as the user gave it).
std::filesystem::path display_path(const std::filesystem::path& root, const std::filesystem::path& in_root);

}  // namespace liyuan::scene
