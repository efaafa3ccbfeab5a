#include "text/caption_placement.h"

#include <cmath>

namespace liyuan::text {
namespace {

float head_yaw(const mat4& world_from_head) {
  const vec3 forward = -vec3(world_from_head[2]);
  return std::atan2(-forward.x, -forward.z);
}

float wrap_angle(float radians) {
  const float two_pi = 6.28318530718f;
  radians = std::fmod(radians + 3.14159265359f, two_pi);
  if (radians < 0.0f) radians += two_pi;
  return radians - 3.14159265359f;
}

}  // namespace

void CaptionFollower::update(const mat4& world_from_head, double dt) {
  const float target = head_yaw(world_from_head);
  const vec3 eye = vec3(world_from_head[3]);
  if (!placed_) {
    placed_ = true;
    following_ = false;
    yaw_ = target;
    eye_ = eye;
    pending_ = 0.0;
    return;
  }
  pending_ += dt;
  const float step = float(comfort_.step_seconds);
  const float blend = 1.0f - std::exp(-step / comfort_.follow_seconds);
  const float dead_zone = glm::radians(comfort_.dead_zone_degrees);
  // A microsecond of slack, so that 1/30 s is exactly three steps of 1/90 s despite rounding.
  while (pending_ >= comfort_.step_seconds - 1e-6) {
    pending_ -= comfort_.step_seconds;
    const float error = wrap_angle(target - yaw_);
    if (std::fabs(error) > dead_zone) following_ = true;
    if (following_) {
      yaw_ = wrap_angle(yaw_ + error * blend);
      if (std::fabs(error) < glm::radians(1.0f)) following_ = false;
    }
    eye_ += (eye - eye_) * blend;
  }
}

TextFrame CaptionFollower::frame() const {
  const float below = glm::radians(comfort_.below_gaze_degrees);
  const vec3 ahead(-std::sin(yaw_), 0.0f, -std::cos(yaw_));
  const vec3 centre = eye_ + ahead * (comfort_.distance * std::cos(below)) -
                      vec3(0.0f, comfort_.distance * std::sin(below), 0.0f);
  // Facing the eye, tilted back so the plate is square to the line of sight.
  const vec3 normal = glm::normalize(eye_ - centre);
  const vec3 right = glm::normalize(glm::cross(vec3(0.0f, 1.0f, 0.0f), normal));
  const vec3 up = glm::cross(normal, right);
  TextFrame frame;
  frame.world_from_plane = mat4(vec4(right, 0.0f), vec4(up, 0.0f), vec4(normal, 0.0f), vec4(centre, 1.0f));
  frame.em_metres = em_at_distance(comfort_.distance, comfort_.em_degrees);
  return frame;
}

float CaptionFollower::max_width_metres() const {
  return 2.0f * comfort_.distance * std::tan(glm::radians(comfort_.max_width_degrees) * 0.5f);
}

float em_at_distance(float distance, float em_degrees) {
  return distance * std::tan(glm::radians(em_degrees));
}

mat4 plane_facing(const vec3& world_position, const vec3& eye) {
  vec3 to_eye = eye - world_position;
  to_eye.y = 0.0f;
  if (glm::dot(to_eye, to_eye) < 1e-8f) to_eye = vec3(0.0f, 0.0f, 1.0f);
  const vec3 normal = glm::normalize(to_eye);
  const vec3 right = glm::normalize(glm::cross(vec3(0.0f, 1.0f, 0.0f), normal));
  return mat4(vec4(right, 0.0f), vec4(0.0f, 1.0f, 0.0f, 0.0f), vec4(normal, 0.0f), vec4(world_position, 1.0f));
}

}  // namespace liyuan::text
