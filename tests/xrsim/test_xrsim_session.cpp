// The session state machine and the error codes for misuse, through the loader and the core validation layer.
#include <gtest/gtest.h>

#include "user_presence.h"
#include "xr_test_client.h"

namespace liyuan::test {
namespace {

constexpr float kColors[2][4] = {{1, 0, 0, 1}, {0, 0, 1, 1}};

// Brings CLIENT to a running session with swapchains and a STAGE space.
void start_session(XrClient& client, bool depth = false) {
  ASSERT_EQ(client.create_instance(depth ? std::vector<const char*>{XR_KHR_COMPOSITION_LAYER_DEPTH_EXTENSION_NAME}
                                         : std::vector<const char*>{}),
            XR_SUCCESS);
  client.create_vulkan();
  ASSERT_EQ(client.create_session(), XR_SUCCESS);
  EXPECT_EQ(client.poll_states(), (std::vector{XR_SESSION_STATE_IDLE, XR_SESSION_STATE_READY}));
  ASSERT_EQ(client.begin_session(), XR_SUCCESS);
  client.create_swapchains(depth);
  client.stage = client.create_space(XR_REFERENCE_SPACE_TYPE_STAGE);
}

TEST(XrsimSession, StateMachineFollowsTheSpec) {
  const XrsimFiles files = use_xrsim("");
  {
    XrClient client;
    start_session(client, true);
    std::vector<XrSessionState> seen;
    std::vector<bool> should_render;
    for (int i = 0; i < 4; ++i) {
      should_render.push_back(client.render_frame(kColors).shouldRender);
      for (XrSessionState s : client.poll_states()) seen.push_back(s);
    }
    EXPECT_EQ(seen, (std::vector{XR_SESSION_STATE_SYNCHRONIZED, XR_SESSION_STATE_VISIBLE, XR_SESSION_STATE_FOCUSED}));
    EXPECT_EQ(should_render, (std::vector{false, true, true, true}));
    ASSERT_EQ(xrRequestExitSession(client.session), XR_SUCCESS);
    EXPECT_EQ(client.poll_states(),
              (std::vector{XR_SESSION_STATE_VISIBLE, XR_SESSION_STATE_SYNCHRONIZED, XR_SESSION_STATE_STOPPING}));
    ASSERT_EQ(xrEndSession(client.session), XR_SUCCESS);
    EXPECT_EQ(client.poll_states(), (std::vector{XR_SESSION_STATE_IDLE, XR_SESSION_STATE_EXITING}));
    client.destroy_session();
    EXPECT_TRUE(client.vulkan_messages.empty()) << client.vulkan_messages.front();
  }
  EXPECT_EQ(xr_validation_messages(files), "");
  const nlohmann::json report = read_report(files);
  EXPECT_EQ(report["errors"].size(), 0u) << report["errors"].dump();
  EXPECT_EQ(report["transitions"].size(), 10u);
  EXPECT_EQ(report["frames"][1]["depth"], true);
}

TEST(XrsimSession, MisuseReturnsSpecErrorCodes) {
  const XrsimFiles files = use_xrsim("");
  {
    XrClient client;
    ASSERT_EQ(client.create_instance(), XR_SUCCESS);
    // A session before the graphics requirements were queried.
    XrGraphicsBindingVulkan2KHR binding{XR_TYPE_GRAPHICS_BINDING_VULKAN2_KHR};
    XrSessionCreateInfo info{XR_TYPE_SESSION_CREATE_INFO};
    info.next = &binding;
    info.systemId = client.system;
    XrSession session = XR_NULL_HANDLE;
    EXPECT_EQ(xrCreateSession(client.instance, &info, &session), XR_ERROR_GRAPHICS_REQUIREMENTS_CALL_MISSING);
    client.create_vulkan();
    ASSERT_EQ(client.create_session(), XR_SUCCESS);
    client.poll_states();
    XrFrameState frame{XR_TYPE_FRAME_STATE};
    EXPECT_EQ(xrWaitFrame(client.session, nullptr, &frame), XR_ERROR_SESSION_NOT_RUNNING);
    EXPECT_EQ(xrRequestExitSession(client.session), XR_ERROR_SESSION_NOT_RUNNING);
    EXPECT_EQ(xrEndSession(client.session), XR_ERROR_SESSION_NOT_RUNNING);
    ASSERT_EQ(client.begin_session(), XR_SUCCESS);
    EXPECT_EQ(client.begin_session(), XR_ERROR_SESSION_RUNNING);
    EXPECT_EQ(xrEndSession(client.session), XR_ERROR_SESSION_NOT_STOPPING);
    EXPECT_EQ(xrBeginFrame(client.session, nullptr), XR_ERROR_CALL_ORDER_INVALID);
    XrFrameEndInfo end{XR_TYPE_FRAME_END_INFO};
    end.displayTime = 1;
    end.environmentBlendMode = XR_ENVIRONMENT_BLEND_MODE_OPAQUE;
    EXPECT_EQ(xrEndFrame(client.session, &end), XR_ERROR_CALL_ORDER_INVALID);
    ASSERT_EQ(xrWaitFrame(client.session, nullptr, &frame), XR_SUCCESS);
    ASSERT_EQ(xrBeginFrame(client.session, nullptr), XR_SUCCESS);
    end.displayTime = frame.predictedDisplayTime;
    end.environmentBlendMode = XR_ENVIRONMENT_BLEND_MODE_ADDITIVE;
    EXPECT_EQ(xrEndFrame(client.session, &end), XR_ERROR_ENVIRONMENT_BLEND_MODE_UNSUPPORTED);
    end.environmentBlendMode = XR_ENVIRONMENT_BLEND_MODE_OPAQUE;
    EXPECT_EQ(xrEndFrame(client.session, &end), XR_SUCCESS);
    // A second xrBeginFrame without xrEndFrame discards the first frame.
    ASSERT_EQ(xrWaitFrame(client.session, nullptr, &frame), XR_SUCCESS);
    ASSERT_EQ(xrBeginFrame(client.session, nullptr), XR_SUCCESS);
    ASSERT_EQ(xrWaitFrame(client.session, nullptr, &frame), XR_SUCCESS);
    EXPECT_EQ(xrBeginFrame(client.session, nullptr), XR_FRAME_DISCARDED);
    end.displayTime = frame.predictedDisplayTime;
    EXPECT_EQ(xrEndFrame(client.session, &end), XR_SUCCESS);

    // Swapchains: unsupported format, release before acquire, acquiring more images than exist.
    XrSwapchainCreateInfo swapchain_info{XR_TYPE_SWAPCHAIN_CREATE_INFO};
    swapchain_info.usageFlags = XR_SWAPCHAIN_USAGE_COLOR_ATTACHMENT_BIT;
    swapchain_info.format = VK_FORMAT_R5G6B5_UNORM_PACK16;
    swapchain_info.sampleCount = 1;
    swapchain_info.width = swapchain_info.height = 64;
    swapchain_info.faceCount = swapchain_info.arraySize = swapchain_info.mipCount = 1;
    XrSwapchain swapchain = XR_NULL_HANDLE;
    EXPECT_EQ(xrCreateSwapchain(client.session, &swapchain_info, &swapchain), XR_ERROR_SWAPCHAIN_FORMAT_UNSUPPORTED);
    swapchain_info.format = VK_FORMAT_B8G8R8A8_SRGB;
    ASSERT_EQ(xrCreateSwapchain(client.session, &swapchain_info, &swapchain), XR_SUCCESS);
    EXPECT_EQ(xrReleaseSwapchainImage(swapchain, nullptr), XR_ERROR_CALL_ORDER_INVALID);
    XrSwapchainImageWaitInfo wait{XR_TYPE_SWAPCHAIN_IMAGE_WAIT_INFO};
    wait.timeout = XR_INFINITE_DURATION;
    EXPECT_EQ(xrWaitSwapchainImage(swapchain, &wait), XR_ERROR_CALL_ORDER_INVALID);
    uint32_t index = 0;
    for (int i = 0; i < 3; ++i) ASSERT_EQ(xrAcquireSwapchainImage(swapchain, nullptr, &index), XR_SUCCESS);
    EXPECT_EQ(index, 2u);
    EXPECT_EQ(xrAcquireSwapchainImage(swapchain, nullptr, &index), XR_ERROR_CALL_ORDER_INVALID);
    EXPECT_EQ(xrReleaseSwapchainImage(swapchain, nullptr), XR_ERROR_CALL_ORDER_INVALID);  // not waited
    EXPECT_EQ(xrWaitSwapchainImage(swapchain, &wait), XR_SUCCESS);
    EXPECT_EQ(xrWaitSwapchainImage(swapchain, &wait), XR_ERROR_CALL_ORDER_INVALID);  // release the waited one first
    EXPECT_EQ(xrReleaseSwapchainImage(swapchain, nullptr), XR_SUCCESS);
    ASSERT_EQ(xrDestroySwapchain(swapchain), XR_SUCCESS);

    // Reference spaces and views.
    XrReferenceSpaceCreateInfo space_info{XR_TYPE_REFERENCE_SPACE_CREATE_INFO};
    space_info.referenceSpaceType = XR_REFERENCE_SPACE_TYPE_STAGE;
    space_info.poseInReferenceSpace.orientation = {0, 0, 0, 2};
    XrSpace space = XR_NULL_HANDLE;
    EXPECT_EQ(xrCreateReferenceSpace(client.session, &space_info, &space), XR_ERROR_POSE_INVALID);
    XrViewLocateInfo locate{XR_TYPE_VIEW_LOCATE_INFO};
    locate.viewConfigurationType = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_MONO;
    locate.displayTime = frame.predictedDisplayTime;
    locate.space = client.create_space(XR_REFERENCE_SPACE_TYPE_LOCAL);
    XrViewState view_state{XR_TYPE_VIEW_STATE};
    uint32_t count = 0;
    EXPECT_EQ(xrLocateViews(client.session, &locate, &view_state, 0, &count, nullptr),
              XR_ERROR_VIEW_CONFIGURATION_TYPE_UNSUPPORTED);
    xrDestroySpace(locate.space);

    // The session may not stop while it is not STOPPING; after request exit it may.
    ASSERT_EQ(xrRequestExitSession(client.session), XR_SUCCESS);
    ASSERT_EQ(xrEndSession(client.session), XR_SUCCESS);
    client.poll_states();
    EXPECT_EQ(client.state, XR_SESSION_STATE_EXITING);
    EXPECT_EQ(client.begin_session(), XR_ERROR_SESSION_NOT_READY);
    // A wrong structure type never reaches xrsim: the core validation layer refuses it and says so.
    XrSessionBeginInfo wrong{XR_TYPE_SESSION_CREATE_INFO};
    wrong.primaryViewConfigurationType = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO;
    EXPECT_EQ(xrBeginSession(client.session, &wrong), XR_ERROR_VALIDATION_FAILURE);
    client.destroy_session();
    EXPECT_TRUE(client.vulkan_messages.empty()) << client.vulkan_messages.front();
  }
  EXPECT_NE(xr_validation_messages(files).find("VUID-XrSessionBeginInfo-type-type"), std::string::npos)
      << xr_validation_messages(files);
  // Every error returned is in the report, in order.
  const nlohmann::json report = read_report(files);
  std::vector<std::string> results;
  for (const auto& e : report["errors"]) results.push_back(e["result"]);
  const std::vector<std::string> expected = {"XR_ERROR_GRAPHICS_REQUIREMENTS_CALL_MISSING",
                                             "XR_ERROR_SESSION_NOT_RUNNING",
                                             "XR_ERROR_SESSION_NOT_RUNNING",
                                             "XR_ERROR_SESSION_NOT_RUNNING",
                                             "XR_ERROR_SESSION_RUNNING",
                                             "XR_ERROR_SESSION_NOT_STOPPING",
                                             "XR_ERROR_CALL_ORDER_INVALID",
                                             "XR_ERROR_CALL_ORDER_INVALID",
                                             "XR_ERROR_ENVIRONMENT_BLEND_MODE_UNSUPPORTED",
                                             "XR_ERROR_SWAPCHAIN_FORMAT_UNSUPPORTED",
                                             "XR_ERROR_CALL_ORDER_INVALID",
                                             "XR_ERROR_CALL_ORDER_INVALID",
                                             "XR_ERROR_CALL_ORDER_INVALID",
                                             "XR_ERROR_CALL_ORDER_INVALID",
                                             "XR_ERROR_CALL_ORDER_INVALID",
                                             "XR_ERROR_POSE_INVALID",
                                             "XR_ERROR_VIEW_CONFIGURATION_TYPE_UNSUPPORTED",
                                             "XR_ERROR_SESSION_NOT_READY"};
  EXPECT_EQ(results, expected);
}

TEST(XrsimSession, ScriptedRequestsDriveFocusPresenceAndLoss) {
  const XrsimFiles files = use_xrsim(
      "at f5 session focus_loss\n"
      "at f7 session focus_return\n"
      "at f10 session visitor_absent\n"
      "at f13 session visitor_present\n"
      "at f17 session loss_pending\n");
  {
    XrClient client;
    start_session(client);
    std::vector<std::pair<int, XrSessionState>> seen;
    for (int frame = 0; frame < 17; ++frame) {
      client.render_frame(kColors);
      for (XrSessionState s : client.poll_states()) seen.emplace_back(frame, s);
    }
    const std::vector<std::pair<int, XrSessionState>> expected = {
        {0, XR_SESSION_STATE_SYNCHRONIZED},  {1, XR_SESSION_STATE_VISIBLE},  {2, XR_SESSION_STATE_FOCUSED},
        {5, XR_SESSION_STATE_VISIBLE},       {7, XR_SESSION_STATE_FOCUSED},  {10, XR_SESSION_STATE_VISIBLE},
        {10, XR_SESSION_STATE_SYNCHRONIZED}, {13, XR_SESSION_STATE_VISIBLE}, {13, XR_SESSION_STATE_FOCUSED}};
    EXPECT_EQ(seen, expected);
    // Frame 17 brings LOSS_PENDING; from then on the session is lost until it is destroyed.
    XrFrameState frame{XR_TYPE_FRAME_STATE};
    EXPECT_EQ(xrWaitFrame(client.session, nullptr, &frame), XR_SESSION_LOSS_PENDING);
    EXPECT_EQ(client.poll_states(), std::vector{XR_SESSION_STATE_LOSS_PENDING});
    EXPECT_EQ(xrWaitFrame(client.session, nullptr, &frame), XR_ERROR_SESSION_LOST);
    EXPECT_EQ(xrBeginFrame(client.session, nullptr), XR_ERROR_SESSION_LOST);
    // Recovery: a new session on the same instance starts over and its frames keep the clock going.
    client.destroy_session();
    ASSERT_EQ(client.create_session(), XR_SUCCESS);
    EXPECT_EQ(client.poll_states(), (std::vector{XR_SESSION_STATE_IDLE, XR_SESSION_STATE_READY}));
    ASSERT_EQ(client.begin_session(), XR_SUCCESS);
    client.create_swapchains(false);
    client.stage = client.create_space(XR_REFERENCE_SPACE_TYPE_STAGE);
    XrTime last = frame.predictedDisplayTime;
    for (int i = 0; i < 4; ++i) {
      const XrFrameState state = client.render_frame(kColors);
      EXPECT_GT(state.predictedDisplayTime, last);
      last = state.predictedDisplayTime;
    }
    client.poll_states();
    EXPECT_EQ(client.state, XR_SESSION_STATE_FOCUSED);
    // Events left unread when a session is destroyed never reach the next session.
    client.render_frame(kColors);
    ASSERT_EQ(xrRequestExitSession(client.session), XR_SUCCESS);
    client.destroy_session();
    ASSERT_EQ(client.create_session(), XR_SUCCESS);
    EXPECT_EQ(client.poll_states(), (std::vector{XR_SESSION_STATE_IDLE, XR_SESSION_STATE_READY}));
    client.destroy_session();
    EXPECT_TRUE(client.vulkan_messages.empty()) << client.vulkan_messages.front();
  }
  EXPECT_EQ(xr_validation_messages(files), "");
}

TEST(XrsimSession, BadLayersReturnSpecErrorCodes) {
  const XrsimFiles files = use_xrsim("");
  XrClient client;
  start_session(client);
  for (int i = 0; i < 3; ++i) client.render_frame(kColors);
  XrSwapchainCreateInfo info{XR_TYPE_SWAPCHAIN_CREATE_INFO};
  info.usageFlags = XR_SWAPCHAIN_USAGE_COLOR_ATTACHMENT_BIT;
  info.format = VK_FORMAT_B8G8R8A8_SRGB;
  info.sampleCount = 1;
  info.width = info.height = 32;
  info.faceCount = info.arraySize = info.mipCount = 1;
  XrSwapchain never_released = XR_NULL_HANDLE;
  ASSERT_EQ(xrCreateSwapchain(client.session, &info, &never_released), XR_SUCCESS);

  XrCompositionLayerProjectionView views[2] = {{XR_TYPE_COMPOSITION_LAYER_PROJECTION_VIEW},
                                               {XR_TYPE_COMPOSITION_LAYER_PROJECTION_VIEW}};
  for (uint32_t eye = 0; eye < 2; ++eye) {
    views[eye].pose.orientation.w = 1;
    views[eye].fov = {-0.7f, 0.7f, 0.7f, -0.7f};
    views[eye].subImage.swapchain = client.color_swapchain;
    views[eye].subImage.imageRect = {{0, 0}, {int32_t(client.view_width), int32_t(client.view_height)}};
    views[eye].subImage.imageArrayIndex = eye;
  }
  XrCompositionLayerProjection layer{XR_TYPE_COMPOSITION_LAYER_PROJECTION};
  layer.space = client.stage;
  layer.viewCount = 2;
  layer.views = views;
  const XrCompositionLayerBaseHeader* layers[] = {reinterpret_cast<XrCompositionLayerBaseHeader*>(&layer)};
  const auto end_frame_with = [&](auto change) {
    XrFrameState frame{XR_TYPE_FRAME_STATE};
    EXPECT_EQ(xrWaitFrame(client.session, nullptr, &frame), XR_SUCCESS);
    EXPECT_EQ(xrBeginFrame(client.session, nullptr), XR_SUCCESS);
    XrCompositionLayerProjectionView saved[2] = {views[0], views[1]};
    change();
    XrFrameEndInfo end{XR_TYPE_FRAME_END_INFO};
    end.displayTime = frame.predictedDisplayTime;
    end.environmentBlendMode = XR_ENVIRONMENT_BLEND_MODE_OPAQUE;
    end.layerCount = 1;
    end.layers = layers;
    const XrResult result = xrEndFrame(client.session, &end);
    views[0] = saved[0];
    views[1] = saved[1];
    if (result != XR_SUCCESS) {  // the frame is still open: close it empty
      end.layerCount = 0;
      EXPECT_EQ(xrEndFrame(client.session, &end), XR_SUCCESS);
    }
    return result;
  };
  EXPECT_EQ(end_frame_with([] {}), XR_SUCCESS);
  EXPECT_EQ(end_frame_with([&] { views[1].subImage.swapchain = never_released; }), XR_ERROR_LAYER_INVALID);
  EXPECT_EQ(end_frame_with([&] { views[0].subImage.imageRect.extent.width += 1; }), XR_ERROR_SWAPCHAIN_RECT_INVALID);
  EXPECT_EQ(end_frame_with([&] { views[0].subImage.imageArrayIndex = 2; }), XR_ERROR_VALIDATION_FAILURE);
  EXPECT_EQ(end_frame_with([&] { views[1].pose.orientation.w = 0.5f; }), XR_ERROR_POSE_INVALID);
  // Depth info needs XR_KHR_composition_layer_depth, which this instance did not enable.
  XrCompositionLayerDepthInfoKHR depth{XR_TYPE_COMPOSITION_LAYER_DEPTH_INFO_KHR};
  depth.subImage = views[0].subImage;
  depth.maxDepth = 1;
  depth.nearZ = 0.1f;
  depth.farZ = 10;
  EXPECT_EQ(end_frame_with([&] { views[0].next = &depth; }), XR_ERROR_VALIDATION_FAILURE);
  ASSERT_EQ(xrDestroySwapchain(never_released), XR_SUCCESS);
  client.destroy_session();
  EXPECT_TRUE(client.vulkan_messages.empty()) << client.vulkan_messages.front();
}

TEST(XrsimSession, UserPresenceEventsWhenTheExtensionIsEnabled) {
  const XrsimFiles files = use_xrsim("at f4 session visitor_absent\nat f6 session visitor_present\n");
  {
    XrClient client;
    ASSERT_EQ(client.create_instance({XR_EXT_USER_PRESENCE_EXTENSION_NAME}), XR_SUCCESS);
    client.create_vulkan();
    ASSERT_EQ(client.create_session(), XR_SUCCESS);
    client.poll_states();
    ASSERT_EQ(client.begin_session(), XR_SUCCESS);
    client.create_swapchains(false);
    client.stage = client.create_space(XR_REFERENCE_SPACE_TYPE_STAGE);
    std::vector<std::pair<int, bool>> presence_changes;
    for (int frame = 0; frame < 8; ++frame) {
      client.render_frame(kColors);
      for (;;) {
        XrEventDataBuffer event{XR_TYPE_EVENT_DATA_BUFFER};
        if (xrPollEvent(client.instance, &event) != XR_SUCCESS) break;
        if (event.type == XR_TYPE_EVENT_DATA_USER_PRESENCE_CHANGED_EXT)
          presence_changes.emplace_back(
              frame, reinterpret_cast<const XrEventDataUserPresenceChangedEXT&>(event).isUserPresent == XR_TRUE);
      }
    }
    EXPECT_EQ(presence_changes, (std::vector<std::pair<int, bool>>{{4, false}, {6, true}}));
    client.destroy_session();
  }
  EXPECT_EQ(xr_validation_messages(files), "");
}

// The 1.0.20 core validation layer predates XR_EXT_user_presence and refuses its structure in a next chain, so the
// system property is checked without the layer.
TEST(XrsimSession, UserPresencePropertyWithoutTheValidationLayer) {
  const XrsimFiles files = use_xrsim("");
  unsetenv("XR_ENABLE_API_LAYERS");
  XrClient client;
  ASSERT_EQ(client.create_instance({XR_EXT_USER_PRESENCE_EXTENSION_NAME}), XR_SUCCESS);
  XrSystemUserPresencePropertiesEXT presence{XR_TYPE_SYSTEM_USER_PRESENCE_PROPERTIES_EXT};
  XrSystemProperties properties{XR_TYPE_SYSTEM_PROPERTIES};
  properties.next = &presence;
  ASSERT_EQ(xrGetSystemProperties(client.instance, client.system, &properties), XR_SUCCESS);
  EXPECT_EQ(presence.supportsUserPresence, XR_TRUE);
}

TEST(XrsimSession, ScriptedExitStopsTheSessionAndEndsInExiting) {
  const XrsimFiles files = use_xrsim("at f4 session request_exit\n");
  XrClient client;
  start_session(client);
  std::vector<XrSessionState> seen;
  std::vector<bool> should_render;
  for (int frame = 0; frame < 6; ++frame) {
    should_render.push_back(client.render_frame(kColors).shouldRender);
    for (XrSessionState s : client.poll_states()) seen.push_back(s);
  }
  EXPECT_EQ(seen, (std::vector{XR_SESSION_STATE_SYNCHRONIZED, XR_SESSION_STATE_VISIBLE, XR_SESSION_STATE_FOCUSED,
                               XR_SESSION_STATE_VISIBLE, XR_SESSION_STATE_SYNCHRONIZED, XR_SESSION_STATE_STOPPING}));
  EXPECT_EQ(should_render, (std::vector{false, true, true, true, false, false}));
  ASSERT_EQ(xrEndSession(client.session), XR_SUCCESS);
  EXPECT_EQ(client.poll_states(), (std::vector{XR_SESSION_STATE_IDLE, XR_SESSION_STATE_EXITING}));
  client.destroy_session();
  EXPECT_TRUE(client.vulkan_messages.empty()) << client.vulkan_messages.front();
}

}  // namespace
}  // namespace liyuan::test
