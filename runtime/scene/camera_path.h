// A camera path through viewpoints: a centripetal Catmull-Rom spline (or straight lines) through their positions,
// reparametrised by arc length so the camera moves at a steady speed, with orientation and field of view
// interpolated between the viewpoints it passes.
#pragma once

#include <vector>

#include "core/math.h"

namespace liyuan::scene {

// Where a viewpoint stands.
struct CameraKey {
  vec3 position{0.0f};
  quat rotation{1.0f, 0.0f, 0.0f, 0.0f};
  float fov_degrees = 60.0f;
};

struct CameraPose {
  vec3 position{0.0f};
  quat rotation{1.0f, 0.0f, 0.0f, 0.0f};
  float fov_degrees = 60.0f;
};

// Built once; sampling is a binary search in a table of arc lengths.
struct CameraPath {
  std::vector<CameraKey> keys;
  std::vector<vec3> points;  // the keys' positions, the spline's control points
  bool smooth = true;
  // The arc-length table: kSamplesPerSegment entries per segment after a first entry at the start.
  std::vector<float> sample_distance;   // distance from the start, non-decreasing, first 0
  std::vector<float> sample_segment_u;  // segment index + u at that distance
  float length = 0.0f;
};

inline constexpr int kSamplesPerSegment = 256;

// A path through KEYS (at least 1). SMOOTH: centripetal Catmull-Rom; otherwise straight segments.
CameraPath make_camera_path(std::vector<CameraKey> keys, bool smooth);

// The pose at FRACTION in [0, 1] of the path's length (clamped). Orientation is slerped, and the field of view
// interpolated, by how far the camera is between the two viewpoints of its segment, measured along the curve.
CameraPose sample_camera_path(const CameraPath& path, double fraction);

// The position on the curve at segment + u (no arc-length mapping), for tests and tools.
vec3 camera_path_point(const CameraPath& path, float segment_and_u);

}  // namespace liyuan::scene
