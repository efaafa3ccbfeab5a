#include "scene/playhead.h"

#include <gtest/gtest.h>

#include "scene/timeline_evaluate.h"

namespace liyuan::scene {
namespace {

Timeline timeline_with_attract() {
  Timeline timeline;
  timeline.duration = 60.0;
  timeline.attract = AttractSection{2.0, 10.0};
  timeline.events = {TimedName{3.0, "attract-beat"}, TimedName{20.0, "tour"}};
  return timeline;
}

TEST(Playhead, AdvancesByWallTimeTimesScaleAndStopsWhenPaused) {
  Timeline timeline;
  timeline.duration = 100.0;
  Playhead playhead(timeline);
  playhead.advance(1.5);
  EXPECT_DOUBLE_EQ(playhead.time(), 1.5);
  playhead.set_time_scale(2.0);
  playhead.advance(1.0);
  EXPECT_DOUBLE_EQ(playhead.time(), 3.5);
  playhead.pause();
  EXPECT_EQ(playhead.advance(5.0).span_count, 0);
  EXPECT_DOUBLE_EQ(playhead.time(), 3.5);
  playhead.resume();
  playhead.set_time_scale(-1.0);  // taken as 0
  playhead.advance(1.0);
  EXPECT_DOUBLE_EQ(playhead.time(), 3.5);
  playhead.set_time_scale(1.0);
  playhead.seek(150.0);
  EXPECT_DOUBLE_EQ(playhead.time(), 100.0);
  playhead.seek(-3.0);
  EXPECT_DOUBLE_EQ(playhead.time(), 0.0);
}

TEST(Playhead, HoldsOrLoopsAtTheEndWithoutAnAttractSection) {
  Timeline timeline;
  timeline.duration = 10.0;
  Playhead hold(timeline);
  hold.advance(12.0);
  EXPECT_DOUBLE_EQ(hold.time(), 10.0);
  EXPECT_TRUE(hold.finished());
  Playhead loop(timeline, AtEnd::Loop);
  loop.advance(9.0);
  PlayheadAdvance step = loop.advance(3.5);
  EXPECT_DOUBLE_EQ(loop.time(), 2.5);
  EXPECT_TRUE(step.wrapped);
  ASSERT_EQ(step.span_count, 2);
  EXPECT_DOUBLE_EQ(step.spans[0].to, 10.0);
  EXPECT_DOUBLE_EQ(step.spans[1].to, 2.5);
}

TEST(Playhead, TheAttractSectionLoopsUntilAVisitorArrives) {
  Timeline timeline = timeline_with_attract();
  Playhead playhead(timeline);
  playhead.advance(9.0);
  EXPECT_DOUBLE_EQ(playhead.time(), 9.0);
  PlayheadAdvance step = playhead.advance(3.0);  // reaches the end (10) and wraps to 2 + 2
  EXPECT_TRUE(step.wrapped);
  EXPECT_DOUBLE_EQ(playhead.time(), 4.0);
  // Many loops in one long step still land inside the section.
  playhead.advance(8.0 * 1000 + 1.0);
  EXPECT_NEAR(playhead.time(), 5.0, 1e-6);
  // The events of the section fire again on every loop.
  playhead.seek(9.0);
  PlayheadAdvance again = playhead.advance(2.0);
  bool beat = false;
  for (int s = 0; s < again.span_count; ++s) {
    for (const TimedName* e : events_crossed(timeline, again.spans[s].from, again.spans[s].to)) {
      beat = beat || e->name == "attract-beat";
    }
  }
  EXPECT_TRUE(beat) << "the wrap to 2 passes 3 again";

  playhead.visitor_arrived();
  playhead.seek(9.0);
  playhead.advance(3.0);
  EXPECT_DOUBLE_EQ(playhead.time(), 12.0);  // continues past the section
  playhead.advance(100.0);                   // the end: back to the attract section, waiting for the next visitor
  EXPECT_DOUBLE_EQ(playhead.time(), 2.0);
  EXPECT_FALSE(playhead.visitor_present());
  playhead.advance(9.0);
  EXPECT_DOUBLE_EQ(playhead.time(), 3.0);
}

TEST(Playhead, SeekingPastTheAttractSectionLeavesIt) {
  Timeline timeline = timeline_with_attract();
  Playhead playhead(timeline);
  playhead.seek(15.0);
  playhead.advance(1.0);
  EXPECT_DOUBLE_EQ(playhead.time(), 16.0);
  playhead.visitor_left();
  EXPECT_DOUBLE_EQ(playhead.time(), 2.0);
}

TEST(Playhead, TimeMapsToTheSameStateAsEvaluatingThatTime) {
  Timeline timeline = timeline_with_attract();
  timeline.tracks.push_back(PropertyTrack{TrackProperty::FogDensity, -1, -1,
                                          {Keyframe{0.0, vec4(0.0f)}, Keyframe{10.0, vec4(1.0f)}}});
  SceneGraph graph;
  Playhead playhead(timeline);
  for (int frame = 0; frame < 1000; ++frame) playhead.advance(1.0 / 90.0);
  FrameState by_playhead = evaluate(timeline, graph, playhead.time());
  double expected_time = 2.0 + std::fmod(1000.0 / 90.0 - 10.0, 8.0);  // one wrap at 10 back to 2
  EXPECT_NEAR(playhead.time(), expected_time, 1e-9);
  EXPECT_NEAR(by_playhead.environment.fog_density, expected_time / 10.0, 1e-5);
}

}  // namespace
}  // namespace liyuan::scene
