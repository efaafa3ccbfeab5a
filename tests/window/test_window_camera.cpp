// The free-roam camera and the cursor's ray: pure geometry, no window needed.
#include <gtest/gtest.h>

#include <glm/gtc/matrix_transform.hpp>

#include "present/window/cursor_ray.h"
#include "present/window/free_roam.h"
#include "render/views.h"

namespace liyuan::present {
namespace {

void expect_near(const vec3& a, const vec3& b, float tolerance = 1e-4f) {
  EXPECT_NEAR(a.x, b.x, tolerance);
  EXPECT_NEAR(a.y, b.y, tolerance);
  EXPECT_NEAR(a.z, b.z, tolerance);
}

TEST(FreeRoam, StartsExactlyWhereTheGuidedCameraStood) {
  mat4 guided = render::look_at_pose(vec3(2, 1.5f, 3), vec3(0, 1, 0), vec3(0, 1, 0));
  FreeRoamCamera camera;
  camera.place(guided);
  mat4 pose = camera.world_from_eye();
  expect_near(vec3(pose[3]), vec3(guided[3]));
  expect_near(vec3(pose[2]), vec3(guided[2]));  // looking the same way
  expect_near(vec3(pose[1]), vec3(guided[1]));
}

TEST(FreeRoam, WalksLevelAtWalkingSpeedWhereverItLooks) {
  FreeRoamCamera camera;
  camera.place(render::look_at_pose(vec3(0, 1.6f, 0), vec3(0, 0.6f, -1), vec3(0, 1, 0)));  // looking down
  camera.update(1.0, vec3(0, 0, 1), false, 0.0f, 0.0f);
  expect_near(vec3(camera.world_from_eye()[3]), vec3(0, 1.6f, -FreeRoamCamera::kWalkSpeed));
  camera.update(0.5, vec3(1, 0, 0), true, 0.0f, 0.0f);  // fast, to the right
  expect_near(vec3(camera.world_from_eye()[3]),
              vec3(2.0f * FreeRoamCamera::kWalkSpeed, 1.6f, -FreeRoamCamera::kWalkSpeed));
}

TEST(FreeRoam, TurnsLeftWithPositiveYawAndNeverLooksPastStraightUp) {
  FreeRoamCamera camera;
  camera.place(mat4(1.0f));
  camera.update(0.0, vec3(0), false, float(M_PI / 2), 10.0f);
  mat4 pose = camera.world_from_eye();
  vec3 forward = -vec3(pose[2]);
  EXPECT_LT(forward.x, -0.05f) << "a quarter turn left looks towards -X";
  EXPECT_NEAR(std::asin(forward.y), 85.0f * M_PI / 180.0f, 1e-3);
}

TEST(CursorRay, ThroughTheCentreGoesAlongTheViewAndThroughCornersAlongTheFieldOfView) {
  render::View view{render::look_at_pose(vec3(1, 2, 3), vec3(1, 2, 0), vec3(0, 1, 0)),
                    render::symmetric_fov(1.0f, 2.0f)};
  Ray centre = cursor_ray(std::span(&view, 1), 0.5f, 0.5f);
  expect_near(centre.origin, vec3(1, 2, 3));
  expect_near(centre.direction, vec3(0, 0, -1));
  Ray top_left = cursor_ray(std::span(&view, 1), 0.0f, 0.0f);
  vec3 expected = glm::normalize(vec3(std::tan(view.fov.left), std::tan(view.fov.up), -1.0f));
  expect_near(top_left.direction, expected);
}

TEST(CursorRay, SideBySideUsesTheEyeUnderTheCursor) {
  render::Fov fov = render::symmetric_fov(1.0f, 1.0f);
  render::View eyes[2] = {{glm::translate(mat4(1.0f), vec3(-0.03f, 0, 0)), fov},
                          {glm::translate(mat4(1.0f), vec3(0.03f, 0, 0)), fov}};
  Ray left = cursor_ray(eyes, 0.25f, 0.5f);
  Ray right = cursor_ray(eyes, 0.75f, 0.5f);
  expect_near(left.origin, vec3(-0.03f, 0, 0));
  expect_near(right.origin, vec3(0.03f, 0, 0));
  expect_near(left.direction, vec3(0, 0, -1));
  expect_near(right.direction, vec3(0, 0, -1));
}

}  // namespace
}  // namespace liyuan::present
