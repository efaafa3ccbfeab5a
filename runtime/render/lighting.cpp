#include "render/lighting.h"

#include <algorithm>

namespace liyuan::render {

Lighting studio_lighting(const Aabb& bounds) {
  Lighting lighting;
  lighting.sun_direction = glm::normalize(vec3(-0.5f, 0.75f, 0.6f));
  lighting.sun_color = vec3(1.0f, 0.96f, 0.9f) * 2.6f;
  lighting.ambient_sky = vec3(0.32f, 0.33f, 0.36f);
  lighting.ambient_ground = vec3(0.12f, 0.11f, 0.10f);
  lighting.clear_color = vec4(0.045f, 0.045f, 0.05f, 1.0f);
  if (!bounds.empty()) {
    float radius = std::max(glm::length(bounds.extent()) * 0.5f, 1e-3f);
    vec3 c = bounds.center();
    // Fill from the right, rim from behind; intensities scale with distance² so any relic size lights the same.
    PointLight fill{c + vec3(2.5f, 0.8f, 2.0f) * radius, vec3(0.85f, 0.9f, 1.0f), 1.6f * radius * radius,
                    12.0f * radius};
    PointLight rim{c + vec3(-1.0f, 2.0f, -2.5f) * radius, vec3(1.0f, 0.95f, 0.85f), 2.2f * radius * radius,
                   12.0f * radius};
    lighting.point_lights = {fill, rim};
  }
  return lighting;
}

}  // namespace liyuan::render
