#include "scene/lint_command.h"

#include <fmt/format.h>

#include "scene/lint.h"

namespace liyuan::scene {

int run_lint_command(const std::vector<std::filesystem::path>& paths, std::FILE* out) {
  if (paths.empty()) {
    fmt::print(out, "usage: liyuan lint SCENE...\n");
    return 2;
  }
  std::vector<Diagnostic> diagnostics = lint(paths);
  size_t errors = 0;
  size_t warnings = 0;
  for (const Diagnostic& d : diagnostics) {
    fmt::print(out, "{}\n", d.to_string());
    errors += d.severity == Severity::Error ? 1 : 0;
    warnings += d.severity == Severity::Warning ? 1 : 0;
  }
  fmt::print(out, "{} file{} checked: {} error{}, {} warning{}\n", paths.size(), paths.size() == 1 ? "" : "s", errors,
             errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
  return errors > 0 ? 1 : 0;
}

}  // namespace liyuan::scene
