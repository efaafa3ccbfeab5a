#include "scene/timeline_evaluate.h"

#include <gtest/gtest.h>

#include <random>

#include "scene/flicker.h"
#include "scene_test_util.h"

namespace liyuan::scene {
namespace {

// One node per property, so each track's effect can be read on its own.
constexpr std::string_view kScene = R"(nodes:
  - {name: mover, translation: [0, 0, 0]}
  - {name: turner}
  - {name: grower}
  - {name: blinker}
  - {name: child-of-blinker, parent: blinker}
  - {name: lamp, light: {color: [1, 1, 1], intensity: 9, range: 5}}
  - {name: ghost}
  - {name: ghost-child, parent: ghost}
  - {name: speaker, audio_source: {clip: audio.hum, volume: 1}}
  - {name: eye, viewpoint: {fov: 60}, translation: [0, 1.6, 0]}
  - {name: eye-2, viewpoint: {fov: 80}, translation: [10, 1.6, 0]}
  - {name: box, relic: {id: music-box}}
  - {name: spot, caption_anchor: {}}
environment: {fog_density: 0.7, fog_color: [0, 0, 0]}
timeline:
  duration: 100
  attract: {start: 0, end: 10}
  chapters:
    - {name: one, at: 0}
    - {name: two, at: 50}
  markers:
    - {name: middle, at: 50}
  events:
    - {name: a, at: 5}
    - {name: b, at: 20}
  tracks:
    - {node: mover, property: translation, keys: [{t: 0, value: [0, 0, 0]}, {t: 10, value: [10, 0, -20]}]}
    - {node: turner, property: rotation, keys: [{t: 0, euler: [0, 0, 0]}, {t: 10, euler: [0, 90, 0]}]}
    - {node: grower, property: scale, interpolation: step, keys: [{t: 0, value: 1}, {t: 5, value: [1, 2, 3]}]}
    - {node: blinker, property: active, keys: [{t: 0, value: true}, {t: 3, value: false}, {t: 6, value: true}]}
    - {node: lamp, property: light.color, keys: [{t: 0, value: [1, 0, 0]}, {t: 10, value: [0, 0, 1]}]}
    - {node: lamp, property: light.intensity, easing: ease-in-quad, keys: [{t: 0, value: 0}, {t: 10, value: 8}]}
    - {node: lamp, property: light.range, keys: [{t: 0, value: 1}, {t: 10, value: 3}]}
    - {node: ghost, property: material.fade, keys: [{t: 0, value: 1}, {t: 10, value: 0}]}
    - {node: speaker, property: audio.volume, keys: [{t: 0, value: 0}, {t: 10, value: 0.5}]}
    - {node: eye, property: viewpoint.fov, keys: [{t: 0, value: 60}, {t: 10, value: 40}]}
    - {property: fog.density, keys: [{t: 0, value: 0}, {t: 10, value: 0.2}]}
    - {property: fog.color, keys: [{t: 0, value: [0, 0, 0]}, {t: 10, value: [1, 1, 1]}]}
  camera_paths:
    - {viewpoints: [eye, eye-2], start: 20, duration: 10, easing: linear, smooth: false}
  clips:
    - {node: box, clip: open, start: 30, speed: 2}
    - {node: box, clip: play, start: 40, end: 60, loop: true}
  captions:
    - {at: 10, key: caption.a, duration: 5, anchor: spot}
    - {at: 20, key: caption.b, duration: 4}
  audio:
    - {at: 10, clip: audio.one, duration: 8}
    - {at: 12, clip: audio.two, node: speaker}
)";

class Evaluate : public ::testing::Test {
 protected:
  void SetUp() override {
    Diagnostics diagnostics;
    built_ = testing::build_from_text(kScene, diagnostics);
    ASSERT_FALSE(diagnostics.has_errors()) << diagnostics.first_error().to_string();
    ASSERT_EQ(built_.timeline.tracks.size(), 12u);
  }
  FrameState at(double t) const { return evaluate(built_.timeline, built_.graph, t); }
  size_t node(std::string_view name) const { return static_cast<size_t>(built_.graph.find_node(name)); }

  testing::BuiltScene built_;
};

TEST_F(Evaluate, TransformTracks) {
  FrameState f = at(5.0);
  EXPECT_EQ(f.local[node("mover")].translation, vec3(5, 0, -10));
  EXPECT_EQ(vec3(f.world[node("mover")][3]), vec3(5, 0, -10));
  EXPECT_NEAR(glm::degrees(glm::angle(f.local[node("turner")].rotation)), 45.0f, 1e-3f);
  EXPECT_EQ(f.local[node("grower")].scale, vec3(1, 2, 3));             // step: switched at its key
  EXPECT_EQ(at(4.99).local[node("grower")].scale, vec3(1));            // and not before
  EXPECT_EQ(at(0.0).local[node("mover")].translation, vec3(0));        // the first key at the start
  EXPECT_EQ(at(100.0).local[node("mover")].translation, vec3(10, 0, -20));  // the last key after it
}

TEST_F(Evaluate, ActivationHidesTheNodeAndItsChildren) {
  EXPECT_EQ(at(2.0).shown[node("child-of-blinker")], 1);
  FrameState off = at(4.0);
  EXPECT_EQ(off.active[node("blinker")], 0);
  EXPECT_EQ(off.shown[node("child-of-blinker")], 0);
  EXPECT_EQ(off.active[node("child-of-blinker")], 1);  // its own flag is untouched
  EXPECT_EQ(at(6.0).shown[node("child-of-blinker")], 1);
}

TEST_F(Evaluate, LightAudioViewpointFadeAndFogTracks) {
  FrameState f = at(5.0);
  ASSERT_EQ(f.lights.size(), 1u);
  EXPECT_EQ(f.lights[0].color, vec3(0.5f, 0, 0.5f));
  EXPECT_FLOAT_EQ(f.lights[0].intensity, 2.0f);  // ease-in-quad: a quarter of 8
  EXPECT_FLOAT_EQ(f.lights[0].range, 2.0f);
  EXPECT_FLOAT_EQ(f.fade[node("ghost")], 0.5f);
  EXPECT_FLOAT_EQ(f.fade[node("ghost-child")], 0.5f);  // fades with its parent
  EXPECT_FLOAT_EQ(f.fade[node("mover")], 1.0f);
  EXPECT_FLOAT_EQ(f.audio_volume[0], 0.25f);
  EXPECT_FLOAT_EQ(f.viewpoint_fov[0], 50.0f);
  EXPECT_FLOAT_EQ(f.viewpoint_fov[1], 80.0f);  // untracked: as in the scene
  EXPECT_FLOAT_EQ(f.environment.fog_density, 0.1f);
  EXPECT_EQ(f.environment.fog_color, vec3(0.5f));
}

TEST_F(Evaluate, CameraPathRunsThenHolds) {
  EXPECT_FALSE(at(19.0).camera.has_value());
  ASSERT_TRUE(at(20.0).camera.has_value());
  EXPECT_NEAR(at(20.0).camera->position.x, 0.0f, 1e-4f);
  EXPECT_NEAR(at(25.0).camera->position.x, 5.0f, 1e-3f);
  EXPECT_FLOAT_EQ(at(25.0).camera->fov_degrees, 70.0f);
  EXPECT_NEAR(at(30.0).camera->position.x, 10.0f, 1e-4f);
  EXPECT_NEAR(at(80.0).camera->position.x, 10.0f, 1e-4f);  // held at the last viewpoint
}

TEST_F(Evaluate, ClipsGiveTheClipTime) {
  EXPECT_TRUE(at(29.0).clips.empty());
  FrameState f = at(30.5);
  ASSERT_EQ(f.clips.size(), 1u);
  EXPECT_EQ(f.clips[0].clip, "open");
  EXPECT_EQ(f.clips[0].relic_id, "music-box");
  EXPECT_DOUBLE_EQ(f.clips[0].clip_time, 1.0);  // speed 2
  EXPECT_DOUBLE_EQ(at(45.0).clips[0].clip_time, 30.0);  // its length is unknown here: neither wrapped nor clamped
  FrameState both = at(45.0);
  ASSERT_EQ(both.clips.size(), 2u);
  EXPECT_EQ(both.clips[1].clip, "play");
  EXPECT_DOUBLE_EQ(both.clips[1].clip_time, 5.0);
  EXPECT_TRUE(both.clips[1].loop);  // length unknown here: the renderer wraps
  EXPECT_EQ(at(60.0).clips.size(), 1u);  // 'play' ended at 60
}

TEST_F(Evaluate, ClipsWrapOrClampWhenTheirLengthIsKnown) {
  Timeline timeline = built_.timeline;
  for (ClipTrack& clip : timeline.clips) clip.clip_duration = 2.0;
  FrameState f = evaluate(timeline, built_.graph, 45.5);
  EXPECT_DOUBLE_EQ(f.clips[0].clip_time, 2.0);  // 'open' does not loop: it holds its last frame
  EXPECT_DOUBLE_EQ(f.clips[1].clip_time, 1.5);  // 'play' loops: 5.5 s wraps to 1.5 s
  EXPECT_FALSE(f.clips[1].loop);
}

TEST_F(Evaluate, CaptionsAndAudioCues) {
  EXPECT_FALSE(at(9.9).caption.has_value());
  FrameState f = at(11.0);
  ASSERT_TRUE(f.caption.has_value());
  EXPECT_EQ(f.caption->key, "caption.a");
  EXPECT_DOUBLE_EQ(f.caption->remaining, 4.0);
  EXPECT_EQ(f.caption->anchor, built_.graph.find_node("spot"));
  EXPECT_FALSE(at(15.0).caption.has_value());  // a cue ends at at + duration
  EXPECT_EQ(at(21.0).caption->key, "caption.b");

  FrameState sound = at(13.0);
  ASSERT_EQ(sound.audio.size(), 2u);
  EXPECT_DOUBLE_EQ(sound.audio[0].offset, 3.0);
  EXPECT_DOUBLE_EQ(sound.audio[1].offset, 1.0);
  EXPECT_EQ(built_.timeline.audio_cues[sound.audio[1].cue].node, built_.graph.find_node("speaker"));
  ASSERT_EQ(at(18.0).audio.size(), 1u);  // the first cue lasted 8 s
  EXPECT_EQ(at(90.0).audio.size(), 1u);  // the second has no duration: it plays on
}

TEST_F(Evaluate, ChaptersMarkersEventsAndAttract) {
  EXPECT_EQ(at(49.0).chapter, 0);
  EXPECT_EQ(at(50.0).chapter, 1);
  EXPECT_TRUE(at(9.0).in_attract);
  EXPECT_FALSE(at(10.0).in_attract);
  EXPECT_EQ(find_marker(built_.timeline, "middle"), 50.0);
  EXPECT_EQ(find_marker(built_.timeline, "two"), 50.0);  // chapters can be sought by name too
  EXPECT_FALSE(find_marker(built_.timeline, "nowhere"));
  auto crossed = events_crossed(built_.timeline, 5.0, 20.0);
  ASSERT_EQ(crossed.size(), 1u);  // (5, 20]: not a, but b
  EXPECT_EQ(crossed[0]->name, "b");
  EXPECT_EQ(events_crossed(built_.timeline, 0.0, 100.0).size(), 2u);
  EXPECT_TRUE(events_crossed(built_.timeline, 20.0, 5.0).empty());
}

// Every field, exactly: evaluation must not depend on anything but its arguments.
void expect_same(const FrameState& a, const FrameState& b) {
  ASSERT_EQ(a.local.size(), b.local.size());
  for (size_t i = 0; i < a.local.size(); ++i) {
    EXPECT_EQ(a.local[i].translation, b.local[i].translation);
    EXPECT_EQ(a.local[i].rotation, b.local[i].rotation);
    EXPECT_EQ(a.local[i].scale, b.local[i].scale);
    EXPECT_EQ(a.world[i], b.world[i]);
  }
  EXPECT_EQ(a.active, b.active);
  EXPECT_EQ(a.shown, b.shown);
  EXPECT_EQ(a.fade, b.fade);
  ASSERT_EQ(a.lights.size(), b.lights.size());
  for (size_t i = 0; i < a.lights.size(); ++i) {
    EXPECT_EQ(a.lights[i].color, b.lights[i].color);
    EXPECT_EQ(a.lights[i].intensity, b.lights[i].intensity);
  }
  EXPECT_EQ(a.audio_volume, b.audio_volume);
  EXPECT_EQ(a.viewpoint_fov, b.viewpoint_fov);
  EXPECT_EQ(a.camera.has_value(), b.camera.has_value());
  if (a.camera && b.camera) {
    EXPECT_EQ(a.camera->position, b.camera->position);
  }
  EXPECT_EQ(a.clips.size(), b.clips.size());
  EXPECT_EQ(a.caption.has_value(), b.caption.has_value());
  EXPECT_EQ(a.audio.size(), b.audio.size());
  EXPECT_EQ(a.chapter, b.chapter);
  EXPECT_EQ(a.in_attract, b.in_attract);
}

TEST_F(Evaluate, SeekingAndScrubbingGiveTheSameStateAsPlaying) {
  std::mt19937 random(1234);
  std::vector<double> probes{0.0, 4.0, 12.5, 25.0, 31.0, 47.0, 99.0};
  std::vector<FrameState> fresh;
  for (double t : probes) fresh.push_back(at(t));
  FrameState reused;  // one state evaluated into over and over, like a frame loop that scrubs around
  for (int round = 0; round < 200; ++round) {
    evaluate_into(built_.timeline, built_.graph, static_cast<double>(random() % 10000) / 100.0, reused);
    size_t k = random() % probes.size();
    evaluate_into(built_.timeline, built_.graph, probes[k], reused);
    SCOPED_TRACE(probes[k]);
    expect_same(reused, fresh[k]);
    if (::testing::Test::HasFailure()) return;
  }
}

TEST(Flicker, IsDeterministicBoundedAndMoves) {
  Flicker flicker{0.2f, 3.0f};
  float lo = 10.0f, hi = -10.0f;
  for (int i = 0; i < 1000; ++i) {
    double t = i * 0.01;
    float f = flicker_factor(flicker, t, 7);
    EXPECT_EQ(f, flicker_factor(flicker, t, 7));
    lo = std::min(lo, f);
    hi = std::max(hi, f);
  }
  EXPECT_GE(lo, 0.8f);
  EXPECT_LE(hi, 1.2f);
  EXPECT_GT(hi - lo, 0.1f) << "the flame should visibly move over ten seconds";
  EXPECT_NE(flicker_factor(flicker, 1.234, 7), flicker_factor(flicker, 1.234, 8));  // lanterns differ
  EXPECT_EQ(flicker_factor(Flicker{}, 1.234, 7), 1.0f);                             // no flicker: steady
}

}  // namespace
}  // namespace liyuan::scene
