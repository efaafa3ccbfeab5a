// Missing and corrupt sound files: one message naming the file, and the show goes on: the other cues still sound on
// time, the broken ones are silent.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <sndfile.h>

#include <fstream>

#include "audio/decoder.h"
#include "audio_rig.h"
#include "support/test_support.h"

namespace liyuan::audio::test {
namespace {

constexpr double kFrame = 1.0 / 60.0;

bool any_names(const std::vector<std::string>& problems, const std::string& text) {
  for (const std::string& p : problems) {
    if (p.find(text) != std::string::npos) return true;
  }
  return false;
}

TEST(AudioFaults, MissingAndCorruptFilesAreNamedAndTheShowGoesOn) {
  const auto dir = output_dir();
  LoopbackRig rig;
  write_tone(dir / "good.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_16, 440.0, 0.15);
  write_tone(dir / "late.ogg", SF_FORMAT_OGG | SF_FORMAT_VORBIS, 660.0, 0.15);
  // A file cut short in its header, and one that is not a sound at all.
  std::vector<std::byte> truncated = read_bytes(dir / "good.wav");
  truncated.resize(20);
  std::vector<std::byte> noise(4000);
  for (size_t i = 0; i < noise.size(); ++i) noise[i] = std::byte((i * 7919u) >> 3);
  ClipLibrary& library = rig.library();
  library.add_owned("good", "", "audio/good.wav", read_bytes(dir / "good.wav"));
  library.add_owned("cut", "", "audio/cut.wav", std::move(truncated));
  library.add_owned("noise", "", "audio/noise.ogg", std::move(noise));
  library.add_missing("gone", "", "audio/gone.flac", "is not in the pack");
  library.add_owned("late", "", "audio/late.ogg", read_bytes(dir / "late.ogg"));
  scene::Timeline timeline = cue_timeline(
      4.0, {{0.2, "good"}, {0.5, "cut"}, {0.8, "noise"}, {1.1, "gone"}, {1.3, "unlisted"}, {1.6, "late"}});
  scene::Playhead playhead(timeline);
  rig.run_until(2.2, timeline, {}, playhead, kFrame);
  const Capture& capture = rig.capture();
  EXPECT_NEAR(capture.onset(0.0), 0.2, 0.010);
  EXPECT_LT(capture.onset(0.4, 1.55), 0.0) << "the broken cues are silent";
  EXPECT_NEAR(capture.onset(1.55), 1.6, 0.010) << "the cue after them still sounds on time";

  const std::vector<std::string>& problems = library.problems();
  EXPECT_EQ(problems.size(), 4u) << "each problem once";
  EXPECT_TRUE(any_names(problems, "audio/cut.wav"));
  EXPECT_TRUE(any_names(problems, "audio/noise.ogg"));
  EXPECT_TRUE(any_names(problems, "audio/gone.flac"));
  EXPECT_TRUE(any_names(problems, "is not in the pack"));
  EXPECT_TRUE(any_names(problems, "sound 'unlisted' has no file"));
}

TEST(AudioFaults, DecoderNamesTheFile) {
  const char text[] = "RIFF but not really a wave file at all";
  auto decoded = decode_audio(std::as_bytes(std::span(text)), "hall/bad.wav (AUDI#2)");
  ASSERT_FALSE(decoded);
  EXPECT_NE(decoded.error().message.find("hall/bad.wav (AUDI#2)"), std::string::npos) << decoded.error().message;
}

TEST(AudioDecoder, ReadsWavFlacVorbisAndOpus) {
  const auto dir = output_dir();
  const std::pair<const char*, int> formats[] = {
      {"t.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_16},
      {"float.wav", SF_FORMAT_WAV | SF_FORMAT_FLOAT},    // Audacity's default export
      {"double.wav", SF_FORMAT_WAV | SF_FORMAT_DOUBLE},
      {"t.flac", SF_FORMAT_FLAC | SF_FORMAT_PCM_16},
      {"t.ogg", SF_FORMAT_OGG | SF_FORMAT_VORBIS},
      {"t.opus", SF_FORMAT_OGG | SF_FORMAT_OPUS},
  };
  for (const auto& [name, format] : formats) {
    write_tone(dir / name, format, 440.0, 0.5, 0.5, 2);
    auto clip = decode_audio(read_bytes(dir / name), name);
    ASSERT_TRUE(clip) << clip.error().message;
    EXPECT_EQ(clip->channels, 2) << name;
    EXPECT_EQ(clip->sample_rate, kRate) << name;
    EXPECT_NEAR(clip->seconds(), 0.5, 0.03) << name;
    // Loud as written (amplitude 0.5): float samples scaled to 16 bits, not truncated to silence.
    int16_t peak = 0;
    for (int16_t sample : clip->samples) peak = std::max<int16_t>(peak, int16_t(std::abs(sample)));
    EXPECT_NEAR(peak, 16384, 1700) << name;
    const PcmClip mono = mix_to_mono(*clip);
    EXPECT_EQ(mono.channels, 1);
    EXPECT_EQ(mono.frames(), clip->frames());
  }
}

}  // namespace
}  // namespace liyuan::audio::test
