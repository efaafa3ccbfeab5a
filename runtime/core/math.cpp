#include "core/math.h"

namespace liyuan {

Aabb transform_aabb(const Aabb& box, const mat4& m) {
  if (box.empty()) return box;
  vec3 center = vec3(m * vec4(box.center(), 1.0f));
  vec3 half = box.extent() * 0.5f;
  mat3 abs_m = mat3(glm::abs(vec3(m[0])), glm::abs(vec3(m[1])), glm::abs(vec3(m[2])));
  vec3 radius = abs_m * half;
  return Aabb{center - radius, center + radius};
}

}  // namespace liyuan
