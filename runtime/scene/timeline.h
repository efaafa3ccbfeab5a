// A timeline: tracks bound to scene graph nodes, and the cues, chapters and sections around them. It is plain data,
// built once from the documents (build_timeline.h) and evaluated as a pure function of time (timeline_evaluate.h).
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "core/math.h"
#include "scene/camera_path.h"
#include "scene/easing.h"

namespace liyuan::scene {

inline constexpr double kForever = std::numeric_limits<double>::infinity();

enum class Interpolation : uint8_t {
  Step,    // hold the key's value until the next key
  Linear,  // straight line (slerp for rotations)
  Cubic,   // Catmull-Rom through the neighbouring keys (see keyframes.h)
};

// What a property track drives. Vectors are stored in a vec4 (rotation as x, y, z, w; colours as r, g, b).
enum class TrackProperty : uint8_t {
  Translation,     // node, vec3
  Rotation,        // node, quaternion
  Scale,           // node, vec3
  Active,          // node, boolean (always step)
  LightColor,      // the node's light, vec3
  LightIntensity,  // the node's light, number
  LightRange,      // the node's light, number
  MaterialFade,    // node (and its children), number 0 (invisible) .. 1 (opaque)
  AudioVolume,     // the node's audio source, number
  ViewpointFov,    // the node's viewpoint, number (degrees)
  FogDensity,      // the environment, number (no node)
  FogColor,        // the environment, vec3 (no node)
};

struct Keyframe {
  double t = 0.0;
  vec4 value{0.0f};
  Interpolation interpolation = Interpolation::Linear;  // from this key to the next
  Easing easing = Easing::Linear;                       // applied to the time between this key and the next
};

struct PropertyTrack {
  TrackProperty property = TrackProperty::Translation;
  int32_t node = -1;       // -1 for environment properties
  int32_t component = -1;  // index into the graph's lights / audio_sources / viewpoints where the property needs one
  std::vector<Keyframe> keys;  // sorted by t, at least one
};

struct CameraPathTrack {
  double start = 0.0;
  double duration = 1.0;
  Easing easing = Easing::Linear;  // applied to progress along the path
  CameraPath path;
  bool glide = false;  // headsets: carry the visitor along the path (else fade between its viewpoints)
};

// Plays a glTF animation clip of the relic at a node; the renderer poses the relic at the clip time we give.
struct ClipTrack {
  int32_t node = -1;
  std::string relic_id;
  std::string clip;
  double start = 0.0;
  double end = kForever;       // when the clip stops being applied
  double speed = 1.0;
  bool loop = false;
  double clip_duration = 0.0;  // seconds, when known (the pack knows; documents do not), else 0
};

struct CaptionCue {
  double at = 0.0;
  double duration = 0.0;
  std::string key;
  int32_t anchor = -1;  // caption anchor node, or -1 for the default place
};

struct AudioCue {
  double at = 0.0;
  double duration = kForever;  // unknown: plays until the clip ends (the audio system knows)
  std::string clip_key;
  int32_t node = -1;           // positional when set
  float volume = 1.0f;
};

// An event (the app reacts when the playhead crosses it) or a marker (a named time to seek to).
struct TimedName {
  double at = 0.0;
  std::string name;
};

struct Chapter {
  double at = 0.0;
  std::string name;
  std::string title_key;
};

// A section that loops until a visitor arrives.
struct AttractSection {
  double start = 0.0;
  double end = 0.0;
};

struct Timeline {
  double duration = 0.0;
  std::optional<AttractSection> attract;
  std::vector<Chapter> chapters;  // sorted by time
  std::vector<TimedName> markers;  // sorted by time
  std::vector<TimedName> events;   // sorted by time
  std::vector<PropertyTrack> tracks;
  std::vector<CameraPathTrack> camera_paths;  // sorted by start, not overlapping
  std::vector<ClipTrack> clips;
  std::vector<CaptionCue> captions;  // sorted by time, not overlapping
  std::vector<AudioCue> audio_cues;  // sorted by time
};

}  // namespace liyuan::scene
