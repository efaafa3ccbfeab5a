// Decoding sound files held in memory (a pack's mapped bytes) with libsndfile: WAV, FLAC, Ogg Vorbis, Ogg Opus.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/error.h"

namespace liyuan::audio {

// Decoded PCM: 16-bit, interleaved, CHANNELS (1 or 2) per frame.
struct PcmClip {
  int channels = 0;
  int sample_rate = 0;
  std::vector<int16_t> samples;  // frames × channels

  size_t frames() const { return channels ? samples.size() / size_t(channels) : 0; }
  double seconds() const { return sample_rate ? double(frames()) / sample_rate : 0.0; }
};

// Decodes BYTES (a whole file in any format libsndfile reads). LABEL names the file in errors ("audio/intro.en.ogg
// (AUDI#3)"). Fails when the bytes are not a sound file libsndfile knows, hold no frames, more than 2 channels, or
// cannot be read to the end.
Result<PcmClip> decode_audio(std::span<const std::byte> bytes, const std::string& label);

// CLIP mixed down to one channel (OpenAL places only mono sounds in space); a mono clip is returned as is.
PcmClip mix_to_mono(const PcmClip& clip);

}  // namespace liyuan::audio
