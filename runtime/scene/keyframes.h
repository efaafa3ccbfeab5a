// Sampling keyframes. Between a key and the next, the key's easing reshapes time and its interpolation gives the
// value:
//   step    the key's value until the next key;
//   linear  a straight line; rotations use slerp along the shorter arc;
//   cubic   Catmull-Rom: a cubic Hermite curve whose tangent at each key is the finite difference of its neighbours
//           over their time span, (p[i+1] − p[i−1]) / (t[i+1] − t[i−1]) (one-sided at the ends), so unevenly spaced
//           keys still give a smooth curve with no overshoot at evenly spaced ones. Authors write no tangents, which
//           suits hand-edited files; glTF's CUBICSPLINE with explicit tangents stays inside the clips it belongs to.
//           Rotations: Hermite on the quaternion components (neighbours flipped onto the same hemisphere), then
//           normalised.
// Before the first key the first value holds; after the last key, the last.
#pragma once

#include <span>

#include "scene/timeline.h"

namespace liyuan::scene {

// The value of KEYS (sorted by t, at least one) at T. ROTATION: values are quaternions (x, y, z, w).
vec4 sample_keys(std::span<const Keyframe> keys, double t, bool rotation);

}  // namespace liyuan::scene
