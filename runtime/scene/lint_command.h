// `liyuan lint SCENE...`: prints every diagnostic, one per line, and a summary; returns the exit code.
#pragma once

#include <cstdio>
#include <filesystem>
#include <vector>

namespace liyuan::scene {

// Lints PATHS and prints "file:line:column: error|warning|note: message" lines to OUT, then a one-line summary.
// Returns 1 when there is any error, else 0 (warnings alone do not fail), 2 when PATHS is empty (usage).
int run_lint_command(const std::vector<std::filesystem::path>& paths, std::FILE* out);

}  // namespace liyuan::scene
