// What the renderer draws from: one view (a window, an image) or two (a headset's eyes, a stereo image).
#pragma once

#include <vector>

#include "core/math.h"

namespace liyuan::render {

// A field of view as four half-angles in radians (left and down negative), the OpenXR XrFovf convention.
struct Fov {
  float left = -0.6f;
  float right = 0.6f;
  float up = 0.6f;
  float down = -0.6f;
};

struct View {
  mat4 world_from_eye{1.0f};  // the eye's pose: -Z forward, +Y up, +X right
  Fov fov;
};

// The projection for FOV with reversed Z (depth 1 at NEAR, 0 at infinity) and Vulkan's clip space (Y down).
mat4 projection_reversed_z(const Fov& fov, float near_plane);
// A symmetric FOV with VERTICAL_FOV radians top to bottom and the width set by ASPECT (width / height).
Fov symmetric_fov(float vertical_fov, float aspect);
// A pose at EYE looking at TARGET with UP roughly up.
mat4 look_at_pose(const vec3& eye, const vec3& target, const vec3& up);

}  // namespace liyuan::render
