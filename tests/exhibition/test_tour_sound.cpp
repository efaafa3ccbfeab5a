// The Tang Palace tour's sound: every caption is spoken in every locale by a narration that fits the caption, and
// through the loopback device (ShowAudio on the packed exhibition) each narration starts with its caption, speaks
// the visitor's language, and the court musicians are heard from their side of the hall.
#include <gtest/gtest.h>
#include <sndfile.h>

#include <cmath>
#include <cstdio>
#include <glm/gtc/quaternion.hpp>

#include "app/show.h"
#include "app/show_audio.h"
#include "scene/timeline_evaluate.h"
#include "support/test_support.h"
#include "tang_palace.h"

namespace liyuan::test {
namespace {

constexpr double kFrame = 1.0 / 60.0;
constexpr int kRate = 48000;
const char* const kLocales[] = {"zh-Hans", "en", "ja"};

// The committed narration of caption KEY in LOCALE.
std::filesystem::path narration_file(const std::string& locale, const std::string& key) {
  return source_dir() / "scenes" / "tang-palace" / "sounds" / "narration" / locale / (key + ".opus");
}

// Seconds of sound in PATH as libsndfile decodes it (as the runtime does); -1 when it cannot be opened.
double clip_seconds(const std::filesystem::path& path) {
  SF_INFO info{};
  SNDFILE* file = sf_open(path.string().c_str(), SFM_READ, &info);
  if (!file) return -1.0;
  sf_close(file);
  return double(info.frames) / info.samplerate;
}

// A mono clip as libsndfile decodes it (as the runtime does): its samples and their rate.
struct Clip {
  std::vector<float> samples;
  int rate = 0;
};

// The clip in PATH; empty when it cannot be opened.
Clip clip_samples(const std::filesystem::path& path) {
  SF_INFO info{};
  SNDFILE* file = sf_open(path.string().c_str(), SFM_READ, &info);
  if (!file) return {};
  Clip clip{std::vector<float>(size_t(info.frames) * size_t(info.channels)), info.samplerate};
  sf_readf_float(file, clip.samples.data(), info.frames);
  sf_close(file);
  return clip;
}

// "caption.vase.1" → "narration.vase.1", the clip key of its narration.
std::string narration_key(const std::string& caption_key) {
  return "narration." + caption_key.substr(std::string("caption.").size());
}

TEST(TourSound, EveryCaptionIsSpokenInEveryLocaleWithinItsTime) {
  const scene::Exhibition exhibition = load_tang_palace();
  const auto& captions = exhibition.timeline.captions;
  ASSERT_EQ(captions.size(), 14u);
  for (size_t i = 0; i < captions.size(); ++i) {
    const scene::CaptionCue& caption = captions[i];
    const std::string key = narration_key(caption.key);
    int cues = 0;
    for (const scene::AudioCue& cue : exhibition.timeline.audio_cues) {
      if (cue.clip_key != key) continue;
      ++cues;
      EXPECT_DOUBLE_EQ(cue.at, caption.at) << key << " starts with its caption";
      EXPECT_LT(cue.node, 0) << key << " is narration, not a sound in the hall";
    }
    EXPECT_EQ(cues, 1) << caption.key << " has one narration cue";
    if (i + 1 < captions.size()) {
      EXPECT_LE(caption.at + caption.duration, captions[i + 1].at + 1e-9) << caption.key << " ends before the next";
    }
    for (const char* locale : kLocales) {
      const double seconds = clip_seconds(narration_file(locale, caption.key));
      EXPECT_GT(seconds, 1.5) << locale << " " << caption.key << ": no speech";
      EXPECT_LE(seconds, caption.duration) << locale << " " << caption.key << " speaks longer than it is shown";
    }
  }
}

// The packed Tang Palace, packed once for the tests below.
const app::Show& packed_show() {
  static std::unique_ptr<app::LoadedInput> input = [] {
    const auto dir = output_dir();
    const auto pack = dir / "tang-palace.lypak";
    const CommandResult packed =
        run_command(pack_exe(), {"pack", tang_palace().string(), "-o", pack.string(), "--no-cache"});
    EXPECT_EQ(packed.exit_code, 0) << packed.output;
    auto loaded = app::load_input(pack);
    EXPECT_TRUE(loaded) << (loaded ? "" : loaded.error().to_string());
    return loaded ? std::make_unique<app::LoadedInput>(std::move(*loaded)) : nullptr;
  }();
  if (!input || !input->show) ADD_FAILURE() << "the Tang Palace did not pack";
  return *input->show;
}

// Plays the tour in LOCALE from FROM for SECONDS through a loopback ShowAudio with only the buses in HEARD
// audible, the listener at LISTENER; returns the mix (interleaved stereo at kRate, its first sample at FROM).
std::vector<float> play(const app::Show& show, const std::string& locale, double from, double seconds,
                        std::initializer_list<audio::Bus> heard, const audio::ListenerPose& listener = {}) {
  auto sound = app::ShowAudio::create(show, {app::AudioOutput::Loopback, locale, false, true, kRate});
  EXPECT_TRUE(sound) << (sound ? "" : sound.error().to_string());
  if (!sound) return {};
  for (audio::Bus bus : {audio::Bus::Narration, audio::Bus::Ambience, audio::Bus::Music, audio::Bus::Effects}) {
    (*sound)->mixer().set_bus_volume(bus, std::find(heard.begin(), heard.end(), bus) != heard.end() ? 1.0f : 0.0f);
  }
  scene::Playhead playhead(show.exhibition.timeline);
  playhead.visitor_arrived();
  playhead.seek(from);
  for (int frame = 0; frame * kFrame < seconds - 1e-9; ++frame) {
    const scene::FrameState state = scene::evaluate(show.exhibition.timeline, show.exhibition.graph, playhead.time());
    (*sound)->update(state, playhead, listener, kFrame);
    playhead.advance(kFrame);
  }
  EXPECT_TRUE((*sound)->problems().empty()) << ::testing::PrintToString((*sound)->problems());
  return (*sound)->mixed();
}

// The first time (seconds from the mix's start) where either channel of STEREO exceeds THRESHOLD; -1 if none.
double onset(const std::vector<float>& stereo, float threshold = 0.02f) {
  for (size_t i = 0; i < stereo.size(); ++i) {
    if (std::fabs(stereo[i]) > threshold) return double(i / 2) / kRate;
  }
  return -1.0;
}

// The last time where either channel exceeds THRESHOLD; -1 if none.
double last_sound(const std::vector<float>& stereo, float threshold = 0.02f) {
  for (size_t i = stereo.size(); i-- > 0;) {
    if (std::fabs(stereo[i]) > threshold) return double(i / 2) / kRate;
  }
  return -1.0;
}

// RMS of CHANNEL (0 left, 1 right) of STEREO.
double rms(const std::vector<float>& stereo, int channel) {
  double sum = 0.0;
  for (size_t i = size_t(channel); i < stereo.size(); i += 2) sum += double(stereo[i]) * stereo[i];
  return std::sqrt(sum / double(stereo.size() / 2 + 1));
}

TEST(TourSound, TheWelcomeIsSpokenWithItsCaptionInTheVisitorsLanguage) {
  const app::Show& show = packed_show();
  const auto& captions = show.exhibition.timeline.captions;
  ASSERT_EQ(captions.front().key, "caption.welcome");
  const scene::CaptionCue& welcome = captions[0];
  const double from = welcome.at - 0.5;  // half a second of the tour before the caption, up to the next caption
  for (const char* locale : kLocales) {
    const std::vector<float> mix = play(show, locale, from, captions[1].at - 0.1 - from, {audio::Bus::Narration});
    ASSERT_FALSE(mix.empty());
    // Where the file itself first and last exceeds the threshold, at the gain it is mixed with (a voice may open
    // with a quiet consonant and ends in silence): the mix must do so that long after the caption's time.
    const Clip file = clip_samples(narration_file(locale, welcome.key));
    ASSERT_FALSE(file.samples.empty()) << locale;
    auto peak = [](const std::vector<float>& samples) {
      float most = 0.0f;
      for (float sample : samples) most = std::max(most, std::fabs(sample));
      return most;
    };
    const float gain = peak(mix) / peak(file.samples);
    ASSERT_GT(gain, 0.1f) << locale << ": the narration is heard";
    double first = -1.0, last = -1.0;
    for (size_t i = 0; i < file.samples.size(); ++i) {
      if (std::fabs(file.samples[i]) * gain <= 0.02f) continue;
      if (first < 0.0) first = double(i) / file.rate;
      last = double(i) / file.rate;
    }
    std::printf("welcome, %s: heard from %+.3f ms, to %+.3f ms of the file's speech\n", locale,
                1000.0 * (from + onset(mix) - first - welcome.at),
                1000.0 * (from + last_sound(mix) - last - welcome.at));
    EXPECT_NEAR(from + onset(mix) - first, welcome.at, 0.010) << locale << ": the narration starts with the caption";
    // The speech heard is this locale's file: it ends when that file's speech ends (the locales differ by more).
    EXPECT_NEAR(from + last_sound(mix) - last, welcome.at, 0.010) << locale;
  }
}

TEST(TourSound, TheCourtMusicIsLouderInTheEarNearerTheMusicians) {
  const app::Show& show = packed_show();
  // In the middle of the hall, the musicians (at the west wall) on the left when facing -Z, on the right when
  // facing +Z; during the attract loop (no narration, so no ducking).
  audio::ListenerPose facing_north;
  facing_north.position = vec3(0.0f, 1.6f, 2.8f);
  audio::ListenerPose facing_south = facing_north;
  facing_south.orientation = glm::angleAxis(glm::radians(180.0f), vec3(0.0f, 1.0f, 0.0f));
  const std::vector<float> north = play(show, "en", 1.0, 2.0, {audio::Bus::Music}, facing_north);
  const std::vector<float> south = play(show, "en", 1.0, 2.0, {audio::Bus::Music}, facing_south);
  std::printf("court music, facing north: left %.4f right %.4f; facing south: left %.4f right %.4f (RMS)\n",
              rms(north, 0), rms(north, 1), rms(south, 0), rms(south, 1));
  EXPECT_GT(rms(north, 0), 0.002) << "the music is heard";
  EXPECT_GT(rms(north, 0), 1.5 * rms(north, 1)) << "musicians on the left";
  EXPECT_GT(rms(south, 1), 1.5 * rms(south, 0)) << "musicians on the right";
}

TEST(TourSound, TheBanquetMurmurDucksUnderNarration) {
  const app::Show& show = packed_show();
  const scene::CaptionCue& welcome = show.exhibition.timeline.captions.front();
  // Ambience and narration together: the bed before the welcome against the bed while the welcome is spoken,
  // measured on the ambience alone (the same run's ducking applies to it).
  const double from = welcome.at - 2.0;
  const std::vector<float> bed = play(show, "en", from, 4.0, {audio::Bus::Ambience});
  auto window = [&](double a, double b) {
    return std::vector<float>(bed.begin() + 2 * int64_t(a * kRate), bed.begin() + 2 * int64_t(b * kRate));
  };
  const double before = rms(window(0.5, 1.9), 0);
  const double under = rms(window(3.0, 4.0), 0);
  std::printf("banquet murmur: %.4f before the welcome, %.4f under it (RMS, left)\n", before, under);
  EXPECT_GT(before, 0.002) << "the murmur is heard";
  EXPECT_LT(under, 0.6 * before) << "the murmur ducks under the welcome";
}

}  // namespace
}  // namespace liyuan::test
