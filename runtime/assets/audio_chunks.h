// AUDI chunks: the exhibition's sound files carried verbatim (docs/pack-format.md, "AUDI"), keyed by clip key and
// locale. The runtime decodes them (runtime/audio); here they are only found and checked.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "assets/pack_format.h"
#include "assets/pack_reader.h"
#include "core/error.h"

namespace liyuan {

// One carried sound file. Views into STORAGE (the mapping, when stored uncompressed as the packer writes it).
struct PackSound {
  std::string_view key;
  std::string_view locale;  // "" when the same file plays in every locale
  std::string_view path;    // the source file, relative to the exhibition folder (for messages)
  pack::AudioCodec codec = pack::AudioCodec::Wav;
  std::span<const std::byte> data;
  ChunkBytes storage;
  std::string chunk;  // "AUDI#2" for messages
};

// The codec BYTES are in, told by their first bytes (RIFF/WAVE, fLaC, Ogg with a Vorbis or Opus first packet), or
// nullopt when they are none of those.
std::optional<pack::AudioCodec> detect_audio_codec(std::span<const std::byte> bytes);
// "wav", "flac", "vorbis", "opus" (or "?").
const char* audio_codec_name(uint32_t codec);

// AUDI chunk number INDEX of READER. Fails, naming the chunk, when its checksum fails, a header field lies outside
// the chunk, the key or path is empty or not UTF-8, the codec is unknown, or the data does not start as its codec
// says.
Result<PackSound> load_pack_sound(const PackReader& reader, uint32_t index);

}  // namespace liyuan
