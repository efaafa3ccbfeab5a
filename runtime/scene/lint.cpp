#include "scene/lint.h"

#include "scene/exhibition.h"

namespace liyuan::scene {

std::vector<Diagnostic> lint(const std::vector<std::filesystem::path>& paths) {
  Diagnostics diagnostics;
  for (const std::filesystem::path& path : paths) check_exhibition(path, diagnostics);
  return diagnostics.items();
}

}  // namespace liyuan::scene
