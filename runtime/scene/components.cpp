#include "scene/components.h"

namespace liyuan::scene {

mat4 Transform::matrix() const {
  mat4 m = glm::mat4_cast(rotation);
  m[0] *= scale.x;
  m[1] *= scale.y;
  m[2] *= scale.z;
  m[3] = vec4(translation, 1.0f);
  return m;
}

quat rotation_from_euler_degrees(const vec3& degrees) {
  vec3 r = glm::radians(degrees);
  return glm::angleAxis(r.z, vec3(0, 0, 1)) * glm::angleAxis(r.y, vec3(0, 1, 0)) * glm::angleAxis(r.x, vec3(1, 0, 0));
}

}  // namespace liyuan::scene
