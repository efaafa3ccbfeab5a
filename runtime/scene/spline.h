// Centripetal Catmull-Rom splines (Yuksel, Schaefer, Keyser: "Parameterization and applications of Catmull-Rom
// curves", 2011): through every control point, without cusps or self-intersections within a segment, which matters
// for a camera gliding between viewpoints placed by hand.
#pragma once

#include <span>

#include "core/math.h"

namespace liyuan::scene {

// The point at U in [0, 1] on the segment from P1 to P2 of the centripetal Catmull-Rom spline with neighbours P0
// and P3 (alpha = 0.5, Barry–Goldman pyramidal form). Coincident points are handled (the segment degenerates to
// a line or a point).
vec3 centripetal_catmull_rom(const vec3& p0, const vec3& p1, const vec3& p2, const vec3& p3, float u);

// The point at U in [0, 1] on segment SEGMENT (from points[segment] to points[segment + 1]) of the spline through
// POINTS (at least 2). The end segments use mirrored phantom neighbours (2·P0 − P1), so the curve starts and ends
// heading along its chord.
vec3 spline_point(std::span<const vec3> points, size_t segment, float u);

}  // namespace liyuan::scene
