// The lights of a frame: one directional light (sun or key light), point lights (lanterns) and a hemisphere ambient.
#pragma once

#include <vector>

#include "core/math.h"

namespace liyuan::render {

struct PointLight {
  vec3 position{0.0f};
  vec3 color{1.0f};
  float intensity = 1.0f;  // candela
  float range = 10.0f;     // metres; the light fades to nothing there
};

struct Lighting {
  vec3 sun_direction = glm::normalize(vec3(-0.4f, 0.8f, 0.45f));  // towards the light
  vec3 sun_color = vec3(3.0f);
  vec3 ambient_sky = vec3(0.30f);
  vec3 ambient_ground = vec3(0.10f);
  std::vector<PointLight> point_lights;  // the first LY_MAX_POINT_LIGHTS are used
  vec4 clear_color = vec4(0.0f, 0.0f, 0.0f, 1.0f);
  vec3 fog_color = vec3(0.5f);
  float fog_density = 0.0f;  // per metre: surfaces fade towards fog_color by exp(-density * distance)
};

// A photographer's studio for a relic inside BOUNDS: a warm key light from the upper left, a cool fill and a rim
// point light scaled to the relic, a soft ambient, and a dark neutral backdrop.
Lighting studio_lighting(const Aabb& bounds);

}  // namespace liyuan::render
