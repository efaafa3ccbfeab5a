#include "scene/build_timeline.h"

#include <fmt/format.h>

#include <algorithm>

#include "scene/build_scene.h"
#include "scene/parse_timeline.h"

namespace liyuan::scene {
namespace {

class TimelineBuilder {
 public:
  TimelineBuilder(const SceneGraph& graph, std::span<const RelicManifest> relics, Diagnostics& diagnostics)
      : graph_(graph), relics_(relics), diagnostics_(diagnostics) {}

  // The node named by REF, or -1 after reporting.
  int32_t node(const LocatedName& ref) {
    int32_t index = graph_.find_node(ref.name);
    if (index < 0) {
      std::string suggestion = closest_node_name(graph_, ref.name);
      diagnostics_.error(ref.at, suggestion.empty()
                                     ? fmt::format("unknown node '{}'", ref.name)
                                     : fmt::format("unknown node '{}'; did you mean '{}'?", ref.name, suggestion));
    }
    return index;
  }

  std::optional<PropertyTrack> track(const TrackDocument& doc) {
    PropertyTrack track;
    track.property = doc.property;
    std::string_view property = property_names()[static_cast<size_t>(doc.property)];
    bool environment = doc.property == TrackProperty::FogDensity || doc.property == TrackProperty::FogColor;
    if (environment) {
      if (doc.node) diagnostics_.error(doc.node->at, fmt::format("'{}' belongs to the environment: remove 'node'",
                                                                  property));
    } else {
      if (!doc.node) {
        diagnostics_.error(doc.at, fmt::format("missing required key 'node' in 'track' (property '{}')", property));
        return std::nullopt;
      }
      track.node = node(*doc.node);
      if (track.node < 0) return std::nullopt;
      const char* needs = nullptr;
      switch (doc.property) {
        case TrackProperty::LightColor:
        case TrackProperty::LightIntensity:
        case TrackProperty::LightRange:
          track.component = find_component(graph_.lights, track.node);
          needs = "a light";
          break;
        case TrackProperty::AudioVolume:
          track.component = find_component(graph_.audio_sources, track.node);
          needs = "an audio_source";
          break;
        case TrackProperty::ViewpointFov:
          track.component = find_component(graph_.viewpoints, track.node);
          needs = "a viewpoint";
          break;
        default: break;
      }
      if (needs && track.component < 0) {
        diagnostics_.error(doc.property_at, fmt::format("'{}' needs {} on node '{}', which has none", property, needs,
                                                        doc.node->name));
        return std::nullopt;
      }
    }
    for (const KeyDocument& key : doc.keys) track.keys.push_back(key.key);
    if (track.keys.empty()) return std::nullopt;
    std::stable_sort(track.keys.begin(), track.keys.end(),
                     [](const Keyframe& a, const Keyframe& b) { return a.t < b.t; });
    return track;
  }

  std::optional<CameraPathTrack> camera_path(const CameraPathDocument& doc, std::span<const mat4> world) {
    std::vector<CameraKey> keys;
    for (const LocatedName& stop : doc.viewpoints) {
      int32_t index = node(stop);
      if (index < 0) continue;
      int32_t viewpoint = find_component(graph_.viewpoints, index);
      if (viewpoint < 0) {
        diagnostics_.error(stop.at, fmt::format("node '{}' has no viewpoint to put the camera at", stop.name));
        continue;
      }
      const mat4& m = world[static_cast<size_t>(index)];
      CameraKey key;
      key.position = vec3(m[3]);
      key.rotation = glm::normalize(glm::quat_cast(mat3(glm::normalize(vec3(m[0])), glm::normalize(vec3(m[1])),
                                                        glm::normalize(vec3(m[2])))));
      key.fov_degrees = graph_.viewpoints[static_cast<size_t>(viewpoint)].fov_degrees;
      keys.push_back(key);
    }
    if (keys.size() != doc.viewpoints.size()) return std::nullopt;
    CameraPathTrack track;
    track.start = doc.start;
    track.duration = doc.duration;
    track.easing = doc.easing;
    track.glide = doc.glide;
    track.path = make_camera_path(std::move(keys), doc.smooth);
    return track;
  }

  std::optional<ClipTrack> clip(const ClipDocument& doc) {
    ClipTrack clip;
    clip.node = node(doc.node);
    if (clip.node < 0) return std::nullopt;
    int32_t relic = find_component(graph_.relics, clip.node);
    if (relic < 0) {
      diagnostics_.error(doc.node.at, fmt::format("node '{}' has no relic to play clip '{}' on", doc.node.name,
                                                  doc.clip.name));
      return std::nullopt;
    }
    clip.relic_id = graph_.relics[static_cast<size_t>(relic)].relic_id;
    clip.clip = doc.clip.name;
    clip.start = doc.start;
    clip.end = doc.end;
    clip.speed = doc.speed;
    clip.loop = doc.loop;
    for (const RelicManifest& manifest : relics_) {
      if (manifest.id.name != clip.relic_id || !manifest.lists_clips) continue;
      if (!manifest.clips.contains(clip.clip)) {
        std::string known;
        for (const std::string& name : manifest.clips) known += (known.empty() ? "'" : ", '") + name + "'";
        diagnostics_.error(doc.clip.at, fmt::format("relic '{}' has no clip '{}' (its manifest {} lists {})",
                                                    clip.relic_id, clip.clip, manifest.file,
                                                    known.empty() ? "none" : known));
        return std::nullopt;
      }
    }
    return clip;
  }

 private:
  const SceneGraph& graph_;
  std::span<const RelicManifest> relics_;
  Diagnostics& diagnostics_;
};

template <typename T>
std::vector<T> sorted_values(const std::vector<Located<T>>& items) {
  std::vector<T> out;
  for (const auto& item : items) out.push_back(item.value);
  std::stable_sort(out.begin(), out.end(), [](const T& a, const T& b) { return a.at < b.at; });
  return out;
}

}  // namespace

const TimelineDocument* find_timeline_document(std::span<const SceneFileDocument> scenes) {
  for (const SceneFileDocument& scene : scenes) {
    if (scene.timeline) return &*scene.timeline;
  }
  return nullptr;
}

Timeline build_timeline(std::span<const SceneFileDocument> scenes, const SceneGraph& graph,
                        std::span<const RelicManifest> relics, Diagnostics& diagnostics) {
  Timeline timeline;
  const TimelineDocument* doc = find_timeline_document(scenes);
  if (!doc) return timeline;
  for (const SceneFileDocument& scene : scenes) {
    if (scene.timeline && &*scene.timeline != doc) {
      diagnostics.error(scene.timeline->at, fmt::format("an exhibition has one timeline; the first is at {}",
                                                        location_string(doc->at)));
    }
  }
  TimelineBuilder builder(graph, relics, diagnostics);
  timeline.duration = doc->duration;
  if (doc->attract) timeline.attract = doc->attract->value;
  timeline.chapters = sorted_values(doc->chapters);
  timeline.markers = sorted_values(doc->markers);
  timeline.events = sorted_values(doc->events);
  for (const TrackDocument& t : doc->tracks) {
    if (auto track = builder.track(t)) timeline.tracks.push_back(std::move(*track));
  }
  std::vector<mat4> world(graph.node_count());
  compute_world_transforms(graph.parents, graph.local, world);
  for (const CameraPathDocument& c : doc->camera_paths) {
    if (auto path = builder.camera_path(c, world)) timeline.camera_paths.push_back(std::move(*path));
  }
  std::stable_sort(timeline.camera_paths.begin(), timeline.camera_paths.end(),
                   [](const CameraPathTrack& a, const CameraPathTrack& b) { return a.start < b.start; });
  for (const ClipDocument& c : doc->clips) {
    if (auto clip = builder.clip(c)) timeline.clips.push_back(std::move(*clip));
  }
  for (const CaptionDocument& c : doc->captions) {
    CaptionCue cue = c.cue;
    if (c.anchor) {
      cue.anchor = builder.node(*c.anchor);
      if (cue.anchor >= 0 && find_component(graph.caption_anchors, cue.anchor) < 0) {
        diagnostics.error(c.anchor->at, fmt::format("node '{}' has no caption_anchor", c.anchor->name));
        cue.anchor = -1;
      }
    }
    timeline.captions.push_back(std::move(cue));
  }
  std::stable_sort(timeline.captions.begin(), timeline.captions.end(),
                   [](const CaptionCue& a, const CaptionCue& b) { return a.at < b.at; });
  for (const AudioCueDocument& a : doc->audio_cues) {
    AudioCue cue = a.cue;
    if (a.node) cue.node = builder.node(*a.node);
    timeline.audio_cues.push_back(std::move(cue));
  }
  std::stable_sort(timeline.audio_cues.begin(), timeline.audio_cues.end(),
                   [](const AudioCue& a, const AudioCue& b) { return a.at < b.at; });
  return timeline;
}

}  // namespace liyuan::scene
