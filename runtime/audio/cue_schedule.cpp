#include "audio/cue_schedule.h"

#include <algorithm>
#include <map>

namespace liyuan::audio {
namespace {

int32_t audio_source_of(const scene::SceneGraph& graph, int32_t node) {
  for (size_t c = 0; c < graph.audio_sources.size(); ++c) {
    if (graph.audio_sources[c].node == node) return int32_t(c);
  }
  return -1;
}

VoiceRequest cue_request(const ScheduleInput& input, size_t index, double offset) {
  const scene::AudioCue& cue = input.timeline->audio_cues[index];
  const SoundInfo info = input.sounds ? input.sounds(cue.clip_key) : SoundInfo{};
  VoiceRequest request;
  request.id = kCueVoice + index;
  request.key = cue.clip_key;
  request.locale = info.per_locale ? input.locale : std::string();
  request.bus = info.bus;
  request.offset = offset;
  request.gain = cue.volume;
  if (cue.node >= 0 && size_t(cue.node) < input.state->world.size()) {
    request.position = vec3(input.state->world[size_t(cue.node)][3]);
    int32_t component = audio_source_of(*input.graph, cue.node);
    if (component >= 0) request.gain *= input.state->audio_volume[size_t(component)];
  }
  return request;
}

}  // namespace

std::vector<VoiceRequest> schedule_voices(const ScheduleInput& input) {
  std::vector<VoiceRequest> out;
  const scene::Timeline& timeline = *input.timeline;
  const scene::FrameState& state = *input.state;
  std::map<size_t, size_t> sounding;  // cue index → its request in OUT
  for (const scene::AudioCueState& cue : state.audio) {
    sounding.emplace(cue.cue, out.size());
    out.push_back(cue_request(input, cue.cue, cue.offset));
  }

  // Cues that begin before the next update: the playhead's next advance says which stretches of timeline time the
  // coming DT wall seconds cover (two when it wraps), and how far into those seconds each cue begins.
  scene::Playhead ahead = *input.playhead;
  const double scale = ahead.time_scale();
  const scene::PlayheadAdvance advance = ahead.advance(input.dt);
  double wall_before = 0.0;
  for (int s = 0; s < advance.span_count && scale > 0.0; ++s) {
    const scene::TimeSpan span = advance.spans[s];
    auto first = std::upper_bound(timeline.audio_cues.begin(), timeline.audio_cues.end(), span.from,
                                  [](double t, const scene::AudioCue& c) { return t < c.at; });
    for (auto it = first; it != timeline.audio_cues.end() && it->at <= span.to; ++it) {
      const size_t index = size_t(it - timeline.audio_cues.begin());
      VoiceRequest request = cue_request(input, index, -(wall_before + (it->at - span.from) / scale));
      auto known = sounding.find(index);
      if (known == sounding.end()) {
        sounding.emplace(index, out.size());
        out.push_back(std::move(request));
      } else if (s > 0) {
        // Sounding before the wrap and starting again after it: the restart wins (the director moves the voice).
        out[known->second] = std::move(request);
      }
    }
    wall_before += (span.to - span.from) / scale;
  }

  // Sources on nodes sound while their node is shown, in step with timeline time: a looping one as a bed, a
  // non-looping one once, from the timeline's start.
  for (size_t c = 0; c < input.graph->audio_sources.size(); ++c) {
    const scene::AudioSource& source = input.graph->audio_sources[c];
    if (source.node < 0 || size_t(source.node) >= state.shown.size() || !state.shown[size_t(source.node)])
      continue;
    const SoundInfo info = input.sounds ? input.sounds(source.clip_key) : SoundInfo{Bus::Ambience, false};
    VoiceRequest request;
    request.id = kSourceVoice + c;
    request.key = source.clip_key;
    request.locale = info.per_locale ? input.locale : std::string();
    request.bus = info.bus;
    request.offset = state.time;
    request.loop = source.loop;
    request.position = vec3(state.world[size_t(source.node)][3]);
    request.gain = state.audio_volume[c];
    out.push_back(std::move(request));
  }
  return out;
}

}  // namespace liyuan::audio
