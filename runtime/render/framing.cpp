#include "render/framing.h"

#include <algorithm>
#include <cmath>

namespace liyuan::render {

std::vector<View> frame_bounds(const Aabb& bounds, float aspect, bool stereo, const FramingOptions& options,
                               float interpupillary_distance) {
  vec3 center = bounds.empty() ? vec3(0.0f) : bounds.center();
  float radius = bounds.empty() ? 1.0f : std::max(glm::length(bounds.extent()) * 0.5f, 1e-3f);
  Fov fov = symmetric_fov(options.vertical_fov, aspect);
  // The sphere's angular radius must fit `fill` of the narrower half-angle.
  float half_angle = std::min(fov.up, fov.right);
  float distance = radius / std::sin(std::atan(std::tan(half_angle) * options.fill));
  vec3 direction(std::cos(options.elevation) * std::sin(options.azimuth), std::sin(options.elevation),
                 std::cos(options.elevation) * std::cos(options.azimuth));
  vec3 eye = center + direction * distance;
  mat4 pose = look_at_pose(eye, center, vec3(0, 1, 0));
  if (!stereo) return {View{pose, fov}};
  vec3 right = vec3(pose[0]);
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
