// AUDI chunks round trip through the packer's writer and the runtime's reader, and every malformed field is refused
// naming the chunk.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sndfile.h>

#include <cstring>
#include <fstream>

#include "assets/audio_chunks.h"
#include "audio_rig.h"
#include "pack_writer.h"
#include "sounds.h"

namespace liyuan::audio::test {
namespace {

std::vector<std::byte> bytes_of(std::string_view text) {
  std::vector<std::byte> out(text.size());
  std::memcpy(out.data(), text.data(), text.size());
  return out;
}

// The first 12 bytes of a WAV file (with its NULs).
constexpr std::string_view kWaveStart("RIFF\x04\0\0\0WAVE", 12);

// A pack in DIR holding PAYLOADS as AUDI#0, AUDI#1 ...; returns its reader.
PackReader pack_of(const std::filesystem::path& dir, const std::vector<std::vector<std::byte>>& payloads) {
  packer::PackWriter writer;
  for (const auto& payload : payloads) writer.add(pack::ChunkType::Audio, payload, false);
  const auto path = dir / "sounds.lypak";
  EXPECT_TRUE(packer::write_pack_file(path, writer.finish()));
  auto reader = PackReader::open(path);
  EXPECT_TRUE(reader) << reader.error().to_string();
  return std::move(*reader);
}

TEST(AudioChunks, RoundTripKeepsKeyLocalePathCodecAndBytes) {
  const auto dir = output_dir();
  write_tone(dir / "bell.flac", SF_FORMAT_FLAC | SF_FORMAT_PCM_16, 440.0, 0.2);
  packer::SoundFile flac{"bell", "zh-Hans", "audio/bell.flac", pack::AudioCodec::Flac, read_bytes(dir / "bell.flac")};
  packer::SoundFile wav{"hum", "", "hum.wav", pack::AudioCodec::Wav, bytes_of(kWaveStart)};
  PackReader reader = pack_of(dir, {packer::audio_chunk_payload(flac), packer::audio_chunk_payload(wav)});
  ASSERT_EQ(reader.count(pack::ChunkType::Audio), 2u);
  auto bell = load_pack_sound(reader, 0);
  ASSERT_TRUE(bell) << bell.error().to_string();
  EXPECT_EQ(bell->key, "bell");
  EXPECT_EQ(bell->locale, "zh-Hans");
  EXPECT_EQ(bell->path, "audio/bell.flac");
  EXPECT_EQ(bell->codec, pack::AudioCodec::Flac);
  EXPECT_EQ(bell->chunk, "AUDI#0");
  ASSERT_EQ(bell->data.size(), flac.bytes.size());
  EXPECT_TRUE(std::equal(flac.bytes.begin(), flac.bytes.end(), bell->data.begin()));
  auto decoded = decode_audio(bell->data, "bell");
  ASSERT_TRUE(decoded) << decoded.error().message;
  EXPECT_NEAR(decoded->seconds(), 0.2, 0.001);
  auto hum = load_pack_sound(reader, 1);
  ASSERT_TRUE(hum) << hum.error().to_string();
  EXPECT_EQ(hum->locale, "");
  EXPECT_EQ(hum->codec, pack::AudioCodec::Wav);
}

TEST(AudioChunks, CodecsAreToldByTheirFirstBytes) {
  const auto dir = output_dir();
  const std::pair<const char*, int> formats[] = {{"t.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_16},
                                                 {"t.flac", SF_FORMAT_FLAC | SF_FORMAT_PCM_16},
                                                 {"t.ogg", SF_FORMAT_OGG | SF_FORMAT_VORBIS},
                                                 {"t.opus", SF_FORMAT_OGG | SF_FORMAT_OPUS}};
  const pack::AudioCodec expected[] = {pack::AudioCodec::Wav, pack::AudioCodec::Flac, pack::AudioCodec::Vorbis,
                                       pack::AudioCodec::Opus};
  for (size_t i = 0; i < std::size(formats); ++i) {
    write_tone(dir / formats[i].first, formats[i].second, 440.0, 0.1);
    EXPECT_EQ(detect_audio_codec(read_bytes(dir / formats[i].first)), expected[i]) << formats[i].first;
  }
  EXPECT_FALSE(detect_audio_codec(bytes_of("ID3\x03 an mp3 is not carried")));
  EXPECT_FALSE(detect_audio_codec(bytes_of("OggS")));
}

TEST(AudioChunks, MalformedChunksAreRefusedNamingTheChunk) {
  const auto dir = output_dir();
  packer::SoundFile good{"k", "", "a.wav", pack::AudioCodec::Wav, bytes_of(kWaveStart)};
  auto with_header = [&](auto change) {
    std::vector<std::byte> payload = packer::audio_chunk_payload(good);
    pack::AudioChunkHeader h;
    std::memcpy(&h, payload.data(), sizeof h);
    change(h, payload);
    std::memcpy(payload.data(), &h, sizeof h);
    return payload;
  };
  const std::vector<std::pair<std::vector<std::byte>, std::string>> cases = {
      {bytes_of("short"), "shorter than the 24-byte audio header"},
      {with_header([](pack::AudioChunkHeader& h, auto&) { h.path_size = 1000; }), "outside the"},
      {with_header([](pack::AudioChunkHeader& h, auto&) { h.data_offset = 1u << 20; }), "outside the"},
      {with_header([](pack::AudioChunkHeader& h, auto&) { h.data_offset = 10; }), "outside the"},
      {with_header([](pack::AudioChunkHeader& h, auto&) { h.key_size = 0; h.locale_size = 1; }), "empty"},
      {with_header([](pack::AudioChunkHeader& h, auto&) { h.codec = 9; }), "unknown codec 9"},
      {with_header([](pack::AudioChunkHeader& h, auto&) { h.codec = uint32_t(pack::AudioCodec::Opus); }),
       "'a.wav' does not start as its codec (opus) says"},
      {with_header([](pack::AudioChunkHeader&, std::vector<std::byte>& p) { p[sizeof(pack::AudioChunkHeader)] =
                                                                             std::byte(0xff); }),
       "not UTF-8"},
  };
  std::vector<std::vector<std::byte>> payloads;
  for (const auto& [payload, message] : cases) payloads.push_back(payload);
  PackReader reader = pack_of(dir, payloads);
  for (uint32_t i = 0; i < cases.size(); ++i) {
    auto sound = load_pack_sound(reader, i);
    ASSERT_FALSE(sound) << "case " << i;
    const std::string text = sound.error().to_string();
    EXPECT_NE(text.find(fmt::format("AUDI#{}", i)), std::string::npos) << text;
    EXPECT_NE(text.find(cases[i].second), std::string::npos) << text;
  }
}

}  // namespace
}  // namespace liyuan::audio::test
