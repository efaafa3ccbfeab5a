#include "scene/parse_scene.h"

#include <fmt/format.h>

#include "scene/parse_timeline.h"
#include "scene/scene_keys.h"

namespace liyuan::scene {
namespace {

// A reference with its location, recorded for lint to resolve against the exhibition.
void add_reference(SceneFileDocument& doc, ExternalReference::Kind kind, const std::string& name, Location at) {
  doc.references.push_back(ExternalReference{kind, LocatedName{name, std::move(at)}});
}

std::optional<LocatedName> located_string(MapReader& map, ValueReader& reader, std::string_view key, bool required) {
  const YamlNode* node = required ? map.required(key) : map.get(key);
  if (!node) return std::nullopt;
  auto text = reader.string(*node, key);
  if (!text) return std::nullopt;
  return LocatedName{*text, reader.at(*node)};
}

std::optional<RelicInstance> parse_relic(const YamlNode& node, ValueReader& reader, SceneFileDocument& doc) {
  MapReader map(reader, node, keys::kRelic, "relic");
  auto id = located_string(map, reader, "id", true);
  if (!id) return std::nullopt;
  add_reference(doc, ExternalReference::Kind::Relic, id->name, id->at);
  return RelicInstance{-1, id->name};
}

std::optional<Light> parse_light(const YamlNode& node, ValueReader& reader) {
  MapReader map(reader, node, keys::kLight, "light");
  if (!map.is_map()) return std::nullopt;
  Light light;
  if (const YamlNode* type = map.get("type")) {
    auto name = reader.string(*type, "type");
    if (name == "point") {
      light.type = LightType::Point;
    } else if (name == "directional") {
      light.type = LightType::Directional;
    } else if (name) {
      reader.error(*type, fmt::format("expected 'point' or 'directional' for 'type', found '{}'", *name));
    }
  }
  if (auto color = map.vec3_value("color")) light.color = *color;
  if (auto intensity = map.non_negative("intensity")) light.intensity = static_cast<float>(*intensity);
  if (auto range = map.non_negative("range")) light.range = static_cast<float>(*range);
  if (const YamlNode* flicker = map.get("flicker")) {
    MapReader f(reader, *flicker, keys::kFlicker, "flicker");
    if (auto amount = f.non_negative("amount", true)) light.flicker.amount = static_cast<float>(*amount);
    if (auto speed = f.non_negative("speed")) light.flicker.speed = static_cast<float>(*speed);
  }
  return light;
}

std::optional<Hotspot> parse_hotspot(const YamlNode& node, ValueReader& reader, SceneFileDocument& doc) {
  MapReader map(reader, node, keys::kHotspot, "hotspot");
  if (!map.is_map()) return std::nullopt;
  Hotspot hotspot;
  if (auto relic = located_string(map, reader, "relic", false)) {
    hotspot.relic_id = relic->name;
    add_reference(doc, ExternalReference::Kind::Relic, relic->name, relic->at);
  }
  if (auto radius = map.non_negative("radius")) hotspot.radius = static_cast<float>(*radius);
  if (auto panel = located_string(map, reader, "panel", true)) {
    hotspot.panel_key = panel->name;
    add_reference(doc, ExternalReference::Kind::String, panel->name, panel->at);
  }
  return hotspot;
}

std::optional<AudioSource> parse_audio_source(const YamlNode& node, ValueReader& reader) {
  MapReader map(reader, node, keys::kAudioSource, "audio_source");
  if (!map.is_map()) return std::nullopt;
  AudioSource source;
  if (auto clip = map.string("clip", true)) source.clip_key = *clip;
  if (auto volume = map.non_negative("volume")) source.volume = static_cast<float>(*volume);
  if (auto loop = map.boolean("loop")) source.loop = *loop;
  return source;
}

std::optional<vec3> read_scale(MapReader& map, ValueReader& reader) {
  const YamlNode* node = map.get("scale");
  if (!node) return std::nullopt;
  if (node->is_scalar()) {  // a single number scales uniformly
    auto s = reader.number(*node, "scale");
    return s ? std::optional<vec3>(vec3(static_cast<float>(*s))) : std::nullopt;
  }
  return reader.vec3_value(*node, "scale");
}

std::optional<NodeDocument> parse_node(const YamlNode& node, ValueReader& reader, SceneFileDocument& doc) {
  MapReader map(reader, node, keys::kNode, "node");
  if (!map.is_map()) return std::nullopt;
  auto name = located_string(map, reader, "name", true);
  if (!name) return std::nullopt;
  NodeDocument out;
  out.name = *name;
  out.parent = located_string(map, reader, "parent", false);
  if (auto t = map.vec3_value("translation")) out.transform.translation = *t;
  if (auto r = read_rotation(map, reader, "rotation")) out.transform.rotation = *r;
  if (auto s = read_scale(map, reader)) out.transform.scale = *s;
  if (auto active = map.boolean("active")) out.active = *active;
  if (const YamlNode* c = map.get("relic")) out.relic = parse_relic(*c, reader, doc);
  if (const YamlNode* c = map.get("light")) out.light = parse_light(*c, reader);
  if (const YamlNode* c = map.get("viewpoint")) {
    MapReader v(reader, *c, keys::kViewpoint, "viewpoint");
    if (v.is_map()) {
      out.viewpoint = Viewpoint{};
      if (auto fov = v.number("fov")) {
        if (*fov <= 0.0 || *fov >= 180.0) {
          reader.error(*v.get("fov"), fmt::format("expected a field of view between 0 and 180 degrees, found {}", *fov));
        } else {
          out.viewpoint->fov_degrees = static_cast<float>(*fov);
        }
      }
    }
  }
  if (const YamlNode* c = map.get("hotspot")) out.hotspot = parse_hotspot(*c, reader, doc);
  if (const YamlNode* c = map.get("display_case")) {
    MapReader d(reader, *c, keys::kDisplayCase, "display_case");
    if (d.is_map()) {
      out.display_case = DisplayCase{};
      if (auto size = d.vec3_value("size")) out.display_case->size = *size;
    }
  }
  if (const YamlNode* c = map.get("audio_source")) out.audio_source = parse_audio_source(*c, reader);
  if (const YamlNode* c = map.get("caption_anchor")) {
    MapReader a(reader, *c, keys::kCaptionAnchor, "caption_anchor");
    if (a.is_map()) {
      out.caption_anchor = CaptionAnchor{};
      if (auto width = a.non_negative("width")) out.caption_anchor->width = static_cast<float>(*width);
    }
  }
  return out;
}

}  // namespace

std::optional<quat> read_rotation(MapReader& map, ValueReader& reader, std::string_view quaternion_key) {
  const YamlNode* q = map.get(quaternion_key);
  const YamlNode* euler = map.get("euler");
  if (q && euler) {
    reader.error(map.key_node("euler"), fmt::format("give either '{}' (a quaternion) or 'euler', not both", quaternion_key));
    return std::nullopt;
  }
  if (euler) {
    auto degrees = reader.vec3_value(*euler, "euler");
    return degrees ? std::optional<quat>(rotation_from_euler_degrees(*degrees)) : std::nullopt;
  }
  if (!q) return std::nullopt;
  auto xyzw = reader.vec4_value(*q, quaternion_key);
  if (!xyzw) return std::nullopt;
  float length = glm::length(*xyzw);
  if (!(length > 1e-6f)) {
    reader.error(*q, fmt::format("expected a rotation quaternion [x, y, z, w] for '{}', found a zero quaternion",
                                 quaternion_key));
    return std::nullopt;
  }
  vec4 n = *xyzw / length;
  return quat(n.w, n.x, n.y, n.z);
}

SceneFileDocument parse_scene_file(const YamlNode& root, ValueReader& reader) {
  SceneFileDocument doc;
  doc.file = reader.file();
  if (root.is_null()) return doc;  // an empty file is an empty scene
  MapReader map(reader, root, keys::kSceneFile, "scene file");
  if (const YamlNode* includes = map.get("include")) {
    for (const YamlNode* item : reader.string_list(*includes, "include")) {
      doc.includes.push_back(LocatedName{item->text, reader.at(*item)});
    }
  }
  if (const YamlNode* nodes = map.get("nodes")) {
    if (const auto* items = reader.list(*nodes, "nodes")) {
      for (const YamlNode& item : *items) {
        if (auto node = parse_node(item, reader, doc)) doc.nodes.push_back(std::move(*node));
      }
    }
  }
  if (const YamlNode* env = map.get("environment")) {
    MapReader e(reader, *env, keys::kEnvironment, "environment");
    if (e.is_map()) {
      Environment environment;
      if (auto density = e.non_negative("fog_density")) environment.fog_density = static_cast<float>(*density);
      if (auto color = e.vec3_value("fog_color")) environment.fog_color = *color;
      doc.environment = Located<Environment>{environment, reader.at(*env)};
    }
  }
  if (const YamlNode* timeline = map.get("timeline")) {
    doc.timeline = parse_timeline(*timeline, reader, doc.references);
  }
  return doc;
}

SceneFileDocument parse_scene_text(std::string_view text, const std::string& file, Diagnostics& diagnostics) {
  auto root = parse_yaml(text, file);
  if (!root) {
    diagnostics.add(root.error());
    SceneFileDocument empty;
    empty.file = file;
    return empty;
  }
  ValueReader reader(file, diagnostics);
  return parse_scene_file(*root, reader);
}

}  // namespace liyuan::scene
