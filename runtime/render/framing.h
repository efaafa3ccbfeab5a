// Turntable framing: a bare relic placed in front of the camera like a product photograph.
#pragma once

#include <vector>

#include "core/math.h"
#include "render/views.h"

namespace liyuan::render {

inline constexpr float kDefaultInterpupillaryDistance = 0.063f;  // metres, the adult median

struct FramingOptions {
  float vertical_fov = glm::radians(35.0f);
  float azimuth = glm::radians(25.0f);    // camera swung around +Y from the front (+Z)
  float elevation = glm::radians(15.0f);  // camera raised above the relic's centre
  float fill = 0.8f;                      // the box's projection reaches this fraction of the way to each image edge
};

// Views that frame BOUNDS in an image of ASPECT (width / height): one view, or two eyes INTERPUPILLARY_DISTANCE
// apart (both looking parallel, as a headset's displays do) when STEREO.
std::vector<View> frame_bounds(const Aabb& bounds, float aspect, bool stereo, const FramingOptions& options = {},
                               float interpupillary_distance = kDefaultInterpupillaryDistance);

// A near plane suited to BOUNDS seen from EYE: close enough never to clip the relic.
float near_plane_for(const Aabb& bounds, const vec3& eye);

}  // namespace liyuan::render
