#include "scene/parse_timeline.h"

#include <fmt/format.h>

#include "scene/did_you_mean.h"
#include "scene/parse_scene.h"
#include "scene/scene_keys.h"

namespace liyuan::scene {
namespace {

constexpr std::string_view kPropertyNames[] = {"translation",     "rotation",    "scale",        "active",
                                               "light.color",     "light.intensity", "light.range", "material.fade",
                                               "audio.volume",    "viewpoint.fov", "fog.density",  "fog.color"};
constexpr std::string_view kInterpolationNames[] = {"step", "linear", "cubic"};

enum class ValueShape { Number, Vector3, Rotation, Boolean };

ValueShape shape_of(TrackProperty property) {
  switch (property) {
    case TrackProperty::Translation:
    case TrackProperty::Scale:
    case TrackProperty::LightColor:
    case TrackProperty::FogColor: return ValueShape::Vector3;
    case TrackProperty::Rotation: return ValueShape::Rotation;
    case TrackProperty::Active: return ValueShape::Boolean;
    default: return ValueShape::Number;
  }
}

// An enumerated name with a "did you mean" on failure.
template <typename T>
std::optional<T> read_name(ValueReader& reader, const YamlNode& node, std::string_view what,
                           std::span<const std::string_view> names) {
  auto text = reader.string(node, what);
  if (!text) return std::nullopt;
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == *text) return static_cast<T>(i);
  }
  std::string suggestion = closest_match(*text, names);
  reader.error(node, suggestion.empty() ? fmt::format("unknown {} '{}'", what, *text)
                                        : fmt::format("unknown {} '{}'; did you mean '{}'?", what, *text, suggestion));
  return std::nullopt;
}

std::optional<Easing> read_easing(ValueReader& reader, const YamlNode& node) {
  return read_name<Easing>(reader, node, "easing", easing_names());
}

std::optional<LocatedName> located(MapReader& map, ValueReader& reader, std::string_view key, bool required) {
  const YamlNode* node = required ? map.required(key) : map.get(key);
  if (!node) return std::nullopt;
  auto text = reader.string(*node, key);
  if (!text) return std::nullopt;
  return LocatedName{*text, reader.at(*node)};
}

// A key's value in the shape its track's property needs.
bool read_key_value(MapReader& map, ValueReader& reader, TrackProperty property, Keyframe& key) {
  ValueShape shape = shape_of(property);
  if (shape == ValueShape::Rotation) {
    auto q = read_rotation(map, reader, "value");
    if (q) key.value = vec4(q->x, q->y, q->z, q->w);
    if (!q && !map.get("value") && !map.get("euler")) map.required("value");
    return q.has_value();
  }
  if (const YamlNode* euler = map.get("euler")) {
    reader.error(map.key_node("euler"), "'euler' is only for rotation tracks");
    (void)euler;
  }
  const YamlNode* value = map.required("value");
  if (!value) return false;
  switch (shape) {
    case ValueShape::Vector3: {
      if (property == TrackProperty::Scale && value->is_scalar()) {
        auto s = reader.number(*value, "value");
        if (s) key.value = vec4(vec3(static_cast<float>(*s)), 0.0f);
        return s.has_value();
      }
      auto v = reader.vec3_value(*value, "value");
      if (v) key.value = vec4(*v, 0.0f);
      return v.has_value();
    }
    case ValueShape::Boolean: {
      auto b = reader.boolean(*value, "value");
      if (b) key.value = vec4(*b ? 1.0f : 0.0f);
      return b.has_value();
    }
    default: {
      auto n = reader.number(*value, "value");
      if (n) key.value = vec4(static_cast<float>(*n));
      return n.has_value();
    }
  }
}

std::optional<TrackDocument> parse_track(const YamlNode& node, ValueReader& reader) {
  MapReader map(reader, node, keys::kTrack, "track");
  if (!map.is_map()) return std::nullopt;
  TrackDocument track;
  track.at = reader.at(node);
  track.node = located(map, reader, "node", false);
  const YamlNode* property_node = map.required("property");
  if (!property_node) return std::nullopt;
  auto property = read_name<TrackProperty>(reader, *property_node, "property", kPropertyNames);
  if (!property) return std::nullopt;
  track.property = *property;
  track.property_at = reader.at(*property_node);

  Interpolation default_interpolation =
      track.property == TrackProperty::Active ? Interpolation::Step : Interpolation::Linear;
  Easing default_easing = Easing::Linear;
  if (const YamlNode* i = map.get("interpolation")) {
    if (auto v = read_name<Interpolation>(reader, *i, "interpolation", kInterpolationNames)) default_interpolation = *v;
  }
  if (const YamlNode* e = map.get("easing")) {
    if (auto v = read_easing(reader, *e)) default_easing = *v;
  }
  const YamlNode* keys_node = map.required("keys");
  if (!keys_node) return std::nullopt;
  const auto* items = reader.list(*keys_node, "keys");
  if (!items) return std::nullopt;
  if (items->empty()) reader.error(*keys_node, "expected at least one key in 'keys'");
  for (const YamlNode& item : *items) {
    MapReader k(reader, item, keys::kKey, "key");
    if (!k.is_map()) continue;
    KeyDocument key;
    key.key.interpolation = default_interpolation;
    key.key.easing = default_easing;
    auto t = k.non_negative("t", true);
    if (!t) continue;
    key.key.t = *t;
    key.at = reader.at(*k.get("t"));
    if (const YamlNode* i = k.get("interpolation")) {
      if (auto v = read_name<Interpolation>(reader, *i, "interpolation", kInterpolationNames)) key.key.interpolation = *v;
    }
    if (const YamlNode* e = k.get("easing")) {
      if (auto v = read_easing(reader, *e)) key.key.easing = *v;
    }
    key.has_value = read_key_value(k, reader, track.property, key.key);
    if (!key.has_value) continue;
    track.keys.push_back(key);
  }
  return track;
}

std::optional<CameraPathDocument> parse_camera_path(const YamlNode& node, ValueReader& reader) {
  MapReader map(reader, node, keys::kCameraPath, "camera path");
  if (!map.is_map()) return std::nullopt;
  CameraPathDocument path;
  path.at = reader.at(node);
  const YamlNode* viewpoints = map.required("viewpoints");
  if (!viewpoints) return std::nullopt;
  for (const YamlNode* item : reader.string_list(*viewpoints, "viewpoints")) {
    path.viewpoints.push_back(LocatedName{item->text, reader.at(*item)});
  }
  if (path.viewpoints.empty()) {
    reader.error(*viewpoints, "expected at least one viewpoint in 'viewpoints'");
    return std::nullopt;
  }
  auto start = map.non_negative("start", true);
  auto duration = map.non_negative("duration", true);
  if (!start || !duration) return std::nullopt;
  path.start = *start;
  path.duration = *duration;
  if (const YamlNode* e = map.get("easing")) {
    if (auto v = read_easing(reader, *e)) path.easing = *v;
  }
  if (auto smooth = map.boolean("smooth")) path.smooth = *smooth;
  if (auto glide = map.boolean("glide")) path.glide = *glide;
  return path;
}

std::optional<ClipDocument> parse_clip(const YamlNode& node, ValueReader& reader) {
  MapReader map(reader, node, keys::kClip, "clip");
  if (!map.is_map()) return std::nullopt;
  ClipDocument clip;
  clip.at = reader.at(node);
  auto target = located(map, reader, "node", true);
  auto name = located(map, reader, "clip", true);
  auto start = map.non_negative("start", true);
  if (!target || !name || !start) return std::nullopt;
  clip.node = *target;
  clip.clip = *name;
  clip.start = *start;
  if (auto end = map.non_negative("end")) clip.end = *end;
  if (auto speed = map.number("speed")) clip.speed = *speed;
  if (auto loop = map.boolean("loop")) clip.loop = *loop;
  return clip;
}

std::optional<CaptionDocument> parse_caption(const YamlNode& node, ValueReader& reader,
                                             std::vector<ExternalReference>& references) {
  MapReader map(reader, node, keys::kCaption, "caption");
  if (!map.is_map()) return std::nullopt;
  CaptionDocument caption;
  caption.at = reader.at(node);
  auto at = map.non_negative("at", true);
  auto key = located(map, reader, "key", true);
  auto duration = map.non_negative("duration", true);
  if (!at || !key || !duration) return std::nullopt;
  caption.cue.at = *at;
  caption.cue.key = key->name;
  caption.cue.duration = *duration;
  references.push_back(ExternalReference{ExternalReference::Kind::String, *key});
  caption.anchor = located(map, reader, "anchor", false);
  return caption;
}

std::optional<AudioCueDocument> parse_audio_cue(const YamlNode& node, ValueReader& reader) {
  MapReader map(reader, node, keys::kAudioCue, "audio cue");
  if (!map.is_map()) return std::nullopt;
  AudioCueDocument cue;
  cue.at = reader.at(node);
  auto at = map.non_negative("at", true);
  auto clip = map.string("clip", true);
  if (!at || !clip) return std::nullopt;
  cue.cue.at = *at;
  cue.cue.clip_key = *clip;
  cue.node = located(map, reader, "node", false);
  if (auto volume = map.non_negative("volume")) cue.cue.volume = static_cast<float>(*volume);
  if (auto duration = map.non_negative("duration")) cue.cue.duration = *duration;
  return cue;
}

std::optional<Located<TimedName>> parse_timed_name(const YamlNode& node, ValueReader& reader, std::string_view what) {
  MapReader map(reader, node, keys::kTimedName, what);
  auto name = map.string("name", true);
  auto at = map.non_negative("at", true);
  if (!name || !at) return std::nullopt;
  return Located<TimedName>{TimedName{*at, *name}, reader.at(node)};
}

// Calls PARSE on every item of the list at KEY and keeps what it returns.
template <typename Item, typename Parse>
void parse_list(MapReader& map, ValueReader& reader, std::string_view key, std::vector<Item>& out, Parse parse) {
  const YamlNode* node = map.get(key);
  if (!node) return;
  if (const auto* items = reader.list(*node, key)) {
    for (const YamlNode& item : *items) {
      if (auto parsed = parse(item)) out.push_back(std::move(*parsed));
    }
  }
}

}  // namespace

std::optional<TrackProperty> property_from_name(std::string_view name) {
  for (size_t i = 0; i < std::size(kPropertyNames); ++i) {
    if (kPropertyNames[i] == name) return static_cast<TrackProperty>(i);
  }
  return std::nullopt;
}

std::span<const std::string_view> property_names() { return kPropertyNames; }

std::optional<Interpolation> interpolation_from_name(std::string_view name) {
  for (size_t i = 0; i < std::size(kInterpolationNames); ++i) {
    if (kInterpolationNames[i] == name) return static_cast<Interpolation>(i);
  }
  return std::nullopt;
}

std::optional<TimelineDocument> parse_timeline(const YamlNode& node, ValueReader& reader,
                                               std::vector<ExternalReference>& references) {
  MapReader map(reader, node, keys::kTimeline, "timeline");
  if (!map.is_map()) return std::nullopt;
  TimelineDocument timeline;
  timeline.at = reader.at(node);
  auto duration = map.non_negative("duration", true);
  if (!duration) return std::nullopt;
  if (*duration <= 0.0) {
    reader.error(*map.get("duration"), "expected a timeline duration greater than 0");
    return std::nullopt;
  }
  timeline.duration = *duration;
  if (const YamlNode* attract = map.get("attract")) {
    MapReader a(reader, *attract, keys::kAttract, "attract");
    auto start = a.non_negative("start", true);
    auto end = a.non_negative("end", true);
    if (start && end) timeline.attract = Located<AttractSection>{AttractSection{*start, *end}, reader.at(*attract)};
  }
  parse_list(map, reader, "chapters", timeline.chapters, [&](const YamlNode& item) -> std::optional<Located<Chapter>> {
    MapReader c(reader, item, keys::kChapter, "chapter");
    auto name = c.string("name", true);
    auto at = c.non_negative("at", true);
    auto title = located(c, reader, "title", false);
    if (!name || !at) return std::nullopt;
    Chapter chapter{*at, *name, title ? title->name : std::string()};
    if (title) references.push_back(ExternalReference{ExternalReference::Kind::String, *title});
    return Located<Chapter>{chapter, reader.at(item)};
  });
  parse_list(map, reader, "markers", timeline.markers,
             [&](const YamlNode& item) { return parse_timed_name(item, reader, "marker"); });
  parse_list(map, reader, "events", timeline.events,
             [&](const YamlNode& item) { return parse_timed_name(item, reader, "event"); });
  parse_list(map, reader, "tracks", timeline.tracks, [&](const YamlNode& item) { return parse_track(item, reader); });
  parse_list(map, reader, "camera_paths", timeline.camera_paths,
             [&](const YamlNode& item) { return parse_camera_path(item, reader); });
  parse_list(map, reader, "clips", timeline.clips, [&](const YamlNode& item) { return parse_clip(item, reader); });
  parse_list(map, reader, "captions", timeline.captions,
             [&](const YamlNode& item) { return parse_caption(item, reader, references); });
  parse_list(map, reader, "audio", timeline.audio_cues,
             [&](const YamlNode& item) { return parse_audio_cue(item, reader); });
  return timeline;
}

}  // namespace liyuan::scene
