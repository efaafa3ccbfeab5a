// What the sync director is asked to play in one update: the voices that should sound, each with the clip position
// it should be at, and where the listener stands.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "audio/mixer.h"
#include "core/math.h"

namespace liyuan::audio {

struct VoiceRequest {
  uint64_t id = 0;          // the same while it is the same sound (a timeline cue, a node's audio source)
  std::string key;          // clip key in the ClipLibrary
  std::string locale;       // "" for clips that are the same in every language
  Bus bus = Bus::Effects;
  // Seconds into the clip at the start of the next mixed sample (what the visitor should hear now). Negative: the
  // voice starts that many seconds from now. Looping voices take it modulo the clip's length.
  double offset = 0.0;
  bool loop = false;
  std::optional<vec3> position;  // world space, metres; none: centred on the listener (narration, stereo beds)
  float gain = 1.0f;             // before the bus gain
};

// The visitor's head: position in world space (metres), orientation (looking down -Z, +Y up, as the views are).
struct ListenerPose {
  vec3 position{0.0f};
  quat orientation{1.0f, 0.0f, 0.0f, 0.0f};
};

struct DirectorFrame {
  std::vector<VoiceRequest> voices;
  ListenerPose listener;
  bool paused = false;  // the timeline is paused: every voice holds where it is
  double dt = 0.0;      // wall seconds since the previous update (ramps)
};

}  // namespace liyuan::audio
