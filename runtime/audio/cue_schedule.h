// The timeline's sounds as voice requests: the audio cues sounding now (from the frame state) and those that begin
// before the next update (from the playhead, looked ahead by one frame, across a loop's wrap too), and the looping
// audio sources of the nodes that are shown. A pure function of its inputs.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "audio/voice.h"
#include "scene/frame_state.h"
#include "scene/playhead.h"
#include "scene/scene_graph.h"
#include "scene/timeline.h"

namespace liyuan::audio {

// What the sounds table says of a clip key: its bus, and whether it has one file per locale (narration).
struct SoundInfo {
  Bus bus = Bus::Effects;
  bool per_locale = false;
};
using SoundLookup = std::function<SoundInfo(const std::string& key)>;

struct ScheduleInput {
  const scene::Timeline* timeline = nullptr;
  const scene::SceneGraph* graph = nullptr;
  const scene::FrameState* state = nullptr;  // evaluated at PLAYHEAD's time
  const scene::Playhead* playhead = nullptr;
  double dt = 0.0;             // wall seconds until the next update: how far ahead cues are scheduled
  std::string locale;          // the visitor's language now
  SoundLookup sounds;
};

// Voice ids: timeline cue I is kCueVoice + I, node audio source C is kSourceVoice + C.
inline constexpr uint64_t kCueVoice = 0;
inline constexpr uint64_t kSourceVoice = uint64_t(1) << 32;

// The voices that should sound at INPUT's time (see the file comment).
std::vector<VoiceRequest> schedule_voices(const ScheduleInput& input);

}  // namespace liyuan::audio
