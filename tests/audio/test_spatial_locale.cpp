// Where a sound is heard and in which language: a source to the visitor's right is louder in the right channel (and
// follows the head when it turns); ambience ducks under narration; switching the language swaps the narration at
// the next cue with no gap over 50 ms.
#include <gtest/gtest.h>
#include <sndfile.h>

#include <cstdio>

#include <glm/gtc/quaternion.hpp>

#include "audio_rig.h"
#include "scene/timeline_evaluate.h"
#include "support/test_support.h"

namespace liyuan::audio::test {
namespace {

constexpr double kFrame = 1.0 / 60.0;

// A graph with one node at POSITION carrying a looping audio source of clip KEY.
scene::SceneGraph graph_with_source(vec3 position, const std::string& key) {
  scene::SceneGraph graph;
  graph.names = {"lantern"};
  graph.parents = {-1};
  scene::Transform transform;
  transform.translation = position;
  graph.local = {transform};
  graph.active = {1};
  graph.audio_sources.push_back(scene::AudioSource{0, key, 1.0f, true});
  graph.index_by_name["lantern"] = 0;
  return graph;
}

TEST(AudioSpatial, ASourceOnTheRightIsLouderInTheRightChannel) {
  const auto dir = output_dir();
  LoopbackRig rig;
  write_tone(dir / "crackle.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_16, 500.0, 1.0, 0.5, 2);  // stereo: mixed to mono
  rig.library().add_owned("crackle", "", "crackle.wav", read_bytes(dir / "crackle.wav"));
  scene::Timeline timeline = cue_timeline(10.0, {});
  const scene::SceneGraph graph = graph_with_source(vec3(2.0f, 0.0f, 0.0f), "crackle");  // +X: right of -Z
  scene::Playhead playhead(timeline);
  ListenerPose facing_forward;  // at the origin, looking down -Z
  ListenerPose turned_around;   // looking down +Z: the lantern is now on the left
  turned_around.orientation = glm::angleAxis(float(M_PI), vec3(0.0f, 1.0f, 0.0f));
  for (int frame = 0; frame < 60; ++frame) rig.step(timeline, graph, playhead, kFrame, "en", {}, facing_forward);
  for (int frame = 0; frame < 60; ++frame) rig.step(timeline, graph, playhead, kFrame, "en", {}, turned_around);
  rig.capture().save(dir / "capture.wav");
  const Capture& capture = rig.capture();
  const double left = capture.rms(0, 0.2, 0.9), right = capture.rms(1, 0.2, 0.9);
  EXPECT_GT(right, 0.05) << "the source sounds";
  EXPECT_GT(right, 2.0 * left) << "left " << left << ", right " << right;
  const double left_turned = capture.rms(0, 1.2, 1.9), right_turned = capture.rms(1, 1.2, 1.9);
  EXPECT_GT(left_turned, 2.0 * right_turned) << "left " << left_turned << ", right " << right_turned;
}

TEST(AudioMix, AmbienceDucksUnderNarrationAndComesBack) {
  const auto dir = output_dir();
  LoopbackRig rig;
  write_tone(dir / "murmur.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_16, 200.0, 0.5);
  write_tone(dir / "voice.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_16, 800.0, 1.0);
  rig.library().add_owned("murmur", "", "murmur.wav", read_bytes(dir / "murmur.wav"));
  rig.library().add_owned("voice", "en", "voice.wav", read_bytes(dir / "voice.wav"));
  scene::Timeline timeline = cue_timeline(10.0, {{1.0, "voice"}});
  scene::SceneGraph graph = graph_with_source(vec3(0.0f, 0.0f, -0.5f), "murmur");
  SoundLookup sounds = [](const std::string& key) {
    return key == "voice" ? SoundInfo{Bus::Narration, true} : SoundInfo{Bus::Ambience, false};
  };
  scene::Playhead playhead(timeline);
  rig.run_until(3.5, timeline, graph, playhead, kFrame, "en", sounds);
  const Capture& capture = rig.capture();
  const double before = capture.tone(200.0, 0.5, 1.0);
  const double during = capture.tone(200.0, 1.4, 1.9);  // after the 0.25 s attack
  const double after = capture.tone(200.0, 3.0, 3.5);   // after the 0.6 s release
  EXPECT_GT(before, 0.05);
  EXPECT_NEAR(during / before, 0.35, 0.05) << "ducked to the ducking level";
  EXPECT_NEAR(after / before, 1.0, 0.05) << "back to full";
  EXPECT_GT(capture.tone(800.0, 1.4, 1.9), 0.05) << "the narration sounds";
}

TEST(AudioMix, ANarrationThatCannotSoundDoesNotHoldTheAmbienceDown) {
  const auto dir = output_dir();
  LoopbackRig rig;
  write_tone(dir / "murmur.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_16, 200.0, 0.5);
  rig.library().add_owned("murmur", "", "murmur.wav", read_bytes(dir / "murmur.wav"));
  // "voice" is a narration cue whose file is missing from the pack: its cue lasts for ever, but nothing speaks.
  scene::Timeline timeline = cue_timeline(10.0, {{1.0, "voice"}});
  scene::SceneGraph graph = graph_with_source(vec3(0.0f, 0.0f, -0.5f), "murmur");
  SoundLookup sounds = [](const std::string& key) {
    return key == "voice" ? SoundInfo{Bus::Narration, true} : SoundInfo{Bus::Ambience, false};
  };
  scene::Playhead playhead(timeline);
  rig.run_until(2.5, timeline, graph, playhead, kFrame, "en", sounds);
  const Capture& capture = rig.capture();
  const double before = capture.tone(200.0, 0.5, 1.0);
  const double during = capture.tone(200.0, 2.0, 2.5);
  EXPECT_GT(before, 0.05);
  EXPECT_NEAR(during / before, 1.0, 0.05) << "the bed stays at full level under a silent cue";
}

TEST(AudioLocale, SwitchingLanguageSwapsNarrationAtTheNextCue) {
  const auto dir = output_dir();
  LoopbackRig rig;
  // English narration at 440 Hz, Chinese at 660 Hz; two cues back to back.
  write_tone(dir / "one.en.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_16, 440.0, 0.6);
  write_tone(dir / "one.zh.flac", SF_FORMAT_FLAC | SF_FORMAT_PCM_16, 660.0, 0.6);
  write_tone(dir / "two.en.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_16, 440.0, 0.6);
  write_tone(dir / "two.zh.ogg", SF_FORMAT_OGG | SF_FORMAT_VORBIS, 660.0, 0.6);
  ClipLibrary& library = rig.library();
  library.add_owned("one", "en", "one.en.wav", read_bytes(dir / "one.en.wav"));
  library.add_owned("one", "zh-Hans", "one.zh.flac", read_bytes(dir / "one.zh.flac"));
  library.add_owned("two", "en", "two.en.wav", read_bytes(dir / "two.en.wav"));
  library.add_owned("two", "zh-Hans", "two.zh.ogg", read_bytes(dir / "two.zh.ogg"));
  scene::Timeline timeline = cue_timeline(5.0, {{0.2, "one"}, {0.8, "two"}});
  SoundLookup sounds = [](const std::string&) { return SoundInfo{Bus::Narration, true}; };
  scene::Playhead playhead(timeline);
  rig.run_until(0.5, timeline, {}, playhead, kFrame, "en", sounds);
  EXPECT_EQ(rig.director().voice_locale(kCueVoice + 0), "en");
  // The visitor switches to Chinese in the middle of the first cue: it finishes in English.
  rig.run_until(1.0, timeline, {}, playhead, kFrame, "zh-Hans", sounds);
  EXPECT_EQ(rig.director().voice_locale(kCueVoice + 1), "zh-Hans");
  rig.run_until(1.6, timeline, {}, playhead, kFrame, "zh-Hans", sounds);
  rig.capture().save(dir / "capture.wav");
  const Capture& capture = rig.capture();
  EXPECT_GT(capture.tone(440.0, 0.55, 0.79), 5.0 * capture.tone(660.0, 0.55, 0.79)) << "cue one stays English";
  EXPECT_GT(capture.tone(660.0, 0.81, 1.3), 5.0 * capture.tone(440.0, 0.81, 1.3)) << "cue two is Chinese";
  // The swap happens on cue two's first sample: 440 Hz just before 0.8 s, 660 Hz just after.
  EXPECT_GT(capture.tone(440.0, 0.78, 0.8), 5.0 * capture.tone(440.0, 0.8, 0.82));
  EXPECT_GT(capture.tone(660.0, 0.8, 0.82), 5.0 * capture.tone(660.0, 0.78, 0.8));
  // No gap in the narration from cue one's start to cue two's end.
  const double gap = capture.longest_silence(0.21, 1.39);
  EXPECT_LE(gap, 0.050) << "the longest silence is " << gap * 1000.0 << " ms";
  std::printf("longest silence across the language switch: %.2f ms\n", gap * 1000.0);
  EXPECT_NEAR(capture.onset(0.0), 0.2, 0.010);
  EXPECT_NEAR(capture.last_sound(1.0, 1.6), 1.4, 0.010);
}

}  // namespace
}  // namespace liyuan::audio::test
