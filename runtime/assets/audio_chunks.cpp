// AUDI chunks: a header, key, locale, path, then the sound file's bytes.
#include "assets/audio_chunks.h"

#include <fmt/format.h>

#include <cstring>

#include "assets/catalogue.h"

namespace liyuan {
namespace {

bool starts_with(std::span<const std::byte> bytes, size_t at, std::string_view text) {
  return bytes.size() >= at + text.size() && std::memcmp(bytes.data() + at, text.data(), text.size()) == 0;
}

}  // namespace

std::optional<pack::AudioCodec> detect_audio_codec(std::span<const std::byte> bytes) {
  if (starts_with(bytes, 0, "RIFF") && starts_with(bytes, 8, "WAVE")) return pack::AudioCodec::Wav;
  if (starts_with(bytes, 0, "fLaC")) return pack::AudioCodec::Flac;
  // An Ogg page: 27-byte header, a segment table of bytes[26] entries, then the first packet of the stream.
  if (starts_with(bytes, 0, "OggS") && bytes.size() > 27) {
    const size_t packet = 27 + size_t(bytes[26]);
    if (starts_with(bytes, packet, "\x01vorbis")) return pack::AudioCodec::Vorbis;
    if (starts_with(bytes, packet, "OpusHead")) return pack::AudioCodec::Opus;
  }
  return std::nullopt;
}

const char* audio_codec_name(uint32_t codec) {
  switch (static_cast<pack::AudioCodec>(codec)) {
    case pack::AudioCodec::Wav: return "wav";
    case pack::AudioCodec::Flac: return "flac";
    case pack::AudioCodec::Vorbis: return "vorbis";
    case pack::AudioCodec::Opus: return "opus";
  }
  return "?";
}

Result<PackSound> load_pack_sound(const PackReader& reader, uint32_t index) {
  const int position = reader.find(pack::ChunkType::Audio, index);
  const std::string file = reader.path().string();
  auto fail = [&](std::string message) -> Error {
    return make_chunk_error(file, position < 0 ? fmt::format("AUDI#{}", index) : reader.chunk_label(size_t(position)),
                            std::move(message));
  };
  if (position < 0) return fail("no such chunk");
  auto bytes = reader.load(size_t(position));
  if (!bytes) return bytes.error();
  PackSound sound;
  sound.storage = std::move(*bytes);
  sound.chunk = fmt::format("AUDI#{}", index);
  const auto payload = sound.storage.bytes();
  if (payload.size() < sizeof(pack::AudioChunkHeader)) {
    return fail(fmt::format("{} bytes, shorter than the {}-byte audio header", payload.size(),
                            sizeof(pack::AudioChunkHeader)));
  }
  pack::AudioChunkHeader h;
  std::memcpy(&h, payload.data(), sizeof h);
  const uint64_t names = uint64_t(h.key_size) + h.locale_size + h.path_size;
  if (names > payload.size() - sizeof h || h.data_offset < sizeof h + names || h.data_offset > payload.size()) {
    return fail(fmt::format("names ({} bytes) or data offset {} outside the {}-byte chunk", names, h.data_offset,
                            payload.size()));
  }
  const char* base = reinterpret_cast<const char*>(payload.data()) + sizeof h;
  sound.key = std::string_view(base, h.key_size);
  sound.locale = std::string_view(base + h.key_size, h.locale_size);
  sound.path = std::string_view(base + h.key_size + h.locale_size, h.path_size);
  if (sound.key.empty() || sound.path.empty() || !is_valid_utf8(sound.key) || !is_valid_utf8(sound.locale) ||
      !is_valid_utf8(sound.path)) {
    return fail("the sound's key, locale or path is empty or not UTF-8");
  }
  if (std::string_view(audio_codec_name(h.codec)) == "?") return fail(fmt::format("unknown codec {}", h.codec));
  sound.codec = static_cast<pack::AudioCodec>(h.codec);
  sound.data = payload.subspan(size_t(h.data_offset));
  if (detect_audio_codec(sound.data) != sound.codec) {
    return fail(fmt::format("'{}' does not start as its codec ({}) says", sound.path, audio_codec_name(h.codec)));
  }
  return sound;
}

}  // namespace liyuan
