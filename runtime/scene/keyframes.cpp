#include "scene/keyframes.h"

#include <algorithm>

namespace liyuan::scene {
namespace {

vec4 as_vec4(const quat& q) { return vec4(q.x, q.y, q.z, q.w); }
quat as_quat(const vec4& v) { return quat(v.w, v.x, v.y, v.z); }

// NEIGHBOUR, or its negation when that is closer to REFERENCE (q and −q are the same rotation).
vec4 same_hemisphere(const vec4& neighbour, const vec4& reference) {
  return glm::dot(neighbour, reference) < 0.0f ? -neighbour : neighbour;
}

// The Catmull-Rom tangent at key I, per second.
vec4 tangent(std::span<const Keyframe> keys, size_t i, bool rotation) {
  size_t before = i > 0 ? i - 1 : i;
  size_t after = i + 1 < keys.size() ? i + 1 : i;
  double span = keys[after].t - keys[before].t;
  if (span <= 0.0) return vec4(0.0f);
  vec4 a = keys[before].value;
  vec4 b = keys[after].value;
  if (rotation) {
    a = same_hemisphere(a, keys[i].value);
    b = same_hemisphere(b, keys[i].value);
  }
  return (b - a) / static_cast<float>(span);
}

vec4 cubic(std::span<const Keyframe> keys, size_t i, float u, bool rotation) {
  const vec4& p0 = keys[i].value;
  vec4 p1 = rotation ? same_hemisphere(keys[i + 1].value, p0) : keys[i + 1].value;
  float dt = static_cast<float>(keys[i + 1].t - keys[i].t);
  vec4 m0 = tangent(keys, i, rotation) * dt;
  vec4 m1 = tangent(keys, i + 1, rotation) * dt;
  if (rotation && glm::dot(keys[i + 1].value, p0) < 0.0f) m1 = -m1;
  float u2 = u * u;
  float u3 = u2 * u;
  vec4 value = (2 * u3 - 3 * u2 + 1) * p0 + (u3 - 2 * u2 + u) * m0 + (-2 * u3 + 3 * u2) * p1 + (u3 - u2) * m1;
  if (rotation) {
    float length = glm::length(value);
    return length > 0.0f ? value / length : p0;
  }
  return value;
}

}  // namespace

vec4 sample_keys(std::span<const Keyframe> keys, double t, bool rotation) {
  if (keys.size() == 1 || t <= keys.front().t) return keys.front().value;
  if (t >= keys.back().t) return keys.back().value;
  auto next = std::upper_bound(keys.begin(), keys.end(), t, [](double time, const Keyframe& k) { return time < k.t; });
  size_t i = static_cast<size_t>(next - keys.begin()) - 1;
  const Keyframe& a = keys[i];
  const Keyframe& b = keys[i + 1];
  if (a.interpolation == Interpolation::Step) return a.value;
  float u = static_cast<float>(apply_easing(a.easing, (t - a.t) / (b.t - a.t)));
  if (a.interpolation == Interpolation::Cubic) return cubic(keys, i, u, rotation);
  if (rotation) return as_vec4(glm::slerp(as_quat(a.value), as_quat(b.value), u));
  return glm::mix(a.value, b.value, u);
}

}  // namespace liyuan::scene
