#include "present/window/cursor_ray.h"

#include <cmath>

namespace liyuan::present {

Ray cursor_ray(std::span<const render::View> views, float u, float v) {
  size_t eye = 0;
  if (views.size() == 2) {
    eye = u < 0.5f ? 0 : 1;
    u = u * 2.0f - float(eye);
  }
  const render::View& view = views[eye];
  float tan_left = std::tan(view.fov.left), tan_right = std::tan(view.fov.right);
  float tan_up = std::tan(view.fov.up), tan_down = std::tan(view.fov.down);
  vec3 in_eye(tan_left + u * (tan_right - tan_left), tan_up - v * (tan_up - tan_down), -1.0f);
  return Ray{vec3(view.world_from_eye[3]), glm::normalize(mat3(view.world_from_eye) * in_eye)};
}

}  // namespace liyuan::present
