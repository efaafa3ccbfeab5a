// glm, configured once for Vulkan (depth 0..1) and used through these aliases everywhere.
#pragma once

#ifndef GLM_FORCE_DEPTH_ZERO_TO_ONE
#define GLM_FORCE_DEPTH_ZERO_TO_ONE
#endif
#ifndef GLM_FORCE_RADIANS
#define GLM_FORCE_RADIANS
#endif
#include <glm/glm.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/quaternion.hpp>
#include <glm/gtc/type_ptr.hpp>

namespace liyuan {

using vec2 = glm::vec2;
using vec3 = glm::vec3;
using vec4 = glm::vec4;
using mat3 = glm::mat3;
using mat4 = glm::mat4;
using quat = glm::quat;

// An axis-aligned box. An empty box has min > max.
struct Aabb {
  vec3 min{1e30f};
  vec3 max{-1e30f};

  bool empty() const { return min.x > max.x; }
  vec3 center() const { return (min + max) * 0.5f; }
  vec3 extent() const { return max - min; }
  void expand(const vec3& p) { min = glm::min(min, p); max = glm::max(max, p); }
  void expand(const Aabb& b) { if (!b.empty()) { expand(b.min); expand(b.max); } }
};

// The box around BOX after transforming it by M (Arvo's method: exact for the transformed corners).
Aabb transform_aabb(const Aabb& box, const mat4& m);

}  // namespace liyuan
