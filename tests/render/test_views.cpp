// Projection, culling and framing: the maths the renderer trusts.
#include <gtest/gtest.h>

#include "render/culling.h"
#include "render/framing.h"
#include "render/views.h"

namespace liyuan::render {
namespace {

vec3 project(const mat4& clip_from_world, const vec3& p) {
  vec4 clip = clip_from_world * vec4(p, 1.0f);
  return vec3(clip) / clip.w;
}

TEST(Projection, ReversedZPutsNearAtOneAndFarTowardsZero) {
  mat4 p = projection_reversed_z(symmetric_fov(glm::radians(60.0f), 1.0f), 0.1f);
  EXPECT_NEAR(project(p, {0, 0, -0.1f}).z, 1.0f, 1e-5f);
  EXPECT_NEAR(project(p, {0, 0, -1000.0f}).z, 0.0001f, 1e-5f);
  EXPECT_GT(project(p, {0, 0, -1.0f}).z, project(p, {0, 0, -2.0f}).z);
}

TEST(Projection, UpInTheWorldIsUpInTheImage) {
  mat4 p = projection_reversed_z(symmetric_fov(glm::radians(60.0f), 1.0f), 0.1f);
  // Vulkan's clip space has +Y down: a point above the axis lands at negative y.
  EXPECT_LT(project(p, {0, 1, -5}).y, 0.0f);
  EXPECT_GT(project(p, {1, 0, -5}).x, 0.0f);
}

TEST(Projection, AsymmetricFovShiftsTheCentre) {
  Fov fov{-0.8f, 0.4f, 0.5f, -0.5f};  // a headset eye looking slightly outwards
  mat4 p = projection_reversed_z(fov, 0.1f);
  // The straight-ahead direction is right of the image centre when the left half-angle is larger.
  EXPECT_GT(project(p, {0, 0, -5}).x, 0.0f);
}

TEST(Culling, KeepsBoxesInsideAndDropsBoxesBehindOrBeside) {
  mat4 clip = projection_reversed_z(symmetric_fov(glm::radians(60.0f), 1.0f), 0.1f) *
              glm::inverse(look_at_pose({0, 0, 0}, {0, 0, -1}, {0, 1, 0}));
  Frustum frustum = frustum_from_clip(clip);
  EXPECT_TRUE(box_in_frustum(frustum, Aabb{{-0.5f, -0.5f, -5.5f}, {0.5f, 0.5f, -4.5f}}));
  EXPECT_FALSE(box_in_frustum(frustum, Aabb{{-0.5f, -0.5f, 4.5f}, {0.5f, 0.5f, 5.5f}})) << "behind the eye";
  EXPECT_FALSE(box_in_frustum(frustum, Aabb{{20, -0.5f, -5.5f}, {21, 0.5f, -4.5f}})) << "far to the right";
  EXPECT_TRUE(box_in_frustum(frustum, Aabb{{-0.5f, -0.5f, -10000}, {0.5f, 0.5f, -9000}})) << "infinite far plane";
  EXPECT_TRUE(box_in_frustum(frustum, Aabb{{2.5f, -0.5f, -5.5f}, {3.5f, 0.5f, -4.5f}})) << "straddles the edge";
}

TEST(Framing, RelicFillsTheFrameAndIsCentred) {
  Aabb bounds{{-0.05f, 0.0f, -0.05f}, {0.05f, 0.26f, 0.05f}};
  auto views = frame_bounds(bounds, 1.0f, false);
  ASSERT_EQ(views.size(), 1u);
  mat4 clip = projection_reversed_z(views[0].fov, 0.01f) * glm::inverse(views[0].world_from_eye);
  vec3 centre = project(clip, bounds.center());
  EXPECT_NEAR(centre.x, 0.0f, 1e-4f);
  EXPECT_NEAR(centre.y, 0.0f, 1e-4f);
  // Every corner is inside the image, and the box spans a good part of it.
  float min_y = 1, max_y = -1;
  for (int i = 0; i < 8; ++i) {
    vec3 corner((i & 1) ? bounds.max.x : bounds.min.x, (i & 2) ? bounds.max.y : bounds.min.y,
                (i & 4) ? bounds.max.z : bounds.min.z);
    vec3 ndc = project(clip, corner);
    EXPECT_LT(std::abs(ndc.x), 1.0f);
    EXPECT_LT(std::abs(ndc.y), 1.0f);
    min_y = std::min(min_y, ndc.y);
    max_y = std::max(max_y, ndc.y);
  }
  EXPECT_GT(max_y - min_y, 1.0f) << "the relic should span over half the image height";
}

TEST(Framing, StereoEyesAreOneInterpupillaryDistanceApart) {
  Aabb bounds{{-1, -1, -1}, {1, 1, 1}};
  auto views = frame_bounds(bounds, 1.0f, true);
  ASSERT_EQ(views.size(), 2u);
  vec3 left(views[0].world_from_eye[3]), right(views[1].world_from_eye[3]);
  EXPECT_NEAR(glm::length(right - left), kDefaultInterpupillaryDistance, 1e-5f);
  // The right eye is to the right of the left eye, as seen from the eyes.
  vec3 right_axis(views[0].world_from_eye[0]);
  EXPECT_GT(glm::dot(right - left, right_axis), 0.0f);
}

}  // namespace
}  // namespace liyuan::render
