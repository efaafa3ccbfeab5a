// Exhibition file + the closure of scene includes, all paths kept relative and inside the exhibition's folder.
#include "exhibition.h"

#include "text_checks.h"
#include "yaml_document.h"

#include <fmt/format.h>

#include <set>

namespace liyuan::packer {
namespace {

// The `KEY:` list of DOC's root map (absent → empty), each entry resolved against BASE_DIR (relative to the
// exhibition folder). Entries must exist as files under FOLDER.
struct ResolvedPath {
  std::string path;
  YAML::Node node;
};

Result<std::vector<ResolvedPath>> resolve_list(const YamlDocument& doc, const std::filesystem::path& folder,
                                               const std::string& base_dir, const char* key) {
  std::vector<ResolvedPath> out;
  if (!doc.root.IsMap()) return out;
  const YAML::Node list = doc.root[key];
  if (!list.IsDefined() || list.IsNull()) return out;
  auto entries = string_list(doc.file, list, fmt::format("'{}'", key), true);
  if (!entries) return entries.error();
  for (size_t i = 0; i < entries->size(); ++i) {
    const std::string& written = (*entries)[i];
    const YAML::Node node = list.IsSequence() ? list[i] : list;
    if (written.empty() || std::filesystem::path(written).is_absolute() || written[0] == '/' || written[0] == '\\') {
      return error_at_node(doc.file, node, fmt::format("'{}' must be a path relative to the file, not '{}'", key,
                                                       written));
    }
    std::string resolved = normalize_relative_path(base_dir, written);
    if (resolved.empty()) {
      return error_at_node(doc.file, node, fmt::format("'{}' leaves the exhibition's folder", written));
    }
    std::error_code ignored;
    if (!std::filesystem::is_regular_file(folder / resolved, ignored)) {
      return error_at_node(doc.file, node, fmt::format("'{}' not found (looked for {})", written,
                                                       (folder / resolved).string()));
    }
    out.push_back({std::move(resolved), node});
  }
  return out;
}

std::string parent_of(const std::string& relative) {
  const size_t slash = relative.rfind('/');
  return slash == std::string::npos ? std::string() : relative.substr(0, slash);
}

class IncludeWalker {
 public:
  IncludeWalker(Exhibition& exhibition) : exhibition_(exhibition) {}

  // Adds the scene at RELATIVE and, depth first, what it includes.
  Status visit(const std::string& relative) {
    if (!seen_.insert(relative).second) return {};
    auto doc = load_yaml_file(exhibition_.folder / relative, display_path(exhibition_, relative));
    if (!doc) return doc.error();
    exhibition_.scenes.push_back({relative, doc->text});
    auto includes = resolve_list(*doc, exhibition_.folder, parent_of(relative), "include");
    if (!includes) return includes.error();
    for (const ResolvedPath& include : *includes) {
      if (Status s = visit(include.path); !s) return s;
    }
    return {};
  }
  void mark_seen(const std::string& relative) { seen_.insert(relative); }

 private:
  Exhibition& exhibition_;
  std::set<std::string> seen_;
};

}  // namespace

std::string display_path(const Exhibition& exhibition, const std::string& relative) {
  const std::filesystem::path display_folder = std::filesystem::path(exhibition.file).parent_path();
  return (display_folder / relative).string();
}

Result<Exhibition> load_exhibition(const std::filesystem::path& path, const std::string& display) {
  auto doc = load_yaml_file(path, display);
  if (!doc) return doc.error();
  Exhibition exhibition;
  exhibition.file = display;
  exhibition.folder = path.parent_path();
  exhibition.document = {path.filename().string(), doc->text};
  if (!doc->root.IsMap()) return error_at_node(display, doc->root, "an exhibition file must be a map");
  const YAML::Node id = doc->root["id"];
  if (!id.IsDefined()) return error_at_node(display, doc->root, "missing required field 'id'");
  auto id_text = scalar_text(display, id, "'id'");
  if (!id_text) return id_text.error();
  if (!is_slug(*id_text)) {
    return error_at_node(display, id, fmt::format("id '{}' is not a lowercase slug (letters, digits and single "
                                                  "hyphens, starting with a letter, at most 64 characters)", *id_text));
  }
  exhibition.id = *id_text;

  auto relics = resolve_list(*doc, exhibition.folder, "", "relics");
  if (!relics) return relics.error();
  std::set<std::string> manifests;
  for (const ResolvedPath& relic : *relics) {
    if (!manifests.insert(relic.path).second) {
      return error_at_node(display, relic.node, fmt::format("relic manifest '{}' is listed twice", relic.path));
    }
    exhibition.manifests.push_back(relic.path);
  }

  auto strings = resolve_list(*doc, exhibition.folder, "", "strings");
  if (!strings) return strings.error();
  std::set<std::string> string_paths;
  for (const ResolvedPath& table : *strings) {
    if (!string_paths.insert(table.path).second) continue;
    auto text = load_text_file(exhibition.folder / table.path, display_path(exhibition, table.path));
    if (!text) return text.error();
    exhibition.strings.push_back({table.path, std::move(*text)});
  }

  auto sounds = load_sounds(*doc, exhibition.folder, exhibition.warnings);
  if (!sounds) return sounds.error();
  exhibition.sounds = std::move(*sounds);

  IncludeWalker walker(exhibition);
  walker.mark_seen(exhibition.document.path);
  auto includes = resolve_list(*doc, exhibition.folder, "", "include");
  if (!includes) return includes.error();
  for (const ResolvedPath& include : *includes) {
    if (Status s = walker.visit(include.path); !s) return s.error();
  }
  return exhibition;
}

}  // namespace liyuan::packer
