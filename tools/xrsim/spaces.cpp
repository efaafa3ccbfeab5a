// Spaces and poses: VIEW, LOCAL and STAGE reference spaces, action spaces on grip/aim poses, xrLocateSpace and
// xrLocateViews. Everything is located in STAGE space first (the script's frame: floor at y = 0, -Z forward);
// LOCAL's origin is the head's position at script time 0, upright.
#include <cmath>

#include "actions_input.h"
#include "entry_points.h"
#include "pose_math.h"
#include "session_lifetime.h"

namespace xrsim {
namespace {

constexpr XrPosef kDefaultHead{{0, 0, 0, 1}, {0, 1.6f, 0}};
// Per-eye field of view in radians: slightly wider towards the nose-opposite side, as real headsets are.
constexpr XrFovf kLeftEyeFov{-0.80f, 0.70f, 0.75f, -0.80f};
constexpr XrFovf kRightEyeFov{-0.70f, 0.80f, 0.75f, -0.80f};

XrPosef head_pose(const Instance& instance, XrTime time) {
  return instance.script.head.at(script_seconds(instance, time), kDefaultHead);
}

// Where SPACE is, in STAGE space at TIME; nullopt when it is not tracked (an unbound action space).
std::optional<XrPosef> stage_pose(const Space& space, XrTime time) {
  const Instance& instance = *space.session->instance;
  if (space.is_action_space) {
    const std::optional<XrPosef> hand = action_pose(*space.session, *space.action, space.subaction_path, time);
    if (!hand) return std::nullopt;
    return compose(*hand, space.offset);
  }
  switch (space.reference_type) {
    case XR_REFERENCE_SPACE_TYPE_VIEW:
      return compose(head_pose(instance, time), space.offset);
    case XR_REFERENCE_SPACE_TYPE_LOCAL: {
      const XrPosef start = instance.script.head.at(0, kDefaultHead);
      return compose(XrPosef{{0, 0, 0, 1}, start.position}, space.offset);
    }
    default:
      return space.offset;  // STAGE
  }
}

std::vector<XrReferenceSpaceType> offered_spaces(const Instance& instance) {
  std::vector<XrReferenceSpaceType> types = {XR_REFERENCE_SPACE_TYPE_VIEW, XR_REFERENCE_SPACE_TYPE_LOCAL};
  if (instance.script.stage_space) types.push_back(XR_REFERENCE_SPACE_TYPE_STAGE);
  return types;
}

XrResult enumerate_reference_spaces(XrSession handle, uint32_t capacity, uint32_t* count,
                                    XrReferenceSpaceType* spaces) {
  Session* session = nullptr;
  if (XrResult r = find_session(handle, &session); r != XR_SUCCESS) return r;
  if (count == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  const auto types = offered_spaces(*session->instance);
  *count = uint32_t(types.size());
  if (capacity == 0) return XR_SUCCESS;
  if (capacity < types.size()) return XR_ERROR_SIZE_INSUFFICIENT;
  if (spaces == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  std::copy(types.begin(), types.end(), spaces);
  return XR_SUCCESS;
}

XrResult add_space(Session& session, std::unique_ptr<Space> space, XrSpace* out) {
  runtime().live[space.get()] = HandleKind::Space;
  *out = reinterpret_cast<XrSpace>(space.get());
  session.spaces.push_back(std::move(space));
  return XR_SUCCESS;
}

XrResult create_reference_space(XrSession handle, const XrReferenceSpaceCreateInfo* info, XrSpace* out) {
  Session* session = nullptr;
  if (XrResult r = find_session(handle, &session); r != XR_SUCCESS) return r;
  if (info == nullptr || out == nullptr || info->type != XR_TYPE_REFERENCE_SPACE_CREATE_INFO)
    return XR_ERROR_VALIDATION_FAILURE;
  const auto types = offered_spaces(*session->instance);
  if (std::find(types.begin(), types.end(), info->referenceSpaceType) == types.end())
    return XR_ERROR_REFERENCE_SPACE_UNSUPPORTED;
  if (!is_unit(info->poseInReferenceSpace.orientation)) return XR_ERROR_POSE_INVALID;
  auto space = std::make_unique<Space>();
  space->session = session;
  space->reference_type = info->referenceSpaceType;
  space->offset = info->poseInReferenceSpace;
  return add_space(*session, std::move(space), out);
}

XrResult create_action_space(XrSession handle, const XrActionSpaceCreateInfo* info, XrSpace* out) {
  Session* session = nullptr;
  if (XrResult r = find_session(handle, &session); r != XR_SUCCESS) return r;
  if (info == nullptr || out == nullptr || info->type != XR_TYPE_ACTION_SPACE_CREATE_INFO)
    return XR_ERROR_VALIDATION_FAILURE;
  Action* action = lookup_action(info->action);
  if (action == nullptr) return XR_ERROR_HANDLE_INVALID;
  if (action->type != XR_ACTION_TYPE_POSE_INPUT) return XR_ERROR_ACTION_TYPE_MISMATCH;
  if (info->subactionPath != XR_NULL_PATH && std::find(action->subaction_paths.begin(), action->subaction_paths.end(),
                                                       info->subactionPath) == action->subaction_paths.end())
    return XR_ERROR_PATH_UNSUPPORTED;
  if (!is_unit(info->poseInActionSpace.orientation)) return XR_ERROR_POSE_INVALID;
  auto space = std::make_unique<Space>();
  space->session = session;
  space->is_action_space = true;
  space->action = action;
  space->subaction_path = info->subactionPath;
  space->offset = info->poseInActionSpace;
  return add_space(*session, std::move(space), out);
}

XrResult destroy_space(XrSpace handle) {
  Space* space = lookup_space(handle);
  if (space == nullptr) return XR_ERROR_HANDLE_INVALID;
  runtime().live.erase(space);
  std::erase_if(space->session->spaces, [&](const auto& s) { return s.get() == space; });
  return XR_SUCCESS;
}

XrResult get_bounds_rect(XrSession handle, XrReferenceSpaceType type, XrExtent2Df* bounds) {
  Session* session = nullptr;
  if (XrResult r = find_session(handle, &session); r != XR_SUCCESS) return r;
  if (bounds == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  const auto types = offered_spaces(*session->instance);
  if (std::find(types.begin(), types.end(), type) == types.end()) return XR_ERROR_REFERENCE_SPACE_UNSUPPORTED;
  if (type != XR_REFERENCE_SPACE_TYPE_STAGE) {
    *bounds = {0, 0};
    return XR_SPACE_BOUNDS_UNAVAILABLE;
  }
  *bounds = {4.0f, 4.0f};
  return XR_SUCCESS;
}

XrResult locate_space(XrSpace space_handle, XrSpace base_handle, XrTime time, XrSpaceLocation* location) {
  const Space* space = lookup_space(space_handle);
  const Space* base = lookup_space(base_handle);
  if (space == nullptr || base == nullptr) return XR_ERROR_HANDLE_INVALID;
  if (space->session->lost) return XR_ERROR_SESSION_LOST;
  if (location == nullptr || location->type != XR_TYPE_SPACE_LOCATION) return XR_ERROR_VALIDATION_FAILURE;
  if (time <= 0) return XR_ERROR_TIME_INVALID;
  const std::optional<XrPosef> a = stage_pose(*space, time);
  const std::optional<XrPosef> b = stage_pose(*base, time);
  for (auto* next = static_cast<XrBaseOutStructure*>(location->next); next != nullptr; next = next->next)
    if (next->type == XR_TYPE_SPACE_VELOCITY) {
      auto* velocity = reinterpret_cast<XrSpaceVelocity*>(next);
      velocity->velocityFlags = 0;
      velocity->linearVelocity = {0, 0, 0};
      velocity->angularVelocity = {0, 0, 0};
    }
  if (!a || !b) {
    location->locationFlags = 0;
    location->pose = kIdentityPose;
    return XR_SUCCESS;
  }
  location->pose = compose(inverse(*b), *a);
  location->locationFlags = XR_SPACE_LOCATION_ORIENTATION_VALID_BIT | XR_SPACE_LOCATION_POSITION_VALID_BIT |
                            XR_SPACE_LOCATION_ORIENTATION_TRACKED_BIT | XR_SPACE_LOCATION_POSITION_TRACKED_BIT;
  return XR_SUCCESS;
}

XrResult locate_views(XrSession handle, const XrViewLocateInfo* info, XrViewState* state, uint32_t capacity,
                      uint32_t* count, XrView* views) {
  Session* session = nullptr;
  if (XrResult r = find_session(handle, &session); r != XR_SUCCESS) return r;
  if (info == nullptr || info->type != XR_TYPE_VIEW_LOCATE_INFO || state == nullptr ||
      state->type != XR_TYPE_VIEW_STATE || count == nullptr)
    return XR_ERROR_VALIDATION_FAILURE;
  if (info->viewConfigurationType != XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO)
    return XR_ERROR_VIEW_CONFIGURATION_TYPE_UNSUPPORTED;
  if (info->displayTime <= 0) return XR_ERROR_TIME_INVALID;
  const Space* space = lookup_space(info->space);
  if (space == nullptr || space->session != session) return XR_ERROR_HANDLE_INVALID;
  *count = kViewCount;
  if (capacity == 0) return XR_SUCCESS;
  if (capacity < kViewCount) return XR_ERROR_SIZE_INSUFFICIENT;
  if (views == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  const std::optional<XrPosef> base = stage_pose(*space, info->displayTime);
  if (!base) {
    state->viewStateFlags = 0;
    return XR_SUCCESS;
  }
  const XrPosef head = head_pose(*session->instance, info->displayTime);
  const float half_ipd = session->instance->script.ipd_m / 2;
  for (uint32_t i = 0; i < kViewCount; ++i) {
    if (views[i].type != XR_TYPE_VIEW) return XR_ERROR_VALIDATION_FAILURE;
    const XrPosef eye_in_head{{0, 0, 0, 1}, {i == 0 ? -half_ipd : half_ipd, 0, 0}};
    views[i].pose = compose(inverse(*base), compose(head, eye_in_head));
    views[i].fov = i == 0 ? kLeftEyeFov : kRightEyeFov;
  }
  state->viewStateFlags = XR_VIEW_STATE_ORIENTATION_VALID_BIT | XR_VIEW_STATE_POSITION_VALID_BIT |
                          XR_VIEW_STATE_ORIENTATION_TRACKED_BIT | XR_VIEW_STATE_POSITION_TRACKED_BIT;
  return XR_SUCCESS;
}

}  // namespace

void add_space_functions(FunctionTable& table) {
  add_function<"xrEnumerateReferenceSpaces", &enumerate_reference_spaces>(table);
  add_function<"xrCreateReferenceSpace", &create_reference_space>(table);
  add_function<"xrCreateActionSpace", &create_action_space>(table);
  add_function<"xrDestroySpace", &destroy_space>(table);
  add_function<"xrGetReferenceSpaceBoundsRect", &get_bounds_rect>(table);
  add_function<"xrLocateSpace", &locate_space>(table);
  add_function<"xrLocateViews", &locate_views>(table);
}

}  // namespace xrsim
