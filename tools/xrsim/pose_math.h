// Rigid transforms on XrPosef: composition, inverse, interpolation. Poses map a child space into its parent.
#pragma once

#include "openxr_includes.h"

namespace xrsim {

inline constexpr XrPosef kIdentityPose{{0, 0, 0, 1}, {0, 0, 0}};

// PARENT_FROM_A ∘ A_FROM_B: the pose of B in PARENT.
XrPosef compose(const XrPosef& parent_from_a, const XrPosef& a_from_b);
// The inverse transform: B_FROM_A for A_FROM_B.
XrPosef inverse(const XrPosef& pose);
// V rotated by unit quaternion Q.
XrVector3f rotate(const XrQuaternionf& q, const XrVector3f& v);
// Linear position and normalised-lerp orientation between A (t = 0) and B (t = 1), along the shorter arc.
XrPosef interpolate(const XrPosef& a, const XrPosef& b, float t);
// True when Q has unit length (within the spec's tolerance of 1 %).
bool is_unit(const XrQuaternionf& q);
// A rotation of YAW degrees about +Y followed by PITCH degrees about +X (right-handed, -Z forward).
XrQuaternionf from_yaw_pitch(float yaw_degrees, float pitch_degrees);
// Q scaled to unit length.
XrQuaternionf normalized(const XrQuaternionf& q);

}  // namespace xrsim
