// Caption comfort: straight ahead and below the gaze at first, still for small head turns (dead zone), following
// larger ones smoothly (never head-locked), sized in degrees, and independent of the frame rate (fixed steps).
#include <gtest/gtest.h>

#include <cmath>

#include "text/caption_placement.h"

namespace liyuan::test {
namespace {

mat4 head(float yaw_degrees, vec3 position = vec3(0.0f, 1.6f, 0.0f)) {
  mat4 pose = glm::rotate(mat4(1.0f), glm::radians(yaw_degrees), vec3(0.0f, 1.0f, 0.0f));
  pose[3] = vec4(position, 1.0f);
  return pose;
}

float degrees(float radians) { return glm::degrees(radians); }

TEST(CaptionPlacement, StartsAheadBelowTheGazeAtTwoMetres) {
  text::CaptionFollower follower;
  follower.update(head(0.0f), 0.0);
  const text::TextFrame frame = follower.frame();
  const vec3 centre = vec3(frame.world_from_plane[3]);
  const vec3 eye(0.0f, 1.6f, 0.0f);
  EXPECT_NEAR(glm::length(centre - eye), 2.0f, 1e-4f);
  EXPECT_NEAR(degrees(std::asin((eye.y - centre.y) / 2.0f)), 14.0f, 1e-3f);
  EXPECT_NEAR(centre.x, 0.0f, 1e-5f);
  EXPECT_LT(centre.z, 0.0f);
  // The plate faces the eye, and one em subtends 1.5 degrees.
  EXPECT_NEAR(glm::dot(vec3(frame.world_from_plane[2]), glm::normalize(eye - centre)), 1.0f, 1e-5f);
  EXPECT_NEAR(degrees(2.0f * std::atan(frame.em_metres / 2.0f / 2.0f)), 1.5f, 0.01f);
}

TEST(CaptionPlacement, SmallTurnsLeaveItStillLargeOnesBringItRoundGently) {
  text::CaptionFollower follower;
  follower.update(head(0.0f), 0.0);
  follower.update(head(10.0f), 1.0);  // within the 15 degree dead zone
  EXPECT_NEAR(degrees(follower.yaw()), 0.0f, 1e-4f);
  follower.update(head(50.0f), 1.0 / 90.0);  // one frame after a big turn: it has started, not arrived
  EXPECT_GT(degrees(follower.yaw()), 0.5f);
  EXPECT_LT(degrees(follower.yaw()), 10.0f);
  follower.update(head(50.0f), 2.0);  // two seconds on: caught up (to within the 1 degree it stops at)
  EXPECT_NEAR(degrees(follower.yaw()), 50.0f, 1.0f);
}

TEST(CaptionPlacement, FollowingDoesNotDependOnTheFrameRate) {
  text::CaptionFollower at_30, at_90;
  at_30.update(head(0.0f), 0.0);
  at_90.update(head(0.0f), 0.0);
  for (int i = 0; i < 15; ++i) at_30.update(head(60.0f), 1.0 / 30.0);
  for (int i = 0; i < 45; ++i) at_90.update(head(60.0f), 1.0 / 90.0);
  EXPECT_NEAR(at_30.yaw(), at_90.yaw(), 1e-3f);
  EXPECT_GT(degrees(at_30.yaw()), 20.0f);
}

TEST(CaptionPlacement, TurningAcrossBehindTakesTheShortWayRound) {
  text::CaptionFollower follower;
  follower.update(head(170.0f), 0.0);
  follower.update(head(-170.0f), 3.0);
  EXPECT_NEAR(std::fabs(degrees(follower.yaw())), 170.0f, 1.0f);
}

}  // namespace
}  // namespace liyuan::test
