// Shared by the render tests: packs of the test models (made once per test process with the real liyuan-pack), and
// running the real `liyuan` command.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "support/test_support.h"

namespace liyuan::test {

// The pack of the model at MODEL, made with liyuan-pack unless this build of it already made one.
// Fails the calling test (ADD_FAILURE) and returns an empty path when packing fails.
std::filesystem::path test_pack(const std::filesystem::path& model);
// tests/data/models/RELATIVE.
std::filesystem::path test_model(const std::string& relative);

// Runs `liyuan ARGS...` and returns its exit code and output.
CommandResult run_liyuan(const std::vector<std::string>& args);

}  // namespace liyuan::test
