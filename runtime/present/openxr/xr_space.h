// The visitor's stage: the space eye and controller poses are located in. STAGE (origin on the floor, at the centre
// of the play area) where the runtime offers it, else LOCAL (origin at the head's first position) lowered by a
// standing eye height, so that y = 0 is the floor either way.
#pragma once

#include <vector>

#include "core/error.h"
#include "present/openxr/xr_headers.h"

namespace liyuan::present::xr {

// How far below LOCAL's origin (the head at start) the floor is taken to be, in metres.
inline constexpr float kStandingEyeHeight = 1.6f;

// Which reference space to use among OFFERED, and the pose of our stage's origin in it (pure: see the file comment).
struct StageChoice {
  XrReferenceSpaceType type = XR_REFERENCE_SPACE_TYPE_LOCAL;
  XrPosef origin{{0, 0, 0, 1}, {0, 0, 0}};
};
StageChoice choose_stage(const std::vector<XrReferenceSpaceType>& offered);

// Creates SESSION's stage space and the VIEW space (the head), and says which kind the stage is.
struct StageSpaces {
  XrSpace stage = XR_NULL_HANDLE;
  XrSpace head = XR_NULL_HANDLE;
  XrReferenceSpaceType type = XR_REFERENCE_SPACE_TYPE_LOCAL;
};
Result<StageSpaces> create_stage_spaces(XrSession session);
// Destroys both spaces; leaves SPACES empty.
void destroy_stage_spaces(StageSpaces& spaces);

}  // namespace liyuan::present::xr
