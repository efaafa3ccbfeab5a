#include "present/window/free_roam.h"

#include <algorithm>
#include <cmath>
#include <glm/gtc/matrix_transform.hpp>

namespace liyuan::present {
namespace {
constexpr float kMaxPitch = 85.0f * float(M_PI) / 180.0f;
}

void FreeRoamCamera::place(const mat4& world_from_eye) {
  position_ = vec3(world_from_eye[3]);
  vec3 forward = -glm::normalize(vec3(world_from_eye[2]));
  yaw_ = std::atan2(-forward.x, -forward.z);
  pitch_ = std::clamp(std::asin(std::clamp(forward.y, -1.0f, 1.0f)), -kMaxPitch, kMaxPitch);
}

void FreeRoamCamera::update(double dt, const vec3& move, bool fast, float yaw, float pitch) {
  yaw_ += yaw;
  pitch_ = std::clamp(pitch_ + pitch, -kMaxPitch, kMaxPitch);
  // Walking stays level, as a visitor walks, whatever the camera looks at.
  vec3 forward(-std::sin(yaw_), 0.0f, -std::cos(yaw_));
  vec3 right(std::cos(yaw_), 0.0f, -std::sin(yaw_));
  float distance = float(dt) * kWalkSpeed * (fast ? 4.0f : 1.0f);
  position_ += distance * (move.x * right + move.y * vec3(0, 1, 0) + move.z * forward);
}

mat4 FreeRoamCamera::world_from_eye() const {
  mat4 pose = glm::translate(mat4(1.0f), position_);
  pose = glm::rotate(pose, yaw_, vec3(0, 1, 0));
  return glm::rotate(pose, pitch_, vec3(1, 0, 0));
}

}  // namespace liyuan::present
