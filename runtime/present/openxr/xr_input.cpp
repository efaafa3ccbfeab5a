#include "present/openxr/xr_input.h"

#include <cmath>
#include <cstring>
#include <glm/gtc/quaternion.hpp>
#include <string>
#include <utility>

#include "core/log.h"
#include "present/openxr/xr_result.h"

namespace liyuan::present::xr {
namespace {

constexpr float kTeleportReach = 20.0f;  // metres along the aim ray

Result<XrPath> to_path(XrInstance instance, const std::string& text) {
  XrPath path = XR_NULL_PATH;
  if (Status s = xr_check(xrStringToPath(instance, text.c_str(), &path), "xrStringToPath"); !s) return s.error();
  return path;
}

Result<XrAction> create_action(XrActionSet set, const char* name, const char* localized, XrActionType type,
                               const XrPath* hands) {
  XrActionCreateInfo info{XR_TYPE_ACTION_CREATE_INFO};
  std::strncpy(info.actionName, name, XR_MAX_ACTION_NAME_SIZE - 1);
  std::strncpy(info.localizedActionName, localized, XR_MAX_LOCALIZED_ACTION_NAME_SIZE - 1);
  info.actionType = type;
  info.countSubactionPaths = 2;
  info.subactionPaths = hands;
  XrAction action = XR_NULL_HANDLE;
  if (Status s = xr_check(xrCreateAction(set, &info, &action), "xrCreateAction"); !s) return s.error();
  return action;
}

}  // namespace

int SnapSwitch::update(float axis) {
  if (!armed) {
    if (std::fabs(axis) < kRelease) armed = true;
    return 0;
  }
  if (std::fabs(axis) > kPush) {
    armed = false;
    return axis > 0.0f ? 1 : -1;
  }
  return 0;
}

bool ray_floor_hit(const vec3& origin, const vec3& direction, float max_distance, vec3& hit) {
  if (direction.y >= -1e-4f || origin.y <= 0.0f) return false;
  float s = -origin.y / direction.y;
  vec3 point = origin + s * direction;
  if (glm::length(point - origin) > max_distance) return false;
  hit = point;
  return true;
}

mat4 pose_matrix(const XrPosef& pose) {
  quat rotation(pose.orientation.w, pose.orientation.x, pose.orientation.y, pose.orientation.z);
  mat4 matrix = glm::mat4_cast(rotation);
  matrix[3] = vec4(pose.position.x, pose.position.y, pose.position.z, 1.0f);
  return matrix;
}

ControllerInput::~ControllerInput() {
  detach();
  if (set_) xrDestroyActionSet(set_);  // destroys its actions too
}

Status ControllerInput::create(XrRuntime& runtime, double snap_turn_radians) {
  runtime_ = &runtime;
  snap_turn_radians_ = snap_turn_radians;
  XrInstance instance = runtime.instance;
  const char* hand_names[2] = {"/user/hand/left", "/user/hand/right"};
  for (int h = 0; h < 2; ++h) {
    auto path = to_path(instance, hand_names[h]);
    if (!path) return path.error();
    hands_[h].path = *path;
  }
  XrActionSetCreateInfo set_info{XR_TYPE_ACTION_SET_CREATE_INFO};
  std::strncpy(set_info.actionSetName, "visitor", XR_MAX_ACTION_SET_NAME_SIZE - 1);
  std::strncpy(set_info.localizedActionSetName, "Visitor", XR_MAX_LOCALIZED_ACTION_SET_NAME_SIZE - 1);
  if (Status s = xr_check(xrCreateActionSet(instance, &set_info, &set_), "xrCreateActionSet"); !s) return s;

  const XrPath hands[2] = {hands_[0].path, hands_[1].path};
  struct Made {
    XrAction* action;
    const char* name;
    const char* localized;
    XrActionType type;
  };
  const Made actions[] = {
      {&select_, "select", "Select", XR_ACTION_TYPE_BOOLEAN_INPUT},
      {&teleport_, "teleport", "Teleport", XR_ACTION_TYPE_BOOLEAN_INPUT},
      {&snap_turn_, "snap_turn", "Snap turn", XR_ACTION_TYPE_VECTOR2F_INPUT},
      {&menu_, "menu", "Menu", XR_ACTION_TYPE_BOOLEAN_INPUT},
      {&aim_pose_, "aim_pose", "Aim pose", XR_ACTION_TYPE_POSE_INPUT},
      {&grip_pose_, "grip_pose", "Grip pose", XR_ACTION_TYPE_POSE_INPUT},
      {&haptic_, "haptic", "Haptic pulse", XR_ACTION_TYPE_VIBRATION_OUTPUT},
  };
  for (const Made& made : actions) {
    auto action = create_action(set_, made.name, made.localized, made.type, hands);
    if (!action) return action.error();
    *made.action = *action;
  }

  // Per profile: (action, component under /user/hand/<side>/), for both sides unless the side is spelled out.
  using Binding = std::pair<XrAction, std::string>;
  auto both = [](XrAction action, const std::string& component) {
    return std::vector<Binding>{{action, "/user/hand/left/" + component}, {action, "/user/hand/right/" + component}};
  };
  // Every profile has both poses and a haptic output.
  auto common = [&](std::vector<Binding> bindings) {
    for (const auto& part :
         {both(aim_pose_, "input/aim/pose"), both(grip_pose_, "input/grip/pose"), both(haptic_, "output/haptic")})
      bindings.insert(bindings.end(), part.begin(), part.end());
    return bindings;
  };
  auto join = [](std::initializer_list<std::vector<Binding>> parts) {
    std::vector<Binding> all;
    for (const auto& part : parts) all.insert(all.end(), part.begin(), part.end());
    return all;
  };
  const std::vector<Binding> profiles[] = {
      common(join({both(select_, "input/select/click"), both(menu_, "input/menu/click")})),
      common(join({both(select_, "input/trigger/value"),
                   both(snap_turn_, "input/thumbstick"),
                   {{teleport_, "/user/hand/left/input/x/click"},
                    {teleport_, "/user/hand/right/input/a/click"},
                    {menu_, "/user/hand/left/input/menu/click"}}})),
      common(join({both(select_, "input/trigger/click"), both(snap_turn_, "input/thumbstick"),
                   both(teleport_, "input/a/click"), both(menu_, "input/b/click")})),
      common(join({both(select_, "input/trigger/click"), both(snap_turn_, "input/trackpad"),
                   both(teleport_, "input/trackpad/click"), both(menu_, "input/menu/click")})),
      common(join({both(select_, "input/trigger/value"), both(snap_turn_, "input/thumbstick"),
                   both(teleport_, "input/trackpad/click"), both(menu_, "input/menu/click")})),
  };
  for (size_t p = 0; p < std::size(kInteractionProfiles); ++p) {
    auto profile = to_path(instance, kInteractionProfiles[p]);
    if (!profile) return profile.error();
    std::vector<XrActionSuggestedBinding> suggested;
    for (const Binding& binding : profiles[p]) {
      auto path = to_path(instance, binding.second);
      if (!path) return path.error();
      suggested.push_back({binding.first, *path});
    }
    XrInteractionProfileSuggestedBinding info{XR_TYPE_INTERACTION_PROFILE_SUGGESTED_BINDING};
    info.interactionProfile = *profile;
    info.countSuggestedBindings = uint32_t(suggested.size());
    info.suggestedBindings = suggested.data();
    if (Status s =
            xr_check(xrSuggestInteractionProfileBindings(instance, &info), "xrSuggestInteractionProfileBindings");
        !s)
      return make_error(s.error().message + " for " + kInteractionProfiles[p]);
  }
  return {};
}

Status ControllerInput::attach(XrSession session) {
  session_ = session;
  for (Hand& hand : hands_) {
    XrActionSpaceCreateInfo info{XR_TYPE_ACTION_SPACE_CREATE_INFO};
    info.subactionPath = hand.path;
    info.poseInActionSpace = XrPosef{{0, 0, 0, 1}, {0, 0, 0}};
    info.action = aim_pose_;
    if (Status s = xr_check(xrCreateActionSpace(session, &info, &hand.aim), "xrCreateActionSpace"); !s) return s;
    info.action = grip_pose_;
    if (Status s = xr_check(xrCreateActionSpace(session, &info, &hand.grip), "xrCreateActionSpace"); !s) return s;
    hand.snap = {};
  }
  XrSessionActionSetsAttachInfo attach{XR_TYPE_SESSION_ACTION_SETS_ATTACH_INFO};
  attach.countActionSets = 1;
  attach.actionSets = &set_;
  return xr_check(xrAttachSessionActionSets(session, &attach), "xrAttachSessionActionSets");
}

void ControllerInput::detach() {
  for (Hand& hand : hands_) {
    if (hand.aim) xrDestroySpace(hand.aim);
    if (hand.grip) xrDestroySpace(hand.grip);
    hand.aim = hand.grip = XR_NULL_HANDLE;
  }
  session_ = XR_NULL_HANDLE;
}

bool ControllerInput::pressed_now(XrAction action, const Hand& hand) const {
  XrActionStateGetInfo info{XR_TYPE_ACTION_STATE_GET_INFO};
  info.action = action;
  info.subactionPath = hand.path;
  XrActionStateBoolean state{XR_TYPE_ACTION_STATE_BOOLEAN};
  if (XR_FAILED(xrGetActionStateBoolean(session_, &info, &state))) return false;
  return state.isActive && state.changedSinceLastSync && state.currentState;
}

Status ControllerInput::locate_aim(const Hand& hand, XrSpace stage, XrTime time, vec3& origin, vec3& direction) const {
  XrSpaceLocation location{XR_TYPE_SPACE_LOCATION};
  if (Status s = xr_check(xrLocateSpace(hand.aim, stage, time, &location), "xrLocateSpace"); !s) return s;
  const XrSpaceLocationFlags needed = XR_SPACE_LOCATION_POSITION_VALID_BIT | XR_SPACE_LOCATION_ORIENTATION_VALID_BIT;
  if ((location.locationFlags & needed) != needed) return make_error("the controller's aim pose is not tracked");
  mat4 stage_from_aim = pose_matrix(location.pose);
  origin = vec3(stage_from_aim[3]);
  direction = glm::normalize(vec3(stage_from_aim * vec4(0, 0, -1, 0)));
  return {};
}

Status ControllerInput::sync(XrSpace stage, XrTime time, std::vector<InputEvent>& out) {
  XrActiveActionSet active{set_, XR_NULL_PATH};
  XrActionsSyncInfo sync_info{XR_TYPE_ACTIONS_SYNC_INFO};
  sync_info.countActiveActionSets = 1;
  sync_info.activeActionSets = &active;
  XrResult result = xrSyncActions(session_, &sync_info);
  if (result == XR_SESSION_NOT_FOCUSED) return {};
  if (Status s = xr_check(result, "xrSyncActions"); !s) return s;

  for (int h = 0; h < 2; ++h) {
    Hand& hand = hands_[h];
    vec3 origin, direction;
    if (pressed_now(select_, hand) && locate_aim(hand, stage, time, origin, direction)) {
      InputEvent event{Command::Select};
      event.origin = origin;
      event.direction = direction;
      event.stage_space = true;
      out.push_back(event);
      last_selecting_hand_ = h;
    }
    if (pressed_now(teleport_, hand) && locate_aim(hand, stage, time, origin, direction)) {
      vec3 hit;
      if (ray_floor_hit(origin, direction, kTeleportReach, hit)) {
        InputEvent event{Command::Teleport};
        event.point = hit;
        event.stage_space = true;
        out.push_back(event);
      }
    }
    if (pressed_now(menu_, hand)) out.push_back(InputEvent{Command::Menu});

    XrActionStateGetInfo info{XR_TYPE_ACTION_STATE_GET_INFO};
    info.action = snap_turn_;
    info.subactionPath = hand.path;
    XrActionStateVector2f stick{XR_TYPE_ACTION_STATE_VECTOR2F};
    if (XR_SUCCEEDED(xrGetActionStateVector2f(session_, &info, &stick)) && stick.isActive) {
      int turn = hand.snap.update(stick.currentState.x);
      // Pushed right turns right, which is negative about +Y.
      if (turn != 0) out.push_back(InputEvent{Command::SnapTurn, -turn * snap_turn_radians_});
    }
  }
  return {};
}

void ControllerInput::pulse() {
  if (!session_) return;
  XrHapticActionInfo info{XR_TYPE_HAPTIC_ACTION_INFO};
  info.action = haptic_;
  info.subactionPath = hands_[last_selecting_hand_].path;
  XrHapticVibration vibration{XR_TYPE_HAPTIC_VIBRATION};
  vibration.duration = 60'000'000;  // 60 ms
  vibration.frequency = XR_FREQUENCY_UNSPECIFIED;
  vibration.amplitude = 0.6f;
  if (XrResult r = xrApplyHapticFeedback(session_, &info, reinterpret_cast<XrHapticBaseHeader*>(&vibration));
      XR_FAILED(r))
    log::warn("openxr: the haptic pulse failed: {}", xr_result_name(r));
}

}  // namespace liyuan::present::xr
