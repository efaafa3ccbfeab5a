#include "render/culling.h"

namespace liyuan::render {

Frustum frustum_from_clip(const mat4& m) {
  // Gribb & Hartmann: rows of the matrix combine into the clip planes.
  vec4 row0(m[0][0], m[1][0], m[2][0], m[3][0]);
  vec4 row1(m[0][1], m[1][1], m[2][1], m[3][1]);
  vec4 row2(m[0][2], m[1][2], m[2][2], m[3][2]);
  vec4 row3(m[0][3], m[1][3], m[2][3], m[3][3]);
  return Frustum{{row3 + row0, row3 - row0, row3 + row1, row3 - row1, row2, row3 - row2}};
}

bool box_in_frustum(const Frustum& frustum, const Aabb& box) {
  for (const vec4& plane : frustum.planes) {
    // The box corner furthest along the plane's normal.
    vec3 positive(plane.x >= 0 ? box.max.x : box.min.x, plane.y >= 0 ? box.max.y : box.min.y,
                  plane.z >= 0 ? box.max.z : box.min.z);
    if (glm::dot(vec3(plane), positive) + plane.w < 0.0f) return false;
  }
  return true;
}

}  // namespace liyuan::render
