#include "scene/exhibition_loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <system_error>

#include "core/mapped_file.h"
#include "scene/parse_exhibition.h"
#include "scene/parse_scene.h"
#include "scene/safe_path.h"

namespace liyuan::scene {
namespace {

class Loader {
 public:
  Loader(std::filesystem::path root, Diagnostics& diagnostics, const DocumentSource& source)
      : root_(std::move(root)), diagnostics_(diagnostics), source_(source) {}

  // Reads the file at IN_ROOT; errors go to REFERRED_AT (the entry naming it) or, for the first file, to the file.
  std::optional<std::string> read(const std::filesystem::path& in_root, const Location* referred_at) {
    std::filesystem::path path = display_path(root_, in_root);
    std::error_code ec;
    std::string reason;
    if (source_) {
      auto text = source_(path);
      if (text && text->size() <= kMaxDocumentBytes) return std::move(*text);
      reason = text ? fmt::format("is larger than {} MiB", kMaxDocumentBytes >> 20) : text.error().message;
    } else if (!std::filesystem::is_regular_file(path, ec)) {
      reason = std::filesystem::exists(path, ec) ? "is not a regular file" : "no such file";
    } else if (std::filesystem::file_size(path, ec) > kMaxDocumentBytes) {
      reason = fmt::format("is larger than {} MiB", kMaxDocumentBytes >> 20);
    }
    if (reason.empty()) {
      auto text = read_text_file(path);
      if (text) return std::move(*text);
      reason = text.error().message;
    }
    Location where = referred_at ? *referred_at : Location{path.string(), 0, 0, {}};
    diagnostics_.error(where, fmt::format("cannot read '{}': {}", path.string(), reason));
    return std::nullopt;
  }

  // Resolves an entry written in the file at FROM (relative to the root); reports at the entry on error.
  std::optional<std::filesystem::path> resolve(const std::filesystem::path& from, const LocatedName& entry) {
    auto resolved = resolve_document_path(from.parent_path(), entry.name);
    if (!resolved) {
      diagnostics_.error(entry.at, resolved.error().message);
      return std::nullopt;
    }
    return *resolved;
  }

  void load_scene(const std::filesystem::path& in_root, const Location* referred_at, std::optional<YamlNode> root) {
    std::string file = display_path(root_, in_root).string();
    if (!root) {
      auto text = read(in_root, referred_at);
      if (!text) return;
      auto parsed = parse_yaml(*text, file);
      if (!parsed) {
        diagnostics_.add(parsed.error());
        return;
      }
      root = std::move(*parsed);
    }
    if (is_exhibition_root(*root)) {
      diagnostics_.error(referred_at ? *referred_at : Location{file, 1, 1, {}},
                         fmt::format("'{}' is an exhibition file; include only scene files", file));
      return;
    }
    ValueReader reader(file, diagnostics_);
    SceneFileDocument doc = parse_scene_file(*root, reader);
    std::vector<LocatedName> includes = doc.includes;
    scenes_.push_back(std::move(doc));
    follow_includes(in_root, includes);
  }

  void follow_includes(const std::filesystem::path& from, const std::vector<LocatedName>& includes) {
    stack_.push_back(from);
    for (const LocatedName& include : includes) {
      auto target = resolve(from, include);
      if (!target) continue;
      if (std::find(stack_.begin(), stack_.end(), *target) != stack_.end()) {
        std::string chain;
        auto start = std::find(stack_.begin(), stack_.end(), *target);
        for (auto it = start; it != stack_.end(); ++it) chain += display_path(root_, *it).string() + " -> ";
        chain += display_path(root_, *target).string();
        diagnostics_.error(include.at, "include cycle: " + chain);
        continue;
      }
      if (std::find(loaded_.begin(), loaded_.end(), *target) != loaded_.end()) continue;
      loaded_.push_back(*target);
      load_scene(*target, &include.at, std::nullopt);
    }
    stack_.pop_back();
  }

  void load_exhibition(const std::filesystem::path& in_root, const YamlNode& root) {
    std::string file = display_path(root_, in_root).string();
    exhibition_ = parse_exhibition(root, file, diagnostics_);
    if (!exhibition_) return;
    for (const LocatedName& entry : exhibition_->relics) {
      auto target = resolve(in_root, entry);
      if (!target) continue;
      auto text = read(*target, &entry.at);
      if (!text) continue;
      auto manifest = parse_relic_manifest(*text, display_path(root_, *target).string(), diagnostics_);
      if (!manifest) continue;
      for (const RelicManifest& other : relics_) {
        if (other.id.name == manifest->id.name) {
          diagnostics_.error(manifest->id.at, fmt::format("relic id '{}' is also used by {}", manifest->id.name,
                                                          other.file));
        }
      }
      relics_.push_back(std::move(*manifest));
    }
    for (const LocatedName& entry : exhibition_->strings) {
      auto target = resolve(in_root, entry);
      if (!target) continue;
      auto text = read(*target, &entry.at);
      if (text) parse_string_table(*text, display_path(root_, *target).string(), strings_, diagnostics_);
    }
    check_sound_files(in_root);
    loaded_.push_back(in_root);
    follow_includes(in_root, exhibition_->includes);
  }

  // Sound files must stay inside the folder (an error); one missing on disk is a warning, because the show goes on
  // without it (its cues are silent). Files read from a pack are the pack's business.
  void check_sound_files(const std::filesystem::path& in_root) {
    for (const SoundDocument& sound : exhibition_->sounds) {
      std::vector<const LocatedName*> paths;
      if (sound.file) paths.push_back(&*sound.file);
      for (const auto& [locale, file] : sound.files) paths.push_back(&file);
      for (const LocatedName* path : paths) {
        auto target = resolve(in_root, *path);
        if (!target || source_) continue;
        std::error_code ec;
        std::filesystem::path on_disk = display_path(root_, *target);
        if (!std::filesystem::is_regular_file(on_disk, ec)) {
          diagnostics_.warning(path->at, fmt::format("sound file '{}' not found (looked for {}): sound '{}' will be "
                                                     "silent", path->name, on_disk.string(), sound.key.name));
        }
      }
    }
  }

  ExhibitionSources take() {
    return ExhibitionSources{std::move(exhibition_), std::move(scenes_), std::move(relics_), std::move(strings_)};
  }

 private:
  std::filesystem::path root_;
  Diagnostics& diagnostics_;
  const DocumentSource& source_;
  std::vector<std::filesystem::path> stack_;   // files being loaded, outermost first
  std::vector<std::filesystem::path> loaded_;  // files already loaded
  std::optional<ExhibitionDocument> exhibition_;
  std::vector<SceneFileDocument> scenes_;
  std::vector<RelicManifest> relics_;
  StringTables strings_;
};

}  // namespace

ExhibitionSources load_exhibition_sources(const std::filesystem::path& path, Diagnostics& diagnostics,
                                          const DocumentSource& source) {
  Loader loader(path.parent_path(), diagnostics, source);
  std::filesystem::path in_root = path.filename();
  auto text = loader.read(in_root, nullptr);
  if (!text) return {};
  auto root = parse_yaml(*text, display_path(path.parent_path(), in_root).string());
  if (!root) {
    diagnostics.add(root.error());
    return {};
  }
  if (is_exhibition_root(*root)) {
    loader.load_exhibition(in_root, *root);
  } else {
    loader.load_scene(in_root, nullptr, std::move(*root));
  }
  return loader.take();
}

}  // namespace liyuan::scene
