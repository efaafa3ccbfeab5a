// Manifest parsing and validation; every message points at the offending node.
#include "manifest.h"

#include "text_checks.h"
#include "yaml_document.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>

namespace liyuan::packer {
namespace {

constexpr float kMaxRelicMetres = 1000.f;

class ManifestReader {
 public:
  ManifestReader(const YamlDocument& doc, const std::filesystem::path& path) : doc_(doc), path_(path) {
    manifest_.file = doc.file;
    manifest_.text = doc.text;
  }
  Result<RelicManifest> run();

 private:
  Error error(const YAML::Node& node, std::string message) const {
    return error_at_node(doc_.file, node, std::move(message));
  }
  Status read_locale_map(const YamlEntry& entry, std::map<std::string, std::string>& out);
  Status read_plain(const YamlEntry& entry, std::string& out);
  Result<float> read_metres(const YAML::Node& node, std::string_view what);
  Status read_source(const YamlEntry& entry);
  Status read_axis(const YamlEntry& entry, std::string& out);

  const YamlDocument& doc_;
  std::filesystem::path path_;
  RelicManifest manifest_;
};

Status ManifestReader::read_locale_map(const YamlEntry& entry, std::map<std::string, std::string>& out) {
  auto items = map_entries(doc_.file, entry.value, fmt::format("'{}' (locale → text)", entry.key));
  if (!items) return items.error();
  for (const YamlEntry& item : *items) {
    if (!is_locale_tag(item.key)) {
      return error(item.key_node, fmt::format("'{}' is not a BCP-47 locale tag (like en, zh-Hans, ar)", item.key));
    }
    auto text = scalar_text(doc_.file, item.value, fmt::format("{} in '{}'", entry.key, item.key));
    if (!text) return text.error();
    if (text->empty()) return error(item.value, fmt::format("{} in '{}' is empty", entry.key, item.key));
    out[item.key] = std::move(*text);
  }
  if (out.empty()) return error(entry.value, fmt::format("'{}' names no locale", entry.key));
  return {};
}

Status ManifestReader::read_plain(const YamlEntry& entry, std::string& out) {
  auto text = scalar_text(doc_.file, entry.value, fmt::format("'{}'", entry.key));
  if (!text) return text.error();
  out = std::move(*text);
  return {};
}

Result<float> ManifestReader::read_metres(const YAML::Node& node, std::string_view what) {
  auto text = scalar_text(doc_.file, node, what);
  if (!text) return text.error();
  char* end = nullptr;
  const double value = std::strtod(text->c_str(), &end);
  if (text->empty() || end != text->c_str() + text->size()) {
    return error(node, fmt::format("{} must be a number of metres, not '{}'", what, *text));
  }
  if (!std::isfinite(value) || value <= 0.0 || value > kMaxRelicMetres) {
    return error(node, fmt::format("{} must be between 0 and {} metres, not {}", what, kMaxRelicMetres, *text));
  }
  return float(value);
}

Status ManifestReader::read_source(const YamlEntry& entry) {
  if (auto status = read_plain(entry, manifest_.source); !status) return status;
  const std::string& source = manifest_.source;
  if (source.empty()) return error(entry.value, "'source' is empty");
  if (std::filesystem::path(source).is_absolute() || source[0] == '/' || source[0] == '\\') {
    return error(entry.value, fmt::format("'source' must be relative to the manifest, not the absolute path '{}'",
                                          source));
  }
  manifest_.source_path = path_.parent_path() / std::filesystem::path(source);
  std::error_code ignored;
  if (!std::filesystem::is_regular_file(manifest_.source_path, ignored)) {
    return error(entry.value, fmt::format("source '{}' not found (looked for {})", source,
                                          manifest_.source_path.string()));
  }
  return {};
}

Status ManifestReader::read_axis(const YamlEntry& entry, std::string& out) {
  if (auto status = read_plain(entry, out); !status) return status;
  for (const char* axis : {"+x", "-x", "+y", "-y", "+z", "-z"}) {
    if (out == axis) return {};
  }
  return error(entry.value, fmt::format("'{}' must be one of +x, -x, +y, -y, +z, -z, not '{}'", entry.key, out));
}

Result<RelicManifest> ManifestReader::run() {
  auto entries = map_entries(doc_.file, doc_.root, "a relic manifest");
  if (!entries) return entries.error();
  bool has_size = false;
  for (const YamlEntry& entry : *entries) {
    const std::string& key = entry.key;
    Status status;
    if (key == "id") {
      status = read_plain(entry, manifest_.id);
      if (status && !is_slug(manifest_.id)) {
        status = error(entry.value, fmt::format("id '{}' is not a lowercase slug (letters, digits and single hyphens, "
                                                "starting with a letter, at most 64 characters)", manifest_.id));
      }
    } else if (key == "source") {
      status = read_source(entry);
    } else if (key == "title") {
      status = read_locale_map(entry, manifest_.title);
    } else if (key == "description") {
      status = read_locale_map(entry, manifest_.description);
    } else if (key == "period") {
      status = read_locale_map(entry, manifest_.period);
    } else if (key == "inventory") {
      status = read_plain(entry, manifest_.inventory);
    } else if (key == "provenance") {
      status = read_plain(entry, manifest_.provenance);
    } else if (key == "credit") {
      status = read_plain(entry, manifest_.credit);
    } else if (key == "licence") {
      status = read_plain(entry, manifest_.licence);
    } else if (key == "height" || key == "size") {
      if (has_size) return error(entry.key_node, "give either 'height' or 'size', not both");
      has_size = true;
      if (key == "height") {
        auto metres = read_metres(entry.value, "'height'");
        if (!metres) return metres.error();
        manifest_.height = *metres;
      } else {
        if (!entry.value.IsSequence() || entry.value.size() != 3) {
          return error(entry.value, "'size' must be a list of three lengths in metres: [x, y, z]");
        }
        for (int axis = 0; axis < 3; ++axis) {
          auto metres = read_metres(entry.value[axis], "each length in 'size'");
          if (!metres) return metres.error();
          manifest_.box[axis] = *metres;
        }
      }
    } else if (key == "clips") {
      auto clips = string_list(doc_.file, entry.value, "'clips'", false);
      if (!clips) return clips.error();
      manifest_.clips = std::move(*clips);
    } else if (key == "front") {
      status = read_axis(entry, manifest_.front);
    } else if (key == "up") {
      status = read_axis(entry, manifest_.up);
    } else {
      manifest_.warnings.push_back(message_at_node(doc_.file, entry.key_node,
                                                   fmt::format("unknown key '{}' ignored", key)));
    }
    if (!status) return status.error();
  }
  for (const char* required : {"id", "source", "title", "credit", "licence"}) {
    bool found = false;
    for (const YamlEntry& entry : *entries) found = found || entry.key == required;
    if (!found) return error(doc_.root, fmt::format("missing required field '{}'", required));
  }
  if (!has_size) return error(doc_.root, "missing required field 'height' (metres) or 'size' ([x, y, z] metres)");
  for (const auto* texts : {&manifest_.description, &manifest_.period}) {
    for (const auto& [locale, text] : *texts) {
      if (!manifest_.title.count(locale)) {
        const char* key = texts == &manifest_.description ? "description" : "period";
        return error(doc_.root[key][locale], fmt::format("{} in '{}' has no title in '{}'", key, locale, locale));
      }
    }
  }
  return std::move(manifest_);
}

}  // namespace

Result<RelicManifest> parse_manifest(std::string text, const std::filesystem::path& path, const std::string& display) {
  auto doc = parse_yaml_text(std::move(text), display);
  if (!doc) return doc.error();
  return ManifestReader(*doc, path).run();
}

Result<RelicManifest> load_manifest(const std::filesystem::path& path, const std::string& display) {
  auto doc = load_yaml_file(path, display);
  if (!doc) return doc.error();
  return ManifestReader(*doc, path).run();
}

}  // namespace liyuan::packer
