// The visitor's controllers: an action set with select, teleport, snap turn and menu, aim and grip poses and a haptic
// output, with suggested bindings for the common controllers, turned each frame into the commands every presenter
// shares (present/input.h), in the visitor's stage space.
//
//   select     trigger (simple controller: select)        → Select along the aim ray
//   teleport   A / X, or the trackpad click (Vive, WMR)    → Teleport to where the aim ray meets the floor
//   snap turn  thumbstick or trackpad (a 2-D action; its x) → SnapTurn by the configured angle
//   menu       menu button (Index: B)                      → Menu
#pragma once

#include <vector>

#include "core/error.h"
#include "present/input.h"
#include "present/openxr/xr_instance.h"

namespace liyuan::present::xr {

// The interaction profiles Liyuan suggests bindings for.
inline constexpr const char* kInteractionProfiles[] = {
    "/interaction_profiles/khr/simple_controller",       "/interaction_profiles/oculus/touch_controller",
    "/interaction_profiles/valve/index_controller",      "/interaction_profiles/htc/vive_controller",
    "/interaction_profiles/microsoft/motion_controller",
};

// Edge detection for a thumbstick axis used as a snap-turn switch: fires once when pushed past kPush, re-arms when
// back inside kRelease (pure, for tests).
struct SnapSwitch {
  static constexpr float kPush = 0.7f;
  static constexpr float kRelease = 0.3f;
  bool armed = true;
  // The direction to turn for AXIS now: +1 right, -1 left, 0 nothing.
  int update(float axis);
};

class ControllerInput {
 public:
  ControllerInput() = default;
  ControllerInput(const ControllerInput&) = delete;
  ControllerInput& operator=(const ControllerInput&) = delete;
  ~ControllerInput();

  // Creates the action set and actions on RUNTIME and suggests bindings for every profile above.
  Status create(XrRuntime& runtime, double snap_turn_radians);
  // Makes the hands' pose spaces on SESSION and attaches the action set (once per session).
  Status attach(XrSession session);
  // Destroys the per-session spaces (before the session goes).
  void detach();

  // Syncs the actions (only while FOCUSED) and appends this frame's commands to OUT, locating rays in STAGE at TIME.
  Status sync(XrSpace stage, XrTime time, std::vector<InputEvent>& out);
  // A short pulse on the hand that last selected.
  void pulse();

 private:
  struct Hand {
    XrPath path = XR_NULL_PATH;
    XrSpace aim = XR_NULL_HANDLE;
    XrSpace grip = XR_NULL_HANDLE;
    SnapSwitch snap;
  };
  Status locate_aim(const Hand& hand, XrSpace stage, XrTime time, vec3& origin, vec3& direction) const;
  bool pressed_now(XrAction action, const Hand& hand) const;

  XrRuntime* runtime_ = nullptr;
  XrSession session_ = XR_NULL_HANDLE;
  XrActionSet set_ = XR_NULL_HANDLE;
  XrAction select_ = XR_NULL_HANDLE;
  XrAction teleport_ = XR_NULL_HANDLE;
  XrAction snap_turn_ = XR_NULL_HANDLE;
  XrAction menu_ = XR_NULL_HANDLE;
  XrAction aim_pose_ = XR_NULL_HANDLE;
  XrAction grip_pose_ = XR_NULL_HANDLE;
  XrAction haptic_ = XR_NULL_HANDLE;
  Hand hands_[2];
  int last_selecting_hand_ = 1;
  double snap_turn_radians_ = 0.5235987755982988;
};

// Where the ray ORIGIN + s·DIRECTION (s > 0) meets the floor y = 0 within MAX_DISTANCE metres; false when it does not.
bool ray_floor_hit(const vec3& origin, const vec3& direction, float max_distance, vec3& hit);

// A pose → the matrix that takes its local coordinates to the space it was located in.
mat4 pose_matrix(const XrPosef& pose);

}  // namespace liyuan::present::xr
