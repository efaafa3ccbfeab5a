#include "scene/lint.h"

#include <algorithm>
#include <string>
#include <tuple>

#include "scene/exhibition.h"

namespace liyuan::scene {

std::vector<Diagnostic> lint(const std::vector<std::filesystem::path>& paths) {
  Diagnostics diagnostics;
  for (const std::filesystem::path& path : paths) check_exhibition(path, diagnostics);
  // Files in the order they were first reported on; within a file, top to bottom (checks run in several passes).
  std::vector<Diagnostic> items = diagnostics.items();
  std::vector<std::string> files;
  for (const Diagnostic& d : items) {
    if (std::find(files.begin(), files.end(), d.error.where.file) == files.end()) files.push_back(d.error.where.file);
  }
  auto rank = [&](const Diagnostic& d) {
    size_t file = static_cast<size_t>(std::find(files.begin(), files.end(), d.error.where.file) - files.begin());
    return std::tuple(file, d.error.where.line, d.error.where.column);
  };
  std::stable_sort(items.begin(), items.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return rank(a) < rank(b); });
  return items;
}

}  // namespace liyuan::scene
