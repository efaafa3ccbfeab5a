// Everything a frame needs from the scene at one timeline time: the result of evaluate() (timeline_evaluate.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/math.h"
#include "scene/camera_path.h"
#include "scene/components.h"

namespace liyuan::scene {

// A light as it shines at this time (after tracks and flicker).
struct LightState {
  vec3 color{1.0f};
  float intensity = 1.0f;
  float range = 10.0f;
};

// A glTF clip the renderer should pose the relic at NODE with, at CLIP_TIME seconds into the clip.
struct ClipPose {
  int32_t node = -1;
  std::string_view relic_id;  // points into the Timeline
  std::string_view clip;
  double clip_time = 0.0;
  bool loop = false;          // true when the clip's length is unknown here and the renderer must wrap clip_time
};

struct CaptionState {
  std::string_view key;       // string key, into the Timeline
  double remaining = 0.0;     // seconds until it goes
  int32_t anchor = -1;
  size_t cue = 0;             // index into Timeline::captions
};

struct AudioCueState {
  size_t cue = 0;             // index into Timeline::audio_cues
  double offset = 0.0;        // seconds into the clip
};

struct FrameState {
  double time = 0.0;
  // Per node (same order as the scene graph).
  std::vector<Transform> local;
  std::vector<mat4> world;
  std::vector<uint8_t> active;       // after tracks: the node's own flag
  std::vector<uint8_t> shown;        // the node and all its ancestors are active
  std::vector<float> fade;           // material fade, 1 = opaque; multiplied down the hierarchy
  // Per component (same order as the scene graph's arrays).
  std::vector<LightState> lights;
  std::vector<float> audio_volume;
  std::vector<float> viewpoint_fov;
  Environment environment;

  std::optional<CameraPose> camera;  // set while a camera path runs, and after it until the next one
  std::vector<ClipPose> clips;
  std::optional<CaptionState> caption;
  std::vector<AudioCueState> audio;
  int32_t chapter = -1;              // index into Timeline::chapters, -1 before the first
  bool in_attract = false;
};

}  // namespace liyuan::scene
