// `sounds:` → files for AUDI chunks.
#include "sounds.h"

#include "assets/audio_chunks.h"
#include "text_checks.h"

#include <fmt/format.h>

#include <cstring>
#include <fstream>

namespace liyuan::packer {
namespace {

// Reads the file at RELATIVE for SOUND (its key and locale set), or explains in WARNINGS why it is left out.
void read_sound(SoundFile sound, const YamlDocument& doc, const YAML::Node& node, const std::filesystem::path& folder,
                std::vector<SoundFile>& out, std::vector<std::string>& warnings) {
  std::ifstream in(folder / sound.path, std::ios::binary);
  std::vector<char> chars;
  if (in) chars.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (!in && chars.empty()) {
    warnings.push_back(message_at_node(doc.file, node, fmt::format("sound file '{}' cannot be read: sound '{}' will "
                                                                   "be silent", sound.path, sound.key)));
    return;
  }
  sound.bytes.resize(chars.size());
  if (!chars.empty()) std::memcpy(sound.bytes.data(), chars.data(), chars.size());
  auto codec = detect_audio_codec(sound.bytes);
  if (!codec) {
    warnings.push_back(message_at_node(doc.file, node, fmt::format("sound file '{}' is not a WAV, FLAC, Ogg Vorbis or "
                                                                   "Ogg Opus file: sound '{}' will be silent",
                                                                   sound.path, sound.key)));
    return;
  }
  sound.codec = *codec;
  out.push_back(std::move(sound));
}

Result<std::string> sound_path(const YamlDocument& doc, const YAML::Node& node) {
  auto written = scalar_text(doc.file, node, "a sound file");
  if (!written) return written.error();
  std::string resolved = normalize_relative_path("", *written);
  if (resolved.empty()) {
    return error_at_node(doc.file, node, fmt::format("sound file '{}' must be a relative path inside the exhibition's "
                                                     "folder", *written));
  }
  return resolved;
}

}  // namespace

Result<std::vector<SoundFile>> load_sounds(const YamlDocument& doc, const std::filesystem::path& folder,
                                           std::vector<std::string>& warnings) {
  std::vector<SoundFile> out;
  if (!doc.root.IsMap()) return out;
  const YAML::Node table = doc.root["sounds"];
  if (!table.IsDefined() || table.IsNull()) return out;
  if (!table.IsSequence()) return error_at_node(doc.file, table, "'sounds' must be a list");
  for (const YAML::Node& entry : table) {
    if (!entry.IsMap() || !entry["key"].IsDefined()) {
      return error_at_node(doc.file, entry, "a sound must be a map with a 'key'");
    }
    auto key = scalar_text(doc.file, entry["key"], "'key'");
    if (!key) return key.error();
    if (key->empty()) return error_at_node(doc.file, entry["key"], "a sound's 'key' must not be empty");
    if (const YAML::Node file = entry["file"]; file.IsDefined()) {
      auto path = sound_path(doc, file);
      if (!path) return path.error();
      read_sound(SoundFile{*key, "", *path, {}, {}}, doc, file, folder, out, warnings);
    }
    if (const YAML::Node files = entry["files"]; files.IsDefined()) {
      auto entries = map_entries(doc.file, files, "'files'");
      if (!entries) return entries.error();
      for (const YamlEntry& e : *entries) {
        if (e.key.empty()) return error_at_node(doc.file, e.value, "a narration's locale must not be empty");
        auto path = sound_path(doc, e.value);
        if (!path) return path.error();
        read_sound(SoundFile{*key, e.key, *path, {}, {}}, doc, e.value, folder, out, warnings);
      }
    }
  }
  return out;
}

std::vector<std::byte> audio_chunk_payload(const SoundFile& sound) {
  pack::AudioChunkHeader header{};
  header.key_size = uint32_t(sound.key.size());
  header.locale_size = uint32_t(sound.locale.size());
  header.path_size = uint32_t(sound.path.size());
  header.codec = uint32_t(sound.codec);
  header.data_offset = sizeof header + sound.key.size() + sound.locale.size() + sound.path.size();
  std::vector<std::byte> payload(size_t(header.data_offset) + sound.bytes.size());
  std::byte* at = payload.data();
  std::memcpy(at, &header, sizeof header);
  at += sizeof header;
  for (const std::string* text : {&sound.key, &sound.locale, &sound.path}) {
    if (!text->empty()) std::memcpy(at, text->data(), text->size());
    at += text->size();
  }
  if (!sound.bytes.empty()) std::memcpy(at, sound.bytes.data(), sound.bytes.size());
  return payload;
}

}  // namespace liyuan::packer
