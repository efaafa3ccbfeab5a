// The action system: bindings validated per profile, scripted presses reaching actions at their frames, pose
// actions following the scripted controllers, haptic pulses counted in the report.
#include <gtest/gtest.h>

#include <cstring>

#include "xr_test_client.h"

namespace liyuan::test {
namespace {

constexpr float kColors[2][4] = {{0, 1, 0, 1}, {0, 1, 0, 1}};

struct Actions {
  XrActionSet set = XR_NULL_HANDLE;
  XrAction select = XR_NULL_HANDLE, move = XR_NULL_HANDLE, menu = XR_NULL_HANDLE, aim = XR_NULL_HANDLE,
           haptic = XR_NULL_HANDLE;
  XrPath left = XR_NULL_PATH, right = XR_NULL_PATH;
};

XrPath path(XrInstance instance, const char* text) {
  XrPath p = XR_NULL_PATH;
  EXPECT_EQ(xrStringToPath(instance, text, &p), XR_SUCCESS) << text;
  return p;
}

XrAction make_action(const Actions& a, const char* name, XrActionType type) {
  XrActionCreateInfo info{XR_TYPE_ACTION_CREATE_INFO};
  std::strcpy(info.actionName, name);
  std::strcpy(info.localizedActionName, name);
  info.actionType = type;
  const XrPath hands[] = {a.left, a.right};
  info.countSubactionPaths = 2;
  info.subactionPaths = hands;
  XrAction action = XR_NULL_HANDLE;
  EXPECT_EQ(xrCreateAction(a.set, &info, &action), XR_SUCCESS) << name;
  return action;
}

XrResult suggest(XrInstance instance, const char* profile,
                 const std::vector<std::pair<XrAction, const char*>>& bindings) {
  std::vector<XrActionSuggestedBinding> suggested;
  for (const auto& [action, binding] : bindings) suggested.push_back({action, path(instance, binding)});
  XrInteractionProfileSuggestedBinding info{XR_TYPE_INTERACTION_PROFILE_SUGGESTED_BINDING};
  info.interactionProfile = path(instance, profile);
  info.countSuggestedBindings = uint32_t(suggested.size());
  info.suggestedBindings = suggested.data();
  return xrSuggestInteractionProfileBindings(instance, &info);
}

Actions make_actions(XrInstance instance) {
  Actions a;
  a.left = path(instance, "/user/hand/left");
  a.right = path(instance, "/user/hand/right");
  XrActionSetCreateInfo set_info{XR_TYPE_ACTION_SET_CREATE_INFO};
  std::strcpy(set_info.actionSetName, "gallery");
  std::strcpy(set_info.localizedActionSetName, "Gallery");
  EXPECT_EQ(xrCreateActionSet(instance, &set_info, &a.set), XR_SUCCESS);
  a.select = make_action(a, "select", XR_ACTION_TYPE_BOOLEAN_INPUT);
  a.move = make_action(a, "move", XR_ACTION_TYPE_VECTOR2F_INPUT);
  a.menu = make_action(a, "menu", XR_ACTION_TYPE_BOOLEAN_INPUT);
  a.aim = make_action(a, "aim", XR_ACTION_TYPE_POSE_INPUT);
  a.haptic = make_action(a, "haptic", XR_ACTION_TYPE_VIBRATION_OUTPUT);
  return a;
}

void suggest_all(XrInstance instance, const Actions& a) {
  EXPECT_EQ(suggest(instance, "/interaction_profiles/oculus/touch_controller",
                    {{a.select, "/user/hand/left/input/trigger/value"},
                     {a.select, "/user/hand/right/input/trigger/value"},
                     {a.move, "/user/hand/left/input/thumbstick"},
                     {a.menu, "/user/hand/left/input/menu/click"},
                     {a.aim, "/user/hand/left/input/aim/pose"},
                     {a.aim, "/user/hand/right/input/aim/pose"},
                     {a.haptic, "/user/hand/left/output/haptic"},
                     {a.haptic, "/user/hand/right/output/haptic"}}),
            XR_SUCCESS);
  EXPECT_EQ(suggest(instance, "/interaction_profiles/khr/simple_controller",
                    {{a.select, "/user/hand/right/input/select/click"},
                     {a.aim, "/user/hand/right/input/aim/pose"},
                     {a.haptic, "/user/hand/right/output/haptic"}}),
            XR_SUCCESS);
}

void start(XrClient& client, Actions& actions) {
  ASSERT_EQ(client.create_instance(), XR_SUCCESS);
  client.create_vulkan();
  actions = make_actions(client.instance);
  suggest_all(client.instance, actions);
  ASSERT_EQ(client.create_session(), XR_SUCCESS);
  XrSessionActionSetsAttachInfo attach{XR_TYPE_SESSION_ACTION_SETS_ATTACH_INFO};
  attach.countActionSets = 1;
  attach.actionSets = &actions.set;
  ASSERT_EQ(xrAttachSessionActionSets(client.session, &attach), XR_SUCCESS);
  client.poll_states();
  ASSERT_EQ(client.begin_session(), XR_SUCCESS);
  client.create_swapchains(false);
  client.stage = client.create_space(XR_REFERENCE_SPACE_TYPE_STAGE);
}

XrResult sync(XrClient& client, const Actions& actions) {
  XrActiveActionSet active{actions.set, XR_NULL_PATH};
  XrActionsSyncInfo info{XR_TYPE_ACTIONS_SYNC_INFO};
  info.countActiveActionSets = 1;
  info.activeActionSets = &active;
  return xrSyncActions(client.session, &info);
}

XrActionStateBoolean boolean_state(XrClient& client, XrAction action, XrPath subaction) {
  XrActionStateGetInfo info{XR_TYPE_ACTION_STATE_GET_INFO};
  info.action = action;
  info.subactionPath = subaction;
  XrActionStateBoolean state{XR_TYPE_ACTION_STATE_BOOLEAN};
  EXPECT_EQ(xrGetActionStateBoolean(client.session, &info, &state), XR_SUCCESS);
  return state;
}

XrResult pulse(XrClient& client, const Actions& actions, XrPath subaction) {
  XrHapticActionInfo info{XR_TYPE_HAPTIC_ACTION_INFO};
  info.action = actions.haptic;
  info.subactionPath = subaction;
  XrHapticVibration vibration{XR_TYPE_HAPTIC_VIBRATION};
  vibration.duration = 50'000'000;
  vibration.frequency = XR_FREQUENCY_UNSPECIFIED;
  vibration.amplitude = 0.5f;
  return xrApplyHapticFeedback(client.session, &info, reinterpret_cast<XrHapticBaseHeader*>(&vibration));
}

TEST(XrsimInput, ScriptedPressesReachActionsAtTheirFrames) {
  const XrsimFiles files = use_xrsim(
      "at f0 right aim 0.3 1.2 -0.5 yaw 10\n"
      "at f5 right trigger 1\n"
      "at f7 right trigger 0.2\n"
      "at f6 left thumbstick 0 1\n"
      "at f8 left menu 1\n");
  {
    XrClient client;
    Actions actions;
    start(client, actions);
    XrInteractionProfileState profile{XR_TYPE_INTERACTION_PROFILE_STATE};
    ASSERT_EQ(xrGetCurrentInteractionProfile(client.session, actions.right, &profile), XR_SUCCESS);
    EXPECT_EQ(profile.interactionProfile, path(client.instance, "/interaction_profiles/oculus/touch_controller"));
    XrActionSpaceCreateInfo space_info{XR_TYPE_ACTION_SPACE_CREATE_INFO};
    space_info.action = actions.aim;
    space_info.subactionPath = actions.right;
    space_info.poseInActionSpace.orientation.w = 1;
    XrSpace aim_space = XR_NULL_HANDLE;
    ASSERT_EQ(xrCreateActionSpace(client.session, &space_info, &aim_space), XR_SUCCESS);

    std::vector<int> pressed_frames, changed_frames;
    for (int frame = 0; frame < 10; ++frame) {
      const XrFrameState state = client.render_frame(kColors);
      client.poll_states();
      const XrResult synced = sync(client, actions);
      EXPECT_EQ(synced, frame < 2 ? XR_SESSION_NOT_FOCUSED : XR_SUCCESS) << frame;
      const XrActionStateBoolean select = boolean_state(client, actions.select, actions.right);
      EXPECT_EQ(select.isActive, frame >= 2 ? XR_TRUE : XR_FALSE) << frame;
      if (select.currentState) pressed_frames.push_back(frame);
      if (select.changedSinceLastSync) {
        changed_frames.push_back(frame);
        EXPECT_EQ(select.lastChangeTime, state.predictedDisplayTime);
      }
      // The left hand's select never changes; the combined state follows the right hand.
      EXPECT_FALSE(boolean_state(client, actions.select, actions.left).currentState);
      EXPECT_EQ(boolean_state(client, actions.select, XR_NULL_PATH).currentState, select.currentState);
      if (frame == 5) {
        EXPECT_EQ(pulse(client, actions, actions.right), XR_SUCCESS);
        EXPECT_EQ(pulse(client, actions, XR_NULL_PATH), XR_SUCCESS);  // both hands
      }
      if (frame == 1) {
        EXPECT_EQ(pulse(client, actions, actions.right), XR_SESSION_NOT_FOCUSED);
      }
    }
    EXPECT_EQ(pressed_frames, (std::vector{5, 6}));
    EXPECT_EQ(changed_frames, (std::vector{5, 7}));

    XrActionStateGetInfo get{XR_TYPE_ACTION_STATE_GET_INFO};
    get.action = actions.move;
    XrActionStateVector2f move{XR_TYPE_ACTION_STATE_VECTOR2F};
    ASSERT_EQ(xrGetActionStateVector2f(client.session, &get, &move), XR_SUCCESS);
    EXPECT_EQ(move.currentState.x, 0);
    EXPECT_EQ(move.currentState.y, 1);
    EXPECT_TRUE(boolean_state(client, actions.menu, actions.left).currentState);
    XrActionStateFloat wrong_type{XR_TYPE_ACTION_STATE_FLOAT};
    get.action = actions.select;
    EXPECT_EQ(xrGetActionStateFloat(client.session, &get, &wrong_type), XR_ERROR_ACTION_TYPE_MISMATCH);

    XrSpaceLocation location{XR_TYPE_SPACE_LOCATION};
    ASSERT_EQ(xrLocateSpace(aim_space, client.stage, 1'000'000'000, &location), XR_SUCCESS);
    EXPECT_NEAR(location.pose.position.x, 0.3f, 1e-5f);
    EXPECT_NEAR(location.pose.position.y, 1.2f, 1e-5f);
    EXPECT_NEAR(location.pose.position.z, -0.5f, 1e-5f);
    EXPECT_NEAR(location.pose.orientation.y, 0.0871557f, 1e-5f);  // sin(5°)
    EXPECT_TRUE(location.locationFlags & XR_SPACE_LOCATION_ORIENTATION_VALID_BIT);
    xrDestroySpace(aim_space);

    // Suggestions are frozen once attached.
    EXPECT_EQ(suggest(client.instance, "/interaction_profiles/htc/vive_controller",
                      {{actions.select, "/user/hand/right/input/trigger/click"}}),
              XR_ERROR_ACTIONSETS_ALREADY_ATTACHED);
    client.destroy_session();
    EXPECT_TRUE(client.vulkan_messages.empty()) << client.vulkan_messages.front();
  }
  const nlohmann::json report = read_report(files);
  ASSERT_EQ(report["haptics"].size(), 3u) << report["haptics"].dump();
  EXPECT_EQ(report["haptics"][0]["hand"], "/user/hand/right");
  EXPECT_EQ(report["haptics"][0]["frame"], 5);
  EXPECT_EQ(report["haptics"][0]["duration_ns"], 50'000'000);
  EXPECT_EQ(xr_validation_messages(files), "");
}

TEST(XrsimInput, BindingsAreCheckedAgainstTheProfile) {
  const XrsimFiles files = use_xrsim("");
  XrClient client;
  ASSERT_EQ(client.create_instance(), XR_SUCCESS);
  const Actions a = make_actions(client.instance);
  // The left Touch controller has x/y, not a/b; haptics bind to outputs; unknown profiles are refused.
  EXPECT_EQ(suggest(client.instance, "/interaction_profiles/oculus/touch_controller",
                    {{a.select, "/user/hand/left/input/a/click"}}),
            XR_ERROR_PATH_UNSUPPORTED);
  EXPECT_EQ(suggest(client.instance, "/interaction_profiles/oculus/touch_controller",
                    {{a.haptic, "/user/hand/left/input/trigger/value"}}),
            XR_ERROR_PATH_UNSUPPORTED);
  EXPECT_EQ(suggest(client.instance, "/interaction_profiles/acme/wand", {{a.select, "/user/hand/left/input/a/click"}}),
            XR_ERROR_PATH_UNSUPPORTED);
  for (const char* profile :
       {"/interaction_profiles/khr/simple_controller", "/interaction_profiles/valve/index_controller",
        "/interaction_profiles/htc/vive_controller", "/interaction_profiles/microsoft/motion_controller"})
    EXPECT_EQ(suggest(client.instance, profile, {{a.aim, "/user/hand/right/input/grip/pose"}}), XR_SUCCESS) << profile;
  // Names follow the spec's rules.
  XrActionCreateInfo info{XR_TYPE_ACTION_CREATE_INFO};
  std::strcpy(info.actionName, "Bad Name");
  std::strcpy(info.localizedActionName, "Bad");
  info.actionType = XR_ACTION_TYPE_BOOLEAN_INPUT;
  XrAction action = XR_NULL_HANDLE;
  EXPECT_EQ(xrCreateAction(a.set, &info, &action), XR_ERROR_NAME_INVALID);
  std::strcpy(info.actionName, "select");
  std::strcpy(info.localizedActionName, "Another");
  EXPECT_EQ(xrCreateAction(a.set, &info, &action), XR_ERROR_NAME_DUPLICATED);
}

TEST(XrsimInput, SimpleControllerIsChosenWhenTheDeviceProfileHasNoBindings) {
  const XrsimFiles files = use_xrsim("option controller valve/index_controller\nat f3 right select 1\n");
  XrClient client;
  Actions actions;
  start(client, actions);
  XrInteractionProfileState profile{XR_TYPE_INTERACTION_PROFILE_STATE};
  ASSERT_EQ(xrGetCurrentInteractionProfile(client.session, actions.right, &profile), XR_SUCCESS);
  EXPECT_EQ(profile.interactionProfile, path(client.instance, "/interaction_profiles/khr/simple_controller"));
  for (int frame = 0; frame < 4; ++frame) client.render_frame(kColors);
  client.poll_states();
  ASSERT_EQ(sync(client, actions), XR_SUCCESS);
  EXPECT_TRUE(boolean_state(client, actions.select, actions.right).currentState);
  client.destroy_session();
}

}  // namespace
}  // namespace liyuan::test
