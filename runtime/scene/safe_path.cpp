#include "scene/safe_path.h"

#include <cctype>
#include <vector>

namespace liyuan::scene {

Result<std::filesystem::path> resolve_document_path(const std::filesystem::path& from_dir, std::string_view written) {
  if (written.empty()) return make_error("expected a relative path, found an empty one");
  bool drive = written.size() >= 2 && std::isalpha(static_cast<unsigned char>(written[0])) && written[1] == ':';
  if (written.front() == '/' || written.front() == '\\' || drive) {
    return make_error("absolute paths are not allowed: '" + std::string(written) +
                      "'; write it relative to the file that names it");
  }
  if (written.find('\\') != std::string_view::npos) {
    return make_error("use '/' between folders, not '\\': '" + std::string(written) + "'");
  }
  // Fold the components ourselves: lexically_normal keeps leading '..', and we must know when the path climbs out.
  std::vector<std::string> parts;
  for (const auto& part : from_dir) {
    if (!part.empty() && part != ".") parts.push_back(part.string());
  }
  size_t begin = 0;
  while (begin <= written.size()) {
    size_t end = written.find('/', begin);
    if (end == std::string_view::npos) end = written.size();
    std::string_view part = written.substr(begin, end - begin);
    if (part == "..") {
      if (parts.empty()) {
        return make_error("'" + std::string(written) + "' leaves the exhibition folder; keep every file inside it");
      }
      parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(std::string(part));
    }
    begin = end + 1;
  }
  if (parts.empty()) {
    return make_error("expected a path to a file, found '" + std::string(written) + "'");
  }
  std::filesystem::path out;
  for (const std::string& part : parts) out /= part;
  return out;
}

std::filesystem::path display_path(const std::filesystem::path& root, const std::filesystem::path& in_root) {
  if (root.empty() || root == ".") return in_root;
  return (root / in_root).lexically_normal();
}

}  // namespace liyuan::scene
