#include "present/openxr/xr_space.h"

#include <algorithm>

#include "core/log.h"
#include "present/openxr/xr_result.h"

namespace liyuan::present::xr {

StageChoice choose_stage(const std::vector<XrReferenceSpaceType>& offered) {
  StageChoice choice;
  if (std::find(offered.begin(), offered.end(), XR_REFERENCE_SPACE_TYPE_STAGE) != offered.end()) {
    choice.type = XR_REFERENCE_SPACE_TYPE_STAGE;
    return choice;
  }
  choice.type = XR_REFERENCE_SPACE_TYPE_LOCAL;
  choice.origin.position.y = -kStandingEyeHeight;
  return choice;
}

Result<StageSpaces> create_stage_spaces(XrSession session) {
  uint32_t count = 0;
  if (Status s = xr_check(xrEnumerateReferenceSpaces(session, 0, &count, nullptr), "xrEnumerateReferenceSpaces"); !s)
    return s.error();
  std::vector<XrReferenceSpaceType> offered(count);
  if (Status s =
          xr_check(xrEnumerateReferenceSpaces(session, count, &count, offered.data()), "xrEnumerateReferenceSpaces");
      !s)
    return s.error();
  StageChoice choice = choose_stage(offered);
  StageSpaces spaces;
  spaces.type = choice.type;
  XrReferenceSpaceCreateInfo info{XR_TYPE_REFERENCE_SPACE_CREATE_INFO};
  info.referenceSpaceType = choice.type;
  info.poseInReferenceSpace = choice.origin;
  if (Status s = xr_check(xrCreateReferenceSpace(session, &info, &spaces.stage), "xrCreateReferenceSpace"); !s)
    return s.error();
  info.referenceSpaceType = XR_REFERENCE_SPACE_TYPE_VIEW;
  info.poseInReferenceSpace = XrPosef{{0, 0, 0, 1}, {0, 0, 0}};
  if (Status s = xr_check(xrCreateReferenceSpace(session, &info, &spaces.head), "xrCreateReferenceSpace"); !s) {
    destroy_stage_spaces(spaces);
    return s.error();
  }
  log::info("openxr: stage space {}", choice.type == XR_REFERENCE_SPACE_TYPE_STAGE
                                          ? "STAGE"
                                          : "LOCAL with the floor 1.6 m below the head (no STAGE offered)");
  return spaces;
}

void destroy_stage_spaces(StageSpaces& spaces) {
  if (spaces.head) xrDestroySpace(spaces.head);
  if (spaces.stage) xrDestroySpace(spaces.stage);
  spaces = {};
}

}  // namespace liyuan::present::xr
