#include "scene/timeline_evaluate.h"

#include <algorithm>
#include <cmath>

#include "scene/flicker.h"
#include "scene/keyframes.h"

namespace liyuan::scene {
namespace {

void reset_from_base(const SceneGraph& base, FrameState& out) {
  size_t n = base.node_count();
  out.local.assign(base.local.begin(), base.local.end());
  out.active.assign(base.active.begin(), base.active.end());
  out.fade.assign(n, 1.0f);
  out.lights.resize(base.lights.size());
  for (size_t i = 0; i < base.lights.size(); ++i) {
    out.lights[i] = LightState{base.lights[i].color, base.lights[i].intensity, base.lights[i].range};
  }
  out.audio_volume.resize(base.audio_sources.size());
  for (size_t i = 0; i < base.audio_sources.size(); ++i) out.audio_volume[i] = base.audio_sources[i].volume;
  out.viewpoint_fov.resize(base.viewpoints.size());
  for (size_t i = 0; i < base.viewpoints.size(); ++i) out.viewpoint_fov[i] = base.viewpoints[i].fov_degrees;
  out.environment = base.environment;
}

void apply(const PropertyTrack& track, const vec4& v, FrameState& out) {
  auto node = static_cast<size_t>(track.node);
  auto component = static_cast<size_t>(track.component);
  switch (track.property) {
    case TrackProperty::Translation: out.local[node].translation = vec3(v); break;
    case TrackProperty::Rotation: out.local[node].rotation = glm::normalize(quat(v.w, v.x, v.y, v.z)); break;
    case TrackProperty::Scale: out.local[node].scale = vec3(v); break;
    case TrackProperty::Active: out.active[node] = v.x >= 0.5f ? 1 : 0; break;
    case TrackProperty::LightColor: out.lights[component].color = vec3(v); break;
    case TrackProperty::LightIntensity: out.lights[component].intensity = std::max(0.0f, v.x); break;
    case TrackProperty::LightRange: out.lights[component].range = std::max(0.0f, v.x); break;
    case TrackProperty::MaterialFade: out.fade[node] = std::clamp(v.x, 0.0f, 1.0f); break;
    case TrackProperty::AudioVolume: out.audio_volume[component] = std::max(0.0f, v.x); break;
    case TrackProperty::ViewpointFov: out.viewpoint_fov[component] = v.x; break;
    case TrackProperty::FogDensity: out.environment.fog_density = std::max(0.0f, v.x); break;
    case TrackProperty::FogColor: out.environment.fog_color = vec3(v); break;
  }
}

void evaluate_camera(const Timeline& timeline, double t, FrameState& out) {
  out.camera.reset();
  const CameraPathTrack* current = nullptr;
  for (const CameraPathTrack& path : timeline.camera_paths) {
    if (path.start <= t) current = &path;  // sorted by start: the last one started
  }
  if (!current) return;
  double progress = current->duration > 0.0 ? (t - current->start) / current->duration : 1.0;
  out.camera = sample_camera_path(current->path, apply_easing(current->easing, progress));
}

double clip_time(const ClipTrack& clip, double t) {
  double local = (t - clip.start) * clip.speed;
  if (clip.clip_duration > 0.0) {
    if (clip.loop) {
      local = std::fmod(local, clip.clip_duration);
      if (local < 0.0) local += clip.clip_duration;
    } else {
      local = std::clamp(local, 0.0, clip.clip_duration);
    }
  }
  return local;
}

void evaluate_cues(const Timeline& timeline, double t, FrameState& out) {
  out.clips.clear();
  for (const ClipTrack& clip : timeline.clips) {
    if (t < clip.start || t >= clip.end) continue;
    out.clips.push_back(ClipPose{clip.node, clip.relic_id, clip.clip, clip_time(clip, t),
                                 clip.loop && clip.clip_duration <= 0.0});
  }
  out.caption.reset();
  auto after = std::upper_bound(timeline.captions.begin(), timeline.captions.end(), t,
                                [](double time, const CaptionCue& c) { return time < c.at; });
  if (after != timeline.captions.begin()) {
    const CaptionCue& cue = *(after - 1);
    if (t < cue.at + cue.duration) {
      out.caption = CaptionState{cue.key, cue.at + cue.duration - t, cue.anchor,
                                 static_cast<size_t>(after - 1 - timeline.captions.begin())};
    }
  }
  out.audio.clear();
  for (size_t i = 0; i < timeline.audio_cues.size(); ++i) {
    const AudioCue& cue = timeline.audio_cues[i];
    if (cue.at > t) break;  // sorted by time
    if (t < cue.at + cue.duration) out.audio.push_back(AudioCueState{i, t - cue.at});
  }
  auto chapter = std::upper_bound(timeline.chapters.begin(), timeline.chapters.end(), t,
                                  [](double time, const Chapter& c) { return time < c.at; });
  out.chapter = static_cast<int32_t>(chapter - timeline.chapters.begin()) - 1;
  out.in_attract = timeline.attract && timeline.attract->start <= t && t < timeline.attract->end;
}

}  // namespace

void evaluate_into(const Timeline& timeline, const SceneGraph& base, double t, FrameState& out) {
  out.time = t;
  double track_time = timeline.duration > 0.0 ? std::clamp(t, 0.0, timeline.duration) : t;
  reset_from_base(base, out);
  for (const PropertyTrack& track : timeline.tracks) {
    apply(track, sample_keys(track.keys, track_time, track.property == TrackProperty::Rotation), out);
  }
  for (size_t i = 0; i < base.lights.size(); ++i) {
    out.lights[i].intensity *= flicker_factor(base.lights[i].flicker, t, static_cast<uint32_t>(base.lights[i].node));
  }
  size_t n = base.node_count();
  out.world.resize(n);
  out.shown.resize(n);
  compute_world_transforms(base.parents, out.local, out.world);
  compute_effective_active(base.parents, out.active, out.shown);
  for (size_t i = 0; i < n; ++i) {
    if (base.parents[i] >= 0) out.fade[i] *= out.fade[static_cast<size_t>(base.parents[i])];
  }
  evaluate_camera(timeline, t, out);
  evaluate_cues(timeline, t, out);
}

FrameState evaluate(const Timeline& timeline, const SceneGraph& base, double t) {
  FrameState out;
  evaluate_into(timeline, base, t, out);
  return out;
}

std::vector<const TimedName*> events_crossed(const Timeline& timeline, double from, double to) {
  std::vector<const TimedName*> out;
  for (const TimedName& event : timeline.events) {
    if (event.at > from && event.at <= to) out.push_back(&event);
  }
  return out;
}

std::optional<double> find_marker(const Timeline& timeline, std::string_view name) {
  for (const TimedName& marker : timeline.markers) {
    if (marker.name == name) return marker.at;
  }
  for (const Chapter& chapter : timeline.chapters) {
    if (chapter.name == name) return chapter.at;
  }
  return std::nullopt;
}

}  // namespace liyuan::scene
