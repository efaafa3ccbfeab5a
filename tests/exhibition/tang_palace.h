// Shared by the exhibition tests: where the bundled exhibition and the hall generator are.
#pragma once

#include <filesystem>

#include "scene/exhibition.h"

namespace liyuan::test {

// The source tree's root (LIYUAN_SOURCE_DIR).
std::filesystem::path source_dir();
// scenes/tang-palace/exhibition.yaml.
std::filesystem::path tang_palace();
// The built liyuan-hallgen (LIYUAN_HALLGEN_EXE).
std::filesystem::path hallgen_exe();
// The Tang Palace loaded and checked as the runtime loads it; fails the calling test (and returns an empty
// exhibition) when it has errors.
scene::Exhibition load_tang_palace();

}  // namespace liyuan::test
