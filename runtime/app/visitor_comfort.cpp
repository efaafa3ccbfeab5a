#include "app/visitor_comfort.h"

#include <algorithm>
#include <cmath>
#include <glm/gtc/matrix_transform.hpp>

namespace liyuan::app {

void VisitorComfort::fade_to(const mat4& world_from_stage) {
  target_ = world_from_stage;
  if (!pending_) {
    pending_ = true;
    // Already past the dark middle of a fade (coming back in): go dark again from where the fade is.
    if (fading_ && fade_clock_ > options_.fade_seconds)
      fade_clock_ = 2.0 * options_.fade_seconds - fade_clock_;
    else if (!fading_)
      fade_clock_ = 0.0;
    fading_ = true;
  }
  if (options_.fade_seconds <= 0.0) advance(0.0);
}

void VisitorComfort::jump_to(const mat4& world_from_stage, bool gliding) {
  stage_ = world_from_stage;
  pending_ = false;
  if (gliding) since_motion_ = 0.0;
}

void VisitorComfort::reset() {
  stage_ = target_ = mat4(1.0f);
  pending_ = fading_ = false;
  fade_clock_ = 0.0;
  since_motion_ = 1e9;
}

void VisitorComfort::advance(double dt) {
  since_motion_ += dt;
  if (!fading_) return;
  fade_clock_ += dt;
  if (pending_ && fade_clock_ >= options_.fade_seconds) {
    stage_ = target_;  // dark: move now
    pending_ = false;
    fade_clock_ = std::max(fade_clock_, options_.fade_seconds);
  }
  if (!pending_ && fade_clock_ >= 2.0 * options_.fade_seconds) {
    fading_ = false;
    fade_clock_ = 0.0;
  }
}

mat4 VisitorComfort::world_from_stage() const {
  if (!options_.seated) return stage_;
  return glm::translate(mat4(1.0f), vec3(0.0f, options_.seated_height, 0.0f)) * stage_;
}

float VisitorComfort::fade() const {
  if (!fading_ || options_.fade_seconds <= 0.0) return 0.0f;
  double half = options_.fade_seconds;
  double f = fade_clock_ <= half ? fade_clock_ / half : 2.0 - fade_clock_ / half;
  return float(std::clamp(f, 0.0, 1.0));
}

float VisitorComfort::vignette() const {
  if (options_.vignette_seconds <= 0.0 || since_motion_ >= options_.vignette_seconds) return 0.0f;
  return options_.vignette_strength * float(1.0 - since_motion_ / options_.vignette_seconds);
}

mat4 stage_at_viewpoint(const vec3& position, const quat& rotation, float floor) {
  vec3 forward = rotation * vec3(0.0f, 0.0f, -1.0f);
  float yaw = std::atan2(-forward.x, -forward.z);
  mat4 stage = glm::rotate(mat4(1.0f), yaw, vec3(0.0f, 1.0f, 0.0f));
  stage[3] = vec4(position.x, floor, position.z, 1.0f);
  return stage;
}

mat4 turn_about_head(const mat4& world_from_stage, const vec3& head, float angle) {
  vec3 pivot(head.x, 0.0f, head.z);
  return world_from_stage * glm::translate(mat4(1.0f), pivot) * glm::rotate(mat4(1.0f), angle, vec3(0.0f, 1.0f, 0.0f)) *
         glm::translate(mat4(1.0f), -pivot);
}

mat4 move_head_to(const mat4& world_from_stage, const vec3& head, const vec3& point) {
  vec3 head_world = vec3(world_from_stage * vec4(head.x, 0.0f, head.z, 1.0f));
  mat4 moved = world_from_stage;
  moved[3] += vec4(point.x - head_world.x, 0.0f, point.z - head_world.z, 0.0f);
  return moved;
}

}  // namespace liyuan::app
