#include "audio/decoder.h"

#include <fmt/format.h>
#include <sndfile.h>

#include <algorithm>
#include <cstring>
#include <cmath>

namespace liyuan::audio {
namespace {

// A read-only file in memory, for sf_open_virtual.
struct MemoryFile {
  std::span<const std::byte> bytes;
  sf_count_t position = 0;
};

sf_count_t memory_length(void* user) { return sf_count_t(static_cast<MemoryFile*>(user)->bytes.size()); }

sf_count_t memory_seek(sf_count_t offset, int whence, void* user) {
  auto* file = static_cast<MemoryFile*>(user);
  sf_count_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? file->position : sf_count_t(file->bytes.size());
  file->position = std::clamp<sf_count_t>(base + offset, 0, sf_count_t(file->bytes.size()));
  return file->position;
}

sf_count_t memory_read(void* out, sf_count_t count, void* user) {
  auto* file = static_cast<MemoryFile*>(user);
  sf_count_t n = std::min<sf_count_t>(count, sf_count_t(file->bytes.size()) - file->position);
  if (n <= 0) return 0;
  std::memcpy(out, file->bytes.data() + file->position, size_t(n));
  file->position += n;
  return n;
}

sf_count_t memory_write(const void*, sf_count_t, void*) { return 0; }

sf_count_t memory_tell(void* user) { return static_cast<MemoryFile*>(user)->position; }

// The longest sound a show plays (a narration, a bed): longer files are refused rather than filling memory.
constexpr double kMaxSeconds = 30.0 * 60.0;

// Reads every frame as floats and converts them to 16 bits (reading shorts directly would truncate float and double
// files to -1, 0 and 1: silence); libsndfile's frame count is not trusted (Ogg files may misstate it).
Result<std::vector<int16_t>> read_all(SNDFILE* sf, int channels, int sample_rate, const std::string& label) {
  std::vector<int16_t> samples;
  std::vector<float> block(size_t(4096) * size_t(channels));
  const size_t max_samples = size_t(kMaxSeconds * sample_rate) * size_t(channels);
  for (;;) {
    sf_count_t got = sf_readf_float(sf, block.data(), 4096);
    if (got <= 0) break;
    for (size_t i = 0; i < size_t(got) * size_t(channels); ++i)
      samples.push_back(int16_t(std::lrint(std::clamp(block[i], -1.0f, 1.0f) * 32767.0f)));
    if (samples.size() > max_samples)
      return make_error(fmt::format("sound file {} is longer than {:.0f} minutes", label, kMaxSeconds / 60.0));
  }
  if (sf_error(sf) != SF_ERR_NO_ERROR) {
    return make_error(fmt::format("sound file {} cannot be decoded: {}", label, sf_strerror(sf)));
  }
  return samples;
}

}  // namespace

Result<PcmClip> decode_audio(std::span<const std::byte> bytes, const std::string& label) {
  SF_VIRTUAL_IO io{memory_length, memory_seek, memory_read, memory_write, memory_tell};
  MemoryFile file{bytes, 0};
  SF_INFO info{};
  SNDFILE* sf = sf_open_virtual(&io, SFM_READ, &info, &file);
  if (!sf) {
    return make_error(fmt::format("sound file {} cannot be decoded: {} (WAV, FLAC, Ogg Vorbis and Ogg Opus are read)",
                                  label, sf_strerror(nullptr)));
  }
  PcmClip clip;
  clip.channels = info.channels;
  clip.sample_rate = info.samplerate;
  Result<std::vector<int16_t>> samples = make_error("");
  if (info.channels < 1 || info.channels > 2)
    samples = make_error(fmt::format("sound file {} has {} channels; mono or stereo is played", label, info.channels));
  else if (info.samplerate < 8000 || info.samplerate > 192000)
    samples = make_error(fmt::format("sound file {} says {} samples a second; 8000 to 192000 are played", label,
                                     info.samplerate));
  else
    samples = read_all(sf, info.channels, info.samplerate, label);
  sf_close(sf);
  if (!samples) return samples.error();
  clip.samples = std::move(*samples);
  if (clip.frames() == 0 || clip.sample_rate <= 0) {
    return make_error(fmt::format("sound file {} holds no sound", label));
  }
  return clip;
}

PcmClip mix_to_mono(const PcmClip& clip) {
  if (clip.channels == 1) return clip;
  PcmClip mono;
  mono.channels = 1;
  mono.sample_rate = clip.sample_rate;
  mono.samples.resize(clip.frames());
  for (size_t i = 0; i < mono.samples.size(); ++i) {
    mono.samples[i] = int16_t((int32_t(clip.samples[2 * i]) + int32_t(clip.samples[2 * i + 1])) / 2);
  }
  return mono;
}

}  // namespace liyuan::audio
