// Frame timing, views from the scripted head, and capture of submitted eye images on a lavapipe device created
// through XR_KHR_vulkan_enable2, with the Vulkan validation layer (synchronisation validation) silent throughout.
#include <gtest/gtest.h>

#include <cmath>

#include "core/image_file.h"
#include "xr_test_client.h"

namespace liyuan::test {
namespace {

constexpr float kColors[2][4] = {{1, 0, 0, 1}, {0, 0, 1, 1}};

void start_session(XrClient& client) {
  ASSERT_EQ(client.create_instance(), XR_SUCCESS);
  client.create_vulkan();
  ASSERT_EQ(client.create_session(), XR_SUCCESS);
  client.poll_states();
  ASSERT_EQ(client.begin_session(), XR_SUCCESS);
  client.create_swapchains(false);
  client.stage = client.create_space(XR_REFERENCE_SPACE_TYPE_STAGE);
}

TEST(XrsimFrames, PredictedDisplayTimesAdvanceOnePeriodPerFrame) {
  const XrsimFiles files = use_xrsim("option refresh_hz 72\n");
  std::vector<XrTime> times;
  {
    XrClient client;
    start_session(client);
    for (int i = 0; i < 10; ++i) {
      const XrFrameState frame = client.render_frame(kColors);
      EXPECT_EQ(frame.predictedDisplayPeriod, 13888889);
      times.push_back(frame.predictedDisplayTime);
    }
    client.destroy_session();
    EXPECT_TRUE(client.vulkan_messages.empty()) << client.vulkan_messages.front();
  }
  for (size_t i = 1; i < times.size(); ++i) EXPECT_EQ(times[i] - times[i - 1], 13888889);
  const nlohmann::json report = read_report(files);
  ASSERT_EQ(report["frames"].size(), 10u);
  for (size_t i = 0; i < 10; ++i) {
    EXPECT_EQ(report["frames"][i]["index"], i);
    EXPECT_EQ(report["frames"][i]["predicted_display_time"], times[i]);
    EXPECT_EQ(report["frames"][i]["display_time"], times[i]);
    EXPECT_EQ(report["frames"][i]["layer_count"], i == 0 ? 0 : 1);  // frame 0 is SYNCHRONIZED: nothing to render
  }
  EXPECT_EQ(xr_validation_messages(files), "");
}

TEST(XrsimFrames, ViewsFollowTheScriptedHeadAndAreSeparatedByTheIpd) {
  const XrsimFiles files = use_xrsim(
      "option ipd 0.07\n"
      "at f0 head 0 1.5 0\n"
      "at f10 head 1 1.5 -2 yaw 90\n");
  XrClient client;
  start_session(client);
  for (int i = 0; i < 6; ++i) client.render_frame(kColors);  // frame 5: halfway between the keys
  ASSERT_EQ(client.last_views.size(), 2u);
  const XrVector3f l = client.last_views[0].pose.position;
  const XrVector3f r = client.last_views[1].pose.position;
  EXPECT_NEAR(std::sqrt((l.x - r.x) * (l.x - r.x) + (l.y - r.y) * (l.y - r.y) + (l.z - r.z) * (l.z - r.z)), 0.07f,
              1e-5f);
  EXPECT_NEAR((l.x + r.x) / 2, 0.5f, 1e-5f);
  EXPECT_NEAR((l.y + r.y) / 2, 1.5f, 1e-5f);
  EXPECT_NEAR((l.z + r.z) / 2, -1.0f, 1e-5f);
  // Yawed 45° left at frame 5: the left eye is ahead (-z) and left (-x) of the right eye.
  EXPECT_LT(l.x, r.x);
  EXPECT_GT(l.z, r.z);
  EXPECT_LT(client.last_views[0].fov.angleLeft, 0);
  EXPECT_GT(client.last_views[0].fov.angleRight, 0);
  // The VIEW space sits at the head; LOCAL's origin is the head's position at time 0.
  XrSpace view = client.create_space(XR_REFERENCE_SPACE_TYPE_VIEW);
  XrSpace local = client.create_space(XR_REFERENCE_SPACE_TYPE_LOCAL);
  XrSpaceLocation location{XR_TYPE_SPACE_LOCATION};
  ASSERT_EQ(xrLocateSpace(local, client.stage, 1'000'000'000, &location), XR_SUCCESS);
  EXPECT_NEAR(location.pose.position.y, 1.5f, 1e-5f);
  ASSERT_EQ(xrLocateSpace(view, local, 1'000'000'000 + 10 * 11111111, &location), XR_SUCCESS);
  EXPECT_NEAR(location.pose.position.x, 1.0f, 1e-4f);
  EXPECT_NEAR(location.pose.position.z, -2.0f, 1e-4f);
  EXPECT_TRUE(location.locationFlags & XR_SPACE_LOCATION_POSITION_TRACKED_BIT);
  xrDestroySpace(view);
  xrDestroySpace(local);
  client.destroy_session();
  EXPECT_TRUE(client.vulkan_messages.empty()) << client.vulkan_messages.front();
}

TEST(XrsimFrames, NoStageOptionRemovesTheStageSpace) {
  const XrsimFiles files = use_xrsim("option no_stage\n");
  XrClient client;
  ASSERT_EQ(client.create_instance(), XR_SUCCESS);
  client.create_vulkan();
  ASSERT_EQ(client.create_session(), XR_SUCCESS);
  uint32_t count = 0;
  XrReferenceSpaceType types[4];
  ASSERT_EQ(xrEnumerateReferenceSpaces(client.session, 4, &count, types), XR_SUCCESS);
  EXPECT_EQ(count, 2u);
  XrReferenceSpaceCreateInfo info{XR_TYPE_REFERENCE_SPACE_CREATE_INFO};
  info.referenceSpaceType = XR_REFERENCE_SPACE_TYPE_STAGE;
  info.poseInReferenceSpace.orientation.w = 1;
  XrSpace space = XR_NULL_HANDLE;
  EXPECT_EQ(xrCreateReferenceSpace(client.session, &info, &space), XR_ERROR_REFERENCE_SPACE_UNSUPPORTED);
}

TEST(XrsimFrames, CaptureWritesBothSubmittedEyeImages) {
  // Frame 0 is SYNCHRONIZED and submits no layer: its capture waits for frame 1. Frame 50 never comes.
  const XrsimFiles files = use_xrsim("option view_size 64 48\nat f4 capture\nat f0 capture\nat f50 capture\n");
  {
    XrClient client;
    start_session(client);
    for (int i = 0; i < 6; ++i) client.render_frame(kColors);
    client.destroy_session();
    EXPECT_TRUE(client.vulkan_messages.empty()) << client.vulkan_messages.front();
  }
  const nlohmann::json report = read_report(files);
  ASSERT_EQ(report["captures"].size(), 4u) << report.dump();
  EXPECT_EQ(report["captures"][0], (files.captures / "frame-1-eye-0.png").string());
  EXPECT_EQ(report["captures"][3], (files.captures / "frame-4-eye-1.png").string());
  ASSERT_EQ(report["messages"].size(), 1u);
  EXPECT_EQ(report["messages"][0], files.script.string() +
                                       ":4: capture at frame 50 never happened: no frame from then on submitted a "
                                       "projection layer");
  for (int eye = 0; eye < 2; ++eye) {
    const auto path = files.captures / ("frame-4-eye-" + std::to_string(eye) + ".png");
    auto image = read_png(path);
    ASSERT_TRUE(image) << image.error().to_string();
    EXPECT_EQ(image->width, 64u);
    EXPECT_EQ(image->height, 48u);
    for (uint32_t y : {0u, 20u, 47u})
      for (uint32_t x : {0u, 31u, 63u}) {
        const uint8_t* p = image->pixel(x, y);
        EXPECT_EQ(p[0], eye == 0 ? 255 : 0);
        EXPECT_EQ(p[1], 0);
        EXPECT_EQ(p[2], eye == 0 ? 0 : 255);
        EXPECT_EQ(p[3], 255);
      }
  }
  EXPECT_EQ(xr_validation_messages(files), "");
}

TEST(XrsimFrames, CaptureDirectoryIsTakenFromTheScriptsFolder) {
  const XrsimFiles files = use_xrsim("option view_size 16 16\noption capture_dir shots\nat f2 capture\n");
  unsetenv("XRSIM_CAPTURE_DIR");
  {
    XrClient client;
    start_session(client);
    for (int i = 0; i < 3; ++i) client.render_frame(kColors);
    client.destroy_session();
  }
  EXPECT_TRUE(std::filesystem::exists(files.dir / "shots" / "frame-2-eye-0.png"));
  EXPECT_TRUE(std::filesystem::exists(files.dir / "shots" / "frame-2-eye-1.png"));
}

TEST(XrsimFrames, ValidationLayerSeesXrsimsCommandsOnTheApplicationsQueue) {
  // An application that releases an image in the wrong layout makes xrsim's capture barrier wrong; the Vulkan
  // validation layer must say so, which shows it watches xrsim's own submissions (and that silence means something).
  const XrsimFiles files = use_xrsim("option view_size 32 32\nat f3 capture\n");
  XrClient client;
  start_session(client);
  for (int i = 0; i < 3; ++i) client.render_frame(kColors);
  ASSERT_TRUE(client.vulkan_messages.empty()) << client.vulkan_messages.front();
  client.release_in_wrong_layout = true;
  client.render_frame(kColors);
  ASSERT_FALSE(client.vulkan_messages.empty());
  EXPECT_NE(client.vulkan_messages.front().find("InvalidImageLayout"), std::string::npos)
      << client.vulkan_messages.front();
  client.destroy_session();
}

}  // namespace
}  // namespace liyuan::test
