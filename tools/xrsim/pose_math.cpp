#include "pose_math.h"

#include <cmath>

namespace xrsim {
namespace {

XrQuaternionf multiply(const XrQuaternionf& a, const XrQuaternionf& b) {
  return {a.w * b.x + a.x * b.w + a.y * b.z - a.z * b.y, a.w * b.y - a.x * b.z + a.y * b.w + a.z * b.x,
          a.w * b.z + a.x * b.y - a.y * b.x + a.z * b.w, a.w * b.w - a.x * b.x - a.y * b.y - a.z * b.z};
}

XrQuaternionf conjugate(const XrQuaternionf& q) {
  return {-q.x, -q.y, -q.z, q.w};
}

}  // namespace

XrVector3f rotate(const XrQuaternionf& q, const XrVector3f& v) {
  const XrQuaternionf p{v.x, v.y, v.z, 0};
  const XrQuaternionf r = multiply(multiply(q, p), conjugate(q));
  return {r.x, r.y, r.z};
}

XrPosef compose(const XrPosef& parent_from_a, const XrPosef& a_from_b) {
  const XrVector3f moved = rotate(parent_from_a.orientation, a_from_b.position);
  return {multiply(parent_from_a.orientation, a_from_b.orientation),
          {parent_from_a.position.x + moved.x, parent_from_a.position.y + moved.y, parent_from_a.position.z + moved.z}};
}

XrPosef inverse(const XrPosef& pose) {
  const XrQuaternionf q = conjugate(pose.orientation);
  const XrVector3f p = rotate(q, pose.position);
  return {q, {-p.x, -p.y, -p.z}};
}

XrQuaternionf normalized(const XrQuaternionf& q) {
  const float length = std::sqrt(q.x * q.x + q.y * q.y + q.z * q.z + q.w * q.w);
  if (length == 0) return {0, 0, 0, 1};
  return {q.x / length, q.y / length, q.z / length, q.w / length};
}

XrPosef interpolate(const XrPosef& a, const XrPosef& b, float t) {
  XrQuaternionf qb = b.orientation;
  const float dot = a.orientation.x * qb.x + a.orientation.y * qb.y + a.orientation.z * qb.z + a.orientation.w * qb.w;
  if (dot < 0) qb = {-qb.x, -qb.y, -qb.z, -qb.w};
  const auto mix = [t](float x, float y) { return x + (y - x) * t; };
  return {normalized({mix(a.orientation.x, qb.x), mix(a.orientation.y, qb.y), mix(a.orientation.z, qb.z),
                      mix(a.orientation.w, qb.w)}),
          {mix(a.position.x, b.position.x), mix(a.position.y, b.position.y), mix(a.position.z, b.position.z)}};
}

bool is_unit(const XrQuaternionf& q) {
  const float length = std::sqrt(q.x * q.x + q.y * q.y + q.z * q.z + q.w * q.w);
  return std::fabs(length - 1.0f) <= 0.01f;
}

XrQuaternionf from_yaw_pitch(float yaw_degrees, float pitch_degrees) {
  const float half_yaw = yaw_degrees * 3.14159265358979f / 360.0f;
  const float half_pitch = pitch_degrees * 3.14159265358979f / 360.0f;
  const XrQuaternionf yaw{0, std::sin(half_yaw), 0, std::cos(half_yaw)};
  const XrQuaternionf pitch{std::sin(half_pitch), 0, 0, std::cos(half_pitch)};
  return multiply(yaw, pitch);
}

}  // namespace xrsim
