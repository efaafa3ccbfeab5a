#include "render/views.h"

#include <cmath>

namespace liyuan::render {

mat4 projection_reversed_z(const Fov& fov, float near_plane) {
  float left = std::tan(fov.left), right = std::tan(fov.right);
  float up = std::tan(fov.up), down = std::tan(fov.down);
  float width = right - left, height = up - down;
  mat4 p(0.0f);
  p[0][0] = 2.0f / width;
  p[1][1] = -2.0f / height;  // Vulkan clip space: +Y is down
  p[2][0] = (right + left) / width;
  p[2][1] = -(up + down) / height;
  p[2][3] = -1.0f;
  p[3][2] = near_plane;  // depth = near / distance
  return p;
}

Fov symmetric_fov(float vertical_fov, float aspect) {
  float half_height = std::tan(vertical_fov * 0.5f);
  float half_width = half_height * aspect;
  return Fov{-std::atan(half_width), std::atan(half_width), vertical_fov * 0.5f, -vertical_fov * 0.5f};
}

mat4 look_at_pose(const vec3& eye, const vec3& target, const vec3& up) {
  return glm::inverse(glm::lookAtRH(eye, target, up));
}

}  // namespace liyuan::render
