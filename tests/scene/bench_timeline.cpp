// liyuan-bench-timeline: how long one frame of timeline evaluation takes with 10,000 tracks. Not a test.
//
// The scene: 2,500 nodes in a hierarchy (each a child of an earlier one), with lights, viewpoints, audio sources and
// relics; 10,000 tracks of every kind (transform, colour, intensity, fade, active, fog; step, linear and cubic keys
// with easings), plus clips, captions, audio cues and camera paths. One frame = evaluate_into() at one time, which
// includes world transforms of every node. Reports the best of N frames at times spread over the timeline.
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <random>

#include "core/clock.h"
#include "scene/timeline_evaluate.h"

namespace {

using namespace liyuan;
using namespace liyuan::scene;

constexpr int kNodes = 2500;
constexpr int kTracks = 10000;
constexpr double kDuration = 600.0;

struct Bench {
  SceneGraph graph;
  Timeline timeline;
};

Bench make_bench(std::mt19937& random) {
  auto uniform = [&](float lo, float hi) { return lo + (hi - lo) * static_cast<float>(random() % 100000) / 100000.0f; };
  Bench bench;
  for (int i = 0; i < kNodes; ++i) {
    Transform local;
    local.translation = vec3(uniform(-5, 5), uniform(0, 3), uniform(-5, 5));
    int32_t parent = i == 0 ? -1 : static_cast<int32_t>(random() % static_cast<uint32_t>(i));
    int32_t node = bench.graph.add_node(fmt::format("n{}", i), parent, local);
    if (i % 10 == 0) bench.graph.lights.push_back(Light{node, LightType::Point, vec3(1), 5, 6, Flicker{0.1f, 2.0f}});
    if (i % 50 == 0) bench.graph.viewpoints.push_back(Viewpoint{node, 60});
    if (i % 25 == 0) bench.graph.audio_sources.push_back(AudioSource{node, "a", 1, false});
    if (i % 5 == 0) bench.graph.relics.push_back(RelicInstance{node, "relic"});
  }
  Timeline& t = bench.timeline;
  t.duration = kDuration;
  t.attract = AttractSection{0, 30};
  for (int i = 0; i < kTracks; ++i) {
    PropertyTrack track;
    int kind = i % 8;
    auto node = static_cast<int32_t>(random() % kNodes);
    const TrackProperty properties[] = {TrackProperty::Translation,    TrackProperty::Rotation,
                                        TrackProperty::Scale,          TrackProperty::LightColor,
                                        TrackProperty::LightIntensity, TrackProperty::MaterialFade,
                                        TrackProperty::Active,         TrackProperty::AudioVolume};
    track.property = properties[kind];
    track.node = node;
    if (kind == 3 || kind == 4) {
      track.component = static_cast<int32_t>(random() % bench.graph.lights.size());
      track.node = bench.graph.lights[static_cast<size_t>(track.component)].node;
    } else if (kind == 7) {
      track.component = static_cast<int32_t>(random() % bench.graph.audio_sources.size());
      track.node = bench.graph.audio_sources[static_cast<size_t>(track.component)].node;
    }
    int keys = 4 + static_cast<int>(random() % 29);  // 4..32 keys over the timeline
    for (int k = 0; k < keys; ++k) {
      Keyframe key;
      key.t = kDuration * k / (keys - 1);
      key.interpolation = kind == 6 ? Interpolation::Step : static_cast<Interpolation>(random() % 3);
      key.easing = static_cast<Easing>(random() % 11);
      if (kind == 1) {
        quat q = glm::angleAxis(uniform(0, 6.28f), glm::normalize(vec3(uniform(-1, 1), 1, uniform(-1, 1))));
        key.value = vec4(q.x, q.y, q.z, q.w);
      } else {
        key.value = vec4(uniform(0, 2), uniform(0, 2), uniform(0, 2), 0);
      }
      track.keys.push_back(key);
    }
    t.tracks.push_back(std::move(track));
  }
  for (int i = 0; i < 100; ++i) {
    t.clips.push_back(ClipTrack{static_cast<int32_t>(i * 5), "relic", "idle", i * 2.0, kForever, 1.0, true, 3.0});
    t.captions.push_back(CaptionCue{i * 6.0, 5.0, fmt::format("caption.{}", i), -1});
    t.audio_cues.push_back(AudioCue{i * 6.0, 20.0, "a", -1, 1.0f});
  }
  for (int i = 0; i < 10; ++i) {
    std::vector<CameraKey> keys;
    for (int k = 0; k < 6; ++k) keys.push_back(CameraKey{vec3(uniform(-10, 10), 1.6f, uniform(-10, 10)), quat(1, 0, 0, 0), 60});
    t.camera_paths.push_back(CameraPathTrack{30.0 + i * 50.0, 45.0, Easing::EaseInOutSine, make_camera_path(keys, true)});
  }
  return bench;
}

}  // namespace

int main(int argc, char** argv) {
  int frames = argc > 1 ? std::max(1, std::atoi(argv[1])) : 2000;
  std::mt19937 random(7);
  Bench bench = make_bench(random);
  FrameState frame;
  evaluate_into(bench.timeline, bench.graph, 1.0, frame);  // warm: sizes the buffers once
  double best = 1e30, total = 0.0;
  for (int i = 0; i < frames; ++i) {
    double t = kDuration * (i * 0.618033988749895 - static_cast<int>(i * 0.618033988749895));
    Stopwatch watch;
    evaluate_into(bench.timeline, bench.graph, t, frame);
    double seconds = watch.elapsed_seconds();
    best = std::min(best, seconds);
    total += seconds;
  }
  fmt::print("timeline evaluation: {} tracks ({} property tracks, {} clips, {} captions, {} audio cues, {} camera "
             "paths) on {} nodes\n",
             bench.timeline.tracks.size() + bench.timeline.clips.size() + bench.timeline.captions.size() +
                 bench.timeline.audio_cues.size() + bench.timeline.camera_paths.size(),
             bench.timeline.tracks.size(), bench.timeline.clips.size(), bench.timeline.captions.size(),
             bench.timeline.audio_cues.size(), bench.timeline.camera_paths.size(), kNodes);
  fmt::print("best of {} frames: {:.1f} us per frame, {:.1f} ns per property track (mean {:.1f} us)\n", frames,
             best * 1e6, best * 1e9 / static_cast<double>(kTracks), total / frames * 1e6);
  return 0;
}
