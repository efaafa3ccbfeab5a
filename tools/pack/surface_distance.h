// How far a simplified surface strays from the original: the largest distance from any original vertex to the
// simplified triangles (a one-sided Hausdorff distance sampled at the vertices). This is what a level of detail's
// error must mean for the renderer's choice to be safe; meshoptimizer's own estimate is quadric-based and smaller.
#pragma once

#include <cstdint>
#include <vector>

#include "core/math.h"

namespace liyuan::packer {

// The largest distance from POINTS to the triangle list INDICES over POSITIONS (0 when POINTS is empty; a large value
// when there are no triangles).
float max_distance_to_surface(const std::vector<vec3>& points, const std::vector<vec3>& positions,
                              const std::vector<uint32_t>& indices);

}  // namespace liyuan::packer
