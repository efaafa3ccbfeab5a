// The parts of a scene graph node: its local transform and the components a node may carry. Each component records
// the index of its node; a node has at most one component of each kind.
#pragma once

#include <cstdint>
#include <string>

#include "core/math.h"

namespace liyuan::scene {

// Translation, rotation, scale; applied to a point as T * R * S.
struct Transform {
  vec3 translation{0.0f};
  quat rotation{1.0f, 0.0f, 0.0f, 0.0f};  // glm order: w, x, y, z
  vec3 scale{1.0f};

  // The 4x4 matrix T * R * S.
  mat4 matrix() const;
};

// The rotation for Euler angles in DEGREES: about X first, then Y, then Z, all about the parent's fixed axes
// (R = Rz · Ry · Rx).
quat rotation_from_euler_degrees(const vec3& degrees);

// A relic from the catalogue, placed at its node.
struct RelicInstance {
  int32_t node = -1;
  std::string relic_id;
};

enum class LightType : uint8_t { Point, Directional };

// A slow irregular change of intensity, like a lantern's flame: intensity * (1 + amount * noise(speed * t)),
// where noise is smooth, deterministic and in [-1, 1].
struct Flicker {
  float amount = 0.0f;  // 0 = steady
  float speed = 1.0f;   // noise cycles per second, roughly
};

struct Light {
  int32_t node = -1;
  LightType type = LightType::Point;
  vec3 color{1.0f};
  float intensity = 1.0f;  // candela for point lights, lux for directional ones
  float range = 10.0f;     // metres (point lights)
  Flicker flicker;
};

// A place the visitor's camera can stand, looking down the node's -Z.
struct Viewpoint {
  int32_t node = -1;
  float fov_degrees = 60.0f;  // vertical
};

// Something a visitor can select near a relic: a panel of text opens.
struct Hotspot {
  int32_t node = -1;
  std::string relic_id;
  float radius = 0.5f;  // metres
  std::string panel_key;
};

struct DisplayCase {
  int32_t node = -1;
  vec3 size{1.0f};  // metres, centred on the node
};

struct AudioSource {
  int32_t node = -1;
  std::string clip_key;
  float volume = 1.0f;
  bool loop = false;
};

// Where captions appear in the world.
struct CaptionAnchor {
  int32_t node = -1;
  float width = 1.2f;  // metres
};

struct Environment {
  float fog_density = 0.0f;  // per metre (exponential fog)
  vec3 fog_color{0.5f};
};

}  // namespace liyuan::scene
