// Shared by every test executable: where test data lives, where outputs go, and running our command-line tools.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace liyuan::test {

// tests/data in the source tree (LIYUAN_TEST_DATA).
std::filesystem::path data_dir();
// content/ in the source tree: the bundled exhibition's sources (LIYUAN_CONTENT).
std::filesystem::path content_dir();
// The bundled relic every test may use: content/relics/water-bottle/WaterBottle.gltf.
std::filesystem::path water_bottle_gltf();
// A fresh directory under the build tree for this test's outputs (LIYUAN_TEST_OUTPUT/<suite>.<test>), emptied first.
std::filesystem::path output_dir();
// Paths of the built tools (LIYUAN_PACK_EXE, LIYUAN_EXE).
std::filesystem::path pack_exe();
std::filesystem::path runtime_exe();

struct CommandResult {
  int exit_code = -1;   // the process's exit status; 128+N when killed by signal N
  std::string output;   // stdout and stderr together
};

// Runs EXE with ARGS (no shell), waits, and captures its output.
CommandResult run_command(const std::filesystem::path& exe, const std::vector<std::string>& args);

}  // namespace liyuan::test
