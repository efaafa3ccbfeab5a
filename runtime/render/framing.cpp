#include "render/framing.h"

#include <algorithm>
#include <cmath>

namespace liyuan::render {

std::vector<View> frame_bounds(const Aabb& bounds, float aspect, bool stereo, const FramingOptions& options,
                               float interpupillary_distance) {
  Aabb box = bounds.empty() ? Aabb{vec3(-0.5f), vec3(0.5f)} : bounds;
  vec3 center = box.center();
  Fov fov = symmetric_fov(options.vertical_fov, aspect);
  vec3 direction(std::cos(options.elevation) * std::sin(options.azimuth), std::sin(options.elevation),
                 std::cos(options.elevation) * std::cos(options.azimuth));
  // Camera axes for a camera on DIRECTION looking at the centre.
  vec3 back = direction;
  vec3 right = glm::normalize(glm::cross(vec3(0, 1, 0), back));
  vec3 up = glm::cross(back, right);
  // The distance at which every corner of the box projects inside `fill` of the image: for a corner at
  // (x, y, z) in camera axes around the centre, |x| / (d - z) <= tan(half-width) * fill, and the same for y.
  float limit_x = std::tan(fov.right) * options.fill;
  float limit_y = std::tan(fov.up) * options.fill;
  float distance = 0.0f;
  for (int i = 0; i < 8; ++i) {
    vec3 corner((i & 1) ? box.max.x : box.min.x, (i & 2) ? box.max.y : box.min.y, (i & 4) ? box.max.z : box.min.z);
    vec3 offset = corner - center;
    float x = glm::dot(offset, right), y = glm::dot(offset, up), z = glm::dot(offset, back);
    distance = std::max({distance, z + std::abs(x) / limit_x, z + std::abs(y) / limit_y});
  }
  vec3 eye = center + direction * std::max(distance, 1e-3f);
  mat4 pose = look_at_pose(eye, center, vec3(0, 1, 0));
  if (!stereo) return {View{pose, fov}};
  float half_ipd = interpupillary_distance * 0.5f;
  mat4 left_pose = pose, right_pose = pose;
  left_pose[3] = vec4(eye - right * half_ipd, 1.0f);
  right_pose[3] = vec4(eye + right * half_ipd, 1.0f);
  return {View{left_pose, fov}, View{right_pose, fov}};
}

float near_plane_for(const Aabb& bounds, const vec3& eye) {
  if (bounds.empty()) return 0.05f;
  float radius = glm::length(bounds.extent()) * 0.5f;
  float distance = glm::length(eye - bounds.center());
  return std::clamp((distance - radius) * 0.5f, 0.01f, 1.0f);
}

}  // namespace liyuan::render
