// Audio cues in step with the timeline, measured in what the loopback device mixed: onsets within 10 ms of their
// timeline time from the start, after a seek, after a pause and across the attract loop's wrap, and drift pulled in
// when the sound card's clock runs fast.
#include <gtest/gtest.h>
#include <sndfile.h>

#include <cstdio>

#include "audio_rig.h"
#include "support/test_support.h"

namespace liyuan::audio::test {
namespace {

constexpr double kFrame = 1.0 / 60.0;  // the frame loop's fixed step
constexpr double kOnsetTolerance = 0.010;

// Three short tones (WAV, FLAC, Ogg Vorbis) registered as "a", "b", "c".
void add_three_tones(ClipLibrary& library, const std::filesystem::path& dir) {
  write_tone(dir / "a.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_16, 440.0, 0.15);
  write_tone(dir / "b.flac", SF_FORMAT_FLAC | SF_FORMAT_PCM_16, 550.0, 0.15);
  write_tone(dir / "c.ogg", SF_FORMAT_OGG | SF_FORMAT_VORBIS, 660.0, 0.15);
  library.add_owned("a", "", "a.wav", read_bytes(dir / "a.wav"));
  library.add_owned("b", "", "b.flac", read_bytes(dir / "b.flac"));
  library.add_owned("c", "", "c.ogg", read_bytes(dir / "c.ogg"));
}

// Expects a sound to begin within kOnsetTolerance of EXPECTED (seconds of captured audio), searching from 50 ms
// before it.
void expect_onset(const Capture& capture, double expected, const char* what) {
  const double onset = capture.onset(expected - 0.05, expected + 0.1);
  ASSERT_GE(onset, 0.0) << what << ": nothing sounded near " << expected << " s";
  EXPECT_NEAR(onset, expected, kOnsetTolerance) << what;
  std::printf("%s: heard %+.2f ms from its timeline time\n", what, (onset - expected) * 1000.0);
}

TEST(AudioSync, ThreeCuesStartAtTheirTimelineTime) {
  const auto dir = output_dir();
  LoopbackRig rig;
  add_three_tones(rig.library(), dir);
  // Times that fall between frames (the frame step is 16.7 ms), so the director must start them mid-frame.
  scene::Timeline timeline = cue_timeline(3.0, {{0.31, "a"}, {0.905, "b"}, {1.6027, "c"}});
  scene::Playhead playhead(timeline);
  rig.run_until(2.0, timeline, {}, playhead, kFrame);
  rig.capture().save(dir / "capture.wav");
  expect_onset(rig.capture(), 0.31, "cue a");
  expect_onset(rig.capture(), 0.905, "cue b");
  expect_onset(rig.capture(), 1.6027, "cue c");
  EXPECT_TRUE(rig.library().problems().empty());
  // Nothing before the first cue.
  EXPECT_LT(rig.capture().onset(0.0, 0.30), 0.0);
}

TEST(AudioSync, CuesFollowASeek) {
  const auto dir = output_dir();
  LoopbackRig rig;
  add_three_tones(rig.library(), dir);
  scene::Timeline timeline = cue_timeline(6.0, {{0.31, "a"}, {2.505, "b"}, {3.1031, "c"}});
  scene::Playhead playhead(timeline);
  rig.run_until(0.6, timeline, {}, playhead, kFrame);
  const double seek_wall = rig.capture().seconds();
  playhead.seek(2.3);  // 205 ms before cue b
  rig.run_until(seek_wall + 1.2, timeline, {}, playhead, kFrame);
  rig.capture().save(dir / "capture.wav");
  expect_onset(rig.capture(), 0.31, "cue a");
  expect_onset(rig.capture(), seek_wall + (2.505 - 2.3), "cue b after the seek");
  expect_onset(rig.capture(), seek_wall + (3.1031 - 2.3), "cue c after the seek");
  // Nothing sounds between the seek and cue b.
  EXPECT_LT(rig.capture().onset(seek_wall, seek_wall + 0.195), 0.0);
}

TEST(AudioSync, CuesRepeatAcrossTheAttractLoop) {
  const auto dir = output_dir();
  LoopbackRig rig;
  add_three_tones(rig.library(), dir);
  scene::Timeline timeline = cue_timeline(5.0, {{0.004, "a"}, {0.9, "b"}, {1.55, "c"}});
  timeline.attract = scene::AttractSection{0.0, 1.99};  // not a whole number of frames: the wrap falls mid-frame
  scene::Playhead playhead(timeline);
  rig.run_until(6.2, timeline, {}, playhead, kFrame);
  rig.capture().save(dir / "capture.wav");
  for (int round = 0; round < 3; ++round) {
    const double base = round * 1.99;
    SCOPED_TRACE("round " + std::to_string(round));
    expect_onset(rig.capture(), base + 0.004, "cue a");
    expect_onset(rig.capture(), base + 0.9, "cue b");
    expect_onset(rig.capture(), base + 1.55, "cue c");
  }
}

TEST(AudioSync, PauseHoldsTheSoundAndResumeContinuesIt) {
  const auto dir = output_dir();
  LoopbackRig rig;
  write_tone(dir / "long.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_16, 330.0, 1.0);
  rig.library().add_owned("long", "", "long.wav", read_bytes(dir / "long.wav"));
  add_three_tones(rig.library(), dir);
  scene::Timeline timeline = cue_timeline(4.0, {{0.2, "long"}, {1.5, "a"}});
  scene::Playhead playhead(timeline);
  rig.run_until(0.7, timeline, {}, playhead, kFrame);
  playhead.pause();
  rig.run_until(1.2, timeline, {}, playhead, kFrame);
  playhead.resume();
  rig.run_until(2.5, timeline, {}, playhead, kFrame);
  const Capture& capture = rig.capture();
  // Silent while paused (after OpenAL's short fade), sounding before and after, and cue a late by the pause.
  EXPECT_GT(capture.rms(0, 0.3, 0.65), 0.1);
  EXPECT_LT(capture.onset(0.72, 1.2), 0.0);
  EXPECT_GT(capture.rms(0, 1.25, 1.65), 0.1);
  EXPECT_LT(capture.last_sound(1.2, 2.0), 1.7 + kOnsetTolerance) << "the long cue ends 1.0 s of timeline after it began";
  expect_onset(capture, 1.5 + 0.5, "cue a after a 0.5 s pause");
}

TEST(AudioSync, DriftIsPulledInWhenTheSoundCardRunsFast) {
  const auto dir = output_dir();
  LoopbackRig rig;
  write_tone(dir / "bed.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_16, 220.0, 8.0);
  rig.library().add_owned("bed", "", "bed.wav", read_bytes(dir / "bed.wav"));
  scene::Timeline timeline = cue_timeline(10.0, {{0.0, "bed"}});
  scene::Playhead playhead(timeline);
  double worst_late = 0.0;
  size_t nudged = 0, repositioned = 0;
  for (int frame = 0; frame < 6 * 60; ++frame) {
    rig.step(timeline, {}, playhead, kFrame, "en", {}, {}, 1.004);  // the audio clock gains 4 ms a second
    if (frame > 60) {
      worst_late = std::max(worst_late, rig.director().report().largest_drift);
      nudged += rig.director().report().nudged;
      repositioned += rig.director().report().repositioned;
    }
  }
  // Uncorrected, the drift would reach 24 ms after 6 s; the pitch nudge holds it to a few milliseconds.
  EXPECT_LT(worst_late, 0.005);
  std::printf("audio clock 0.4 %% fast: largest drift after the first second %.2f ms, %zu nudges\n",
              worst_late * 1000.0, nudged);
  EXPECT_GT(nudged, 0u);
  EXPECT_EQ(repositioned, 0u);
}

}  // namespace
}  // namespace liyuan::audio::test
