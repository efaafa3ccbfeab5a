// The exhibition's sound files (`sounds:` in exhibition.yaml, docs/scene-format.md "Sounds"), read for AUDI chunks:
// carried verbatim, compressed as the source is.
#pragma once

#include "assets/pack_format.h"
#include "core/error.h"
#include "yaml_document.h"

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace liyuan::packer {

struct SoundFile {
  std::string key;
  std::string locale;  // "" for `file:` (every locale)
  std::string path;    // relative to the exhibition folder, '/'-separated
  pack::AudioCodec codec = pack::AudioCodec::Wav;
  std::vector<std::byte> bytes;
};

// The files of DOC's `sounds:` table (DOC is the exhibition file, FOLDER its folder), in table order and, within an
// entry, in the order its `files:` are written. Fails at file:line:column when the table is not a list of maps with
// a `key`, or a path is absolute or leaves the folder. A file that is missing, unreadable, or not WAV, FLAC, Ogg
// Vorbis or Ogg Opus is left out with a warning in WARNINGS naming it: the show plays that sound silently.
Result<std::vector<SoundFile>> load_sounds(const YamlDocument& doc, const std::filesystem::path& folder,
                                           std::vector<std::string>& warnings);

// The AUDI payload of SOUND: AudioChunkHeader, key, locale, path, then the file's bytes.
std::vector<std::byte> audio_chunk_payload(const SoundFile& sound);

}  // namespace liyuan::packer
