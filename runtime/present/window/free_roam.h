// A free-roaming camera for curators at a desktop: walk with WASD (or a gamepad's left stick), look with the mouse
// (or the right stick). It starts where the guided camera stood, so switching from the tour to free roam does not
// jump.
#pragma once

#include "core/math.h"

namespace liyuan::present {

class FreeRoamCamera {
 public:
  // Takes position and heading (yaw and pitch; roll is dropped) from WORLD_FROM_EYE (-Z forward, +Y up).
  void place(const mat4& world_from_eye);
  // Moves by MOVE (x right, y up, z forward; each in [-1, 1]) at the walking speed for DT seconds, FAST four times as
  // quick, and turns by YAW (positive: to the left) and PITCH (positive: up) radians; pitch stays within ±85°.
  void update(double dt, const vec3& move, bool fast, float yaw, float pitch);
  // The eye's pose: -Z forward, +Y up.
  mat4 world_from_eye() const;

  static constexpr float kWalkSpeed = 1.4f;  // metres per second, a museum stroll

 private:
  vec3 position_{0.0f, 1.6f, 0.0f};
  float yaw_ = 0.0f;    // about +Y; 0 looks down -Z
  float pitch_ = 0.0f;  // about the eye's +X
};

}  // namespace liyuan::present
