// The headset presenter's and the visitor's pure logic, without a runtime: the session state machine's steps, the
// stage choice, swapchain formats, snap-turn switching, teleport rays, head stillness and the comfort moves.
#include <gtest/gtest.h>

#include <glm/gtc/matrix_transform.hpp>

#include "app/visitor_comfort.h"
#include "present/openxr/xr_input.h"
#include "present/openxr/xr_presence.h"
#include "present/openxr/xr_result.h"
#include "present/openxr/xr_session.h"
#include "present/openxr/xr_space.h"
#include "present/openxr/xr_swapchain.h"

namespace liyuan {
namespace {

using present::xr::SessionStep;

TEST(XrSessionSteps, FollowTheSpec) {
  EXPECT_EQ(present::xr::step_for_state(XR_SESSION_STATE_READY), SessionStep::Begin);
  EXPECT_EQ(present::xr::step_for_state(XR_SESSION_STATE_STOPPING), SessionStep::End);
  EXPECT_EQ(present::xr::step_for_state(XR_SESSION_STATE_LOSS_PENDING), SessionStep::Recreate);
  EXPECT_EQ(present::xr::step_for_state(XR_SESSION_STATE_EXITING), SessionStep::Quit);
  for (XrSessionState quiet :
       {XR_SESSION_STATE_IDLE, XR_SESSION_STATE_SYNCHRONIZED, XR_SESSION_STATE_VISIBLE, XR_SESSION_STATE_FOCUSED})
    EXPECT_EQ(present::xr::step_for_state(quiet), SessionStep::None);
}

TEST(XrResultNames, NameTheResult) {
  EXPECT_STREQ(present::xr::xr_result_name(XR_ERROR_RUNTIME_UNAVAILABLE), "XR_ERROR_RUNTIME_UNAVAILABLE");
  EXPECT_STREQ(present::xr::xr_result_name(XR_SESSION_LOSS_PENDING), "XR_SESSION_LOSS_PENDING");
  Status failed = present::xr::xr_check(XR_ERROR_FORM_FACTOR_UNAVAILABLE, "xrGetSystem");
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().message, "xrGetSystem failed: XR_ERROR_FORM_FACTOR_UNAVAILABLE");
  EXPECT_TRUE(present::xr::xr_check(XR_SESSION_NOT_FOCUSED, "xrSyncActions"));  // a qualified success
}

TEST(XrStage, StageWhereOfferedElseLocalLoweredToTheFloor) {
  auto stage = present::xr::choose_stage(
      {XR_REFERENCE_SPACE_TYPE_VIEW, XR_REFERENCE_SPACE_TYPE_LOCAL, XR_REFERENCE_SPACE_TYPE_STAGE});
  EXPECT_EQ(stage.type, XR_REFERENCE_SPACE_TYPE_STAGE);
  EXPECT_EQ(stage.origin.position.y, 0.0f);
  auto local = present::xr::choose_stage({XR_REFERENCE_SPACE_TYPE_VIEW, XR_REFERENCE_SPACE_TYPE_LOCAL});
  EXPECT_EQ(local.type, XR_REFERENCE_SPACE_TYPE_LOCAL);
  EXPECT_FLOAT_EQ(local.origin.position.y, -present::xr::kStandingEyeHeight);
}

TEST(XrSwapchain, PicksAnSrgbFormatInTheRuntimesOrder) {
  EXPECT_EQ(
      present::xr::choose_color_format({VK_FORMAT_R8G8B8A8_UNORM, VK_FORMAT_B8G8R8A8_SRGB, VK_FORMAT_R8G8B8A8_SRGB}),
      VK_FORMAT_B8G8R8A8_SRGB);
  EXPECT_EQ(present::xr::choose_color_format({VK_FORMAT_R16G16B16A16_SFLOAT}), VK_FORMAT_UNDEFINED);
}

TEST(XrInput, SnapTurnFiresOncePerPush) {
  present::xr::SnapSwitch snap;
  EXPECT_EQ(snap.update(0.5f), 0);
  EXPECT_EQ(snap.update(0.9f), 1);
  EXPECT_EQ(snap.update(1.0f), 0);  // held: no repeat
  EXPECT_EQ(snap.update(0.5f), 0);  // not yet back in the middle
  EXPECT_EQ(snap.update(0.1f), 0);  // re-armed
  EXPECT_EQ(snap.update(-0.8f), -1);
}

TEST(XrInput, TeleportRayMeetsTheFloor) {
  vec3 hit;
  ASSERT_TRUE(present::xr::ray_floor_hit(vec3(0, 1.2f, 0), glm::normalize(vec3(0, -1, -1)), 20.0f, hit));
  EXPECT_NEAR(hit.x, 0.0f, 1e-5f);
  EXPECT_NEAR(hit.y, 0.0f, 1e-5f);
  EXPECT_NEAR(hit.z, -1.2f, 1e-5f);
  EXPECT_FALSE(present::xr::ray_floor_hit(vec3(0, 1.2f, 0), vec3(0, 0.2f, -1), 20.0f, hit));  // upwards
  EXPECT_FALSE(present::xr::ray_floor_hit(vec3(0, 1.2f, 0), glm::normalize(vec3(0, -0.01f, -1)), 20.0f, hit));
}

TEST(XrPresence, AStillHeadMeansNobodyIsThere) {
  present::xr::HeadStillness stillness(2.0);
  quat level(1, 0, 0, 0);
  EXPECT_FALSE(stillness.update(vec3(0, 1.6f, 0), level, 0.0));
  for (int i = 0; i < 19; ++i) EXPECT_FALSE(stillness.update(vec3(0, 1.6f, 0), level, 0.1));
  EXPECT_TRUE(stillness.update(vec3(0, 1.6f, 0), level, 0.1));
  // A small nod is a person: the clock starts again.
  quat nod = glm::angleAxis(glm::radians(1.0f), vec3(1, 0, 0));
  EXPECT_FALSE(stillness.update(vec3(0, 1.6f, 0), nod, 0.1));
  EXPECT_FALSE(stillness.update(vec3(0, 1.6005f, 0), nod, 1.0));  // sub-millimetre drift is still "still"
  EXPECT_TRUE(stillness.update(vec3(0, 1.6005f, 0), nod, 1.0));
}

TEST(VisitorComfort, TeleportFadesOutMovesInTheDarkAndFadesIn) {
  app::ComfortOptions options;
  options.fade_seconds = 0.15;
  app::VisitorComfort comfort(options);
  mat4 there = glm::translate(mat4(1.0f), vec3(2, 0, -3));
  comfort.fade_to(there);
  EXPECT_EQ(comfort.fade(), 0.0f);
  comfort.advance(0.075);
  EXPECT_NEAR(comfort.fade(), 0.5f, 1e-4f);
  EXPECT_EQ(comfort.world_from_stage()[3], vec4(0, 0, 0, 1));  // not moved while it can still be seen
  comfort.advance(0.075);
  EXPECT_NEAR(comfort.fade(), 1.0f, 1e-4f);
  EXPECT_EQ(comfort.world_from_stage()[3], vec4(2, 0, -3, 1));  // moved in the dark
  comfort.advance(0.1);
  EXPECT_NEAR(comfort.fade(), 1.0f / 3.0f, 1e-3f);
  comfort.advance(0.1);
  EXPECT_EQ(comfort.fade(), 0.0f);
  EXPECT_EQ(comfort.vignette(), 0.0f);  // a teleport is not smooth motion
}

TEST(VisitorComfort, GlidingShowsAVignetteThatFadesAfterwards) {
  app::ComfortOptions options;
  app::VisitorComfort comfort(options);
  comfort.jump_to(glm::translate(mat4(1.0f), vec3(0, 0, -0.01f)), true);
  EXPECT_FLOAT_EQ(comfort.vignette(), options.vignette_strength);
  comfort.advance(options.vignette_seconds / 2);
  EXPECT_NEAR(comfort.vignette(), options.vignette_strength / 2, 1e-4f);
  comfort.advance(options.vignette_seconds);
  EXPECT_EQ(comfort.vignette(), 0.0f);
}

TEST(VisitorComfort, SeatedRaisesTheStage) {
  app::ComfortOptions options;
  options.seated = true;
  app::VisitorComfort comfort(options);
  EXPECT_FLOAT_EQ(comfort.world_from_stage()[3].y, options.seated_height);
  comfort.reset();
  EXPECT_FLOAT_EQ(comfort.world_from_stage()[3].y, options.seated_height);
}

TEST(VisitorComfort, SnapTurnKeepsTheHeadInPlace) {
  mat4 stage = glm::translate(mat4(1.0f), vec3(1, 0, 1));
  vec3 head(0.5f, 1.6f, -0.3f);
  mat4 turned = app::turn_about_head(stage, head, glm::radians(30.0f));
  vec3 before = vec3(stage * vec4(head, 1));
  vec3 after = vec3(turned * vec4(head, 1));
  EXPECT_NEAR(glm::distance(before, after), 0.0f, 1e-5f);
  vec3 forward = vec3(turned * vec4(0, 0, -1, 0));
  EXPECT_NEAR(forward.x, -0.5f, 1e-5f);  // turned left: -Z swings towards -X
}

TEST(VisitorComfort, TeleportPutsTheHeadAboveThePoint) {
  mat4 stage = glm::rotate(glm::translate(mat4(1.0f), vec3(1, 0.2f, 1)), glm::radians(90.0f), vec3(0, 1, 0));
  vec3 head(0.4f, 1.6f, 0.2f);
  mat4 moved = app::move_head_to(stage, head, vec3(-2, 5, 3));
  vec3 head_world = vec3(moved * vec4(head, 1));
  EXPECT_NEAR(head_world.x, -2.0f, 1e-5f);
  EXPECT_NEAR(head_world.z, 3.0f, 1e-5f);
  EXPECT_NEAR(moved[3].y, 0.2f, 1e-6f);  // the stage keeps its height
}

TEST(VisitorComfort, ViewpointStageIsLevelAndFacesItsHeading) {
  quat heading =
      glm::angleAxis(glm::radians(90.0f), vec3(0, 1, 0)) * glm::angleAxis(glm::radians(-12.0f), vec3(1, 0, 0));
  mat4 stage = app::stage_at_viewpoint(vec3(2, 1.5f, -2), heading, 0.0f);
  EXPECT_EQ(stage[3], vec4(2, 0, -2, 1));
  vec3 forward = vec3(stage * vec4(0, 0, -1, 0));
  EXPECT_NEAR(forward.x, -1.0f, 1e-5f);
  EXPECT_NEAR(forward.y, 0.0f, 1e-6f);
}

}  // namespace
}  // namespace liyuan
