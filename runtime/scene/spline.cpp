#include "scene/spline.h"

#include <cmath>

namespace liyuan::scene {
namespace {

// The centripetal knot step: sqrt of the chord length, never zero (coincident points would divide by zero).
float knot_step(const vec3& a, const vec3& b) { return std::max(std::sqrt(glm::length(b - a)), 1e-4f); }

vec3 lerp_knots(const vec3& a, const vec3& b, float ta, float tb, float t) {
  return (tb - t) / (tb - ta) * a + (t - ta) / (tb - ta) * b;
}

}  // namespace

vec3 centripetal_catmull_rom(const vec3& p0, const vec3& p1, const vec3& p2, const vec3& p3, float u) {
  float t0 = 0.0f;
  float t1 = t0 + knot_step(p0, p1);
  float t2 = t1 + knot_step(p1, p2);
  float t3 = t2 + knot_step(p2, p3);
  float t = t1 + (t2 - t1) * u;
  vec3 a1 = lerp_knots(p0, p1, t0, t1, t);
  vec3 a2 = lerp_knots(p1, p2, t1, t2, t);
  vec3 a3 = lerp_knots(p2, p3, t2, t3, t);
  vec3 b1 = lerp_knots(a1, a2, t0, t2, t);
  vec3 b2 = lerp_knots(a2, a3, t1, t3, t);
  return lerp_knots(b1, b2, t1, t2, t);
}

vec3 spline_point(std::span<const vec3> points, size_t segment, float u) {
  const vec3& p1 = points[segment];
  const vec3& p2 = points[segment + 1];
  vec3 p0 = segment > 0 ? points[segment - 1] : 2.0f * p1 - p2;
  vec3 p3 = segment + 2 < points.size() ? points[segment + 2] : 2.0f * p2 - p1;
  return centripetal_catmull_rom(p0, p1, p2, p3, u);
}

}  // namespace liyuan::scene
