#include "scene/parse_exhibition.h"

#include <fmt/format.h>

#include "scene/map_reader.h"
#include "scene/po_file.h"
#include "scene/scene_keys.h"

namespace liyuan::scene {
namespace {

std::vector<LocatedName> located_list(const MapReader& map, ValueReader& reader, std::string_view key) {
  std::vector<LocatedName> out;
  if (const YamlNode* node = map.get(key)) {
    for (const YamlNode* item : reader.string_list(*node, key)) out.push_back(LocatedName{item->text, reader.at(*item)});
  }
  return out;
}

std::optional<LocatedName> located_string(const MapReader& map, ValueReader& reader, std::string_view key) {
  const YamlNode* node = map.get(key);
  if (!node) return std::nullopt;
  auto text = reader.string(*node, key);
  if (!text) return std::nullopt;
  return LocatedName{*text, reader.at(*node)};
}

std::optional<SoundDocument> parse_sound(const YamlNode& node, ValueReader& reader) {
  MapReader map(reader, node, keys::kSound, "sound");
  if (!map.is_map()) return std::nullopt;
  SoundDocument sound;
  sound.at = reader.at(node);
  if (const YamlNode* key = map.required("key")) {
    if (auto text = reader.string(*key, "key")) sound.key = LocatedName{*text, reader.at(*key)};
  }
  sound.bus = located_string(map, reader, "bus");
  sound.file = located_string(map, reader, "file");
  if (const YamlNode* files = map.get("files")) {
    if (!files->is_map()) {
      reader.error(*files, fmt::format("expected a map of locale: file for 'files', found {}", describe(*files)));
    } else {
      for (size_t i = 0; i < files->map_size(); ++i) {
        auto locale = reader.string(files->key(i), "locale");
        auto path = reader.string(files->value(i), "file");
        if (locale && path) {
          sound.files.emplace_back(LocatedName{*locale, reader.at(files->key(i))},
                                   LocatedName{*path, reader.at(files->value(i))});
        }
      }
    }
  }
  if (sound.file.has_value() == (map.get("files") != nullptr)) {
    reader.error(node, fmt::format("sound '{}' needs either 'file' (one file) or 'files' (one per locale)",
                                   sound.key.name));
  }
  return sound;
}

}  // namespace

std::string SoundDocument::bus_name() const {
  if (bus) {
    for (std::string_view name : keys::kSoundBuses) {
      if (name == bus->name) return bus->name;
    }
    return "effects";
  }
  return files.empty() ? "effects" : "narration";
}

bool is_exhibition_root(const YamlNode& root) {
  if (!root.is_map()) return false;
  for (size_t i = 0; i < root.map_size(); ++i) {
    if (root.key(i).is_scalar() && root.key(i).text == "id") return true;
  }
  return false;
}

std::optional<ExhibitionDocument> parse_exhibition(const YamlNode& root, const std::string& file,
                                                   Diagnostics& diagnostics) {
  ValueReader reader(file, diagnostics);
  MapReader map(reader, root, keys::kExhibition, "exhibition");
  if (!map.is_map()) return std::nullopt;
  ExhibitionDocument doc;
  doc.file = file;
  const YamlNode* id = map.required("id");
  if (id) {
    if (auto text = reader.string(*id, "id")) doc.id = LocatedName{*text, reader.at(*id)};
  }
  if (const YamlNode* title = map.get("title")) {
    if (auto text = reader.string(*title, "title")) doc.title = LocatedName{*text, reader.at(*title)};
  }
  const YamlNode* locale = map.required("default_locale");
  if (locale) {
    if (auto text = reader.string(*locale, "default_locale")) doc.default_locale = LocatedName{*text, reader.at(*locale)};
  }
  doc.locales = located_list(map, reader, "locales");
  bool listed = doc.default_locale.name.empty();
  for (const LocatedName& l : doc.locales) listed = listed || l.name == doc.default_locale.name;
  if (!listed) {
    if (!doc.locales.empty()) {
      reader.error(*map.get("locales"), fmt::format("the default locale '{}' is missing from 'locales'",
                                                    doc.default_locale.name));
    }
    doc.locales.insert(doc.locales.begin(), doc.default_locale);
  }
  doc.relics = located_list(map, reader, "relics");
  doc.strings = located_list(map, reader, "strings");
  doc.includes = located_list(map, reader, "include");
  if (const YamlNode* sounds = map.get("sounds")) {
    doc.sounds_at = reader.at(*sounds);
    if (const auto* items = reader.list(*sounds, "sounds")) {
      for (const YamlNode& item : *items) {
        if (auto sound = parse_sound(item, reader)) doc.sounds.push_back(std::move(*sound));
      }
    }
  }
  return doc;
}

std::optional<RelicManifest> parse_relic_manifest(std::string_view text, const std::string& file,
                                                  Diagnostics& diagnostics) {
  auto root = parse_yaml(text, file);
  if (!root) {
    diagnostics.add(root.error());
    return std::nullopt;
  }
  ValueReader reader(file, diagnostics);
  if (!root->is_map()) {
    reader.error(*root, fmt::format("expected a relic manifest (a map with 'id'), found {}", describe(*root)));
    return std::nullopt;
  }
  // Not a MapReader over a fixed key set: the manifest's other keys are the content tool's business.
  RelicManifest manifest;
  manifest.file = file;
  const YamlNode* id = nullptr;
  const YamlNode* clips = nullptr;
  for (size_t i = 0; i < root->map_size(); ++i) {
    if (root->key(i).text == "id") id = &root->value(i);
    if (root->key(i).text == "clips") clips = &root->value(i);
  }
  if (!id) {
    reader.error(*root, "missing required key 'id' in 'relic manifest'");
    return std::nullopt;
  }
  auto id_text = reader.string(*id, "id");
  if (!id_text) return std::nullopt;
  manifest.id = LocatedName{*id_text, reader.at(*id)};
  if (clips) {
    manifest.lists_clips = true;
    if (const auto* items = reader.list(*clips, "clips")) {
      for (const YamlNode& item : *items) {
        if (auto name = reader.string(item, "clips")) manifest.clips.insert(*name);
      }
    }
  }
  return manifest;
}

void parse_string_table(std::string_view text, const std::string& file, StringTables& tables,
                        Diagnostics& diagnostics) {
  if (file.size() > 3 && file.compare(file.size() - 3, 3, ".po") == 0) {
    add_po_strings(text, file, tables, diagnostics);
    return;
  }
  auto root = parse_yaml(text, file);
  if (!root) {
    diagnostics.add(root.error());
    return;
  }
  ValueReader reader(file, diagnostics);
  if (root->is_null()) return;
  if (!root->is_map()) {
    reader.error(*root, fmt::format("expected a string table (locale: {{key: text}}), found {}", describe(*root)));
    return;
  }
  for (size_t i = 0; i < root->map_size(); ++i) {
    auto locale = reader.string(root->key(i), "locale");
    if (!locale) continue;
    const YamlNode& entries = root->value(i);
    if (!entries.is_map()) {
      reader.error(entries, fmt::format("expected a map of key: text for locale '{}', found {}", *locale,
                                        describe(entries)));
      continue;
    }
    auto& table = tables[*locale];
    for (size_t j = 0; j < entries.map_size(); ++j) {
      auto key = reader.string(entries.key(j), "string key");
      auto value = reader.string(entries.value(j), key ? *key : std::string("string"));
      if (!key || !value) continue;
      auto [it, inserted] = table.emplace(*key, StringEntry{*value, reader.at(entries.key(j))});
      if (!inserted) {
        reader.error(entries.key(j), fmt::format("string '{}' is given twice for locale '{}' (first at {})", *key,
                                                 *locale, Error{"", it->second.at}.to_string()));
      }
    }
  }
}

}  // namespace liyuan::scene
