// Picking with a mouse: the ray from the eye through a point of the window, in world space, for Select commands.
#pragma once

#include <span>

#include "core/math.h"
#include "render/views.h"

namespace liyuan::present {

struct Ray {
  vec3 origin{0.0f};
  vec3 direction{0.0f, 0.0f, -1.0f};  // unit length
};

// The ray through the window point U, V (0..1 across and down the whole window) of VIEWS as drawn: one view fills
// the window; two stand side by side (left eye on the left), and the ray goes through the eye whose half U is in.
// VIEWS must not be empty.
Ray cursor_ray(std::span<const render::View> views, float u, float v);

}  // namespace liyuan::present
