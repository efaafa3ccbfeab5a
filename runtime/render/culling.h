// Frustum culling of world-space boxes.
#pragma once

#include "core/math.h"

namespace liyuan::render {

// Six planes (ax + by + cz + d >= 0 inside) from a clip-from-world matrix with depth in [0, 1]. Planes are not
// normalised (the box test only needs their signs); with an infinite far plane that plane never rejects.
struct Frustum {
  vec4 planes[6];
};

Frustum frustum_from_clip(const mat4& clip_from_world);

// False only when BOX lies entirely outside one plane (conservative: may keep a box that is just outside a corner).
bool box_in_frustum(const Frustum& frustum, const Aabb& box);

}  // namespace liyuan::render
