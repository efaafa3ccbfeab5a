// Sampling and pose composition on hand-built data: no pack, no GPU.
#include <gtest/gtest.h>

#include "anim/sampling.h"

namespace liyuan::anim {
namespace {

Channel translation_channel(pack::Interpolation interpolation) {
  Channel c;
  c.path = pack::AnimationPath::Translation;
  c.interpolation = interpolation;
  c.times = {1.0f, 2.0f, 4.0f};
  c.values = {0, 0, 0, /**/ 10, 0, 0, /**/ 10, 20, 0};
  return c;
}

TEST(Sampling, LinearInterpolatesAndEndsAreExact) {
  const Channel c = translation_channel(pack::Interpolation::Linear);
  EXPECT_EQ(sample_vec3(c, 1.0f), vec3(0, 0, 0));
  EXPECT_EQ(sample_vec3(c, 2.0f), vec3(10, 0, 0));
  EXPECT_EQ(sample_vec3(c, 4.0f), vec3(10, 20, 0));
  EXPECT_NEAR(sample_vec3(c, 1.5f).x, 5.0f, 1e-6f);
  EXPECT_NEAR(sample_vec3(c, 3.0f).y, 10.0f, 1e-6f);
  // Before the first key: the first value; after the last: the last.
  EXPECT_EQ(sample_vec3(c, 0.0f), vec3(0, 0, 0));
  EXPECT_EQ(sample_vec3(c, 9.0f), vec3(10, 20, 0));
}

TEST(Sampling, StepHoldsTheKeyBefore) {
  const Channel c = translation_channel(pack::Interpolation::Step);
  EXPECT_EQ(sample_vec3(c, 1.99f), vec3(0, 0, 0));
  EXPECT_EQ(sample_vec3(c, 2.0f), vec3(10, 0, 0));
  EXPECT_EQ(sample_vec3(c, 3.9f), vec3(10, 0, 0));
  EXPECT_EQ(sample_vec3(c, 4.0f), vec3(10, 20, 0));
}

TEST(Sampling, SlerpMidpointAndShorterArc) {
  Channel c;
  c.path = pack::AnimationPath::Rotation;
  c.times = {0.0f, 1.0f};
  const quat a(1, 0, 0, 0);
  const quat b = glm::angleAxis(glm::radians(90.0f), vec3(0, 1, 0));
  c.values = {a.x, a.y, a.z, a.w, b.x, b.y, b.z, b.w};
  const quat mid = sample_quat(c, 0.5f);
  const quat expected = glm::angleAxis(glm::radians(45.0f), vec3(0, 1, 0));
  EXPECT_NEAR(std::abs(glm::dot(mid, expected)), 1.0f, 1e-5f);
  // The same end stored negated (the same rotation): still the 45-degree midpoint, not a long way round.
  c.values = {a.x, a.y, a.z, a.w, -b.x, -b.y, -b.z, -b.w};
  EXPECT_NEAR(std::abs(glm::dot(sample_quat(c, 0.5f), expected)), 1.0f, 1e-5f);
  EXPECT_NEAR(std::abs(glm::dot(sample_quat(c, 1.0f), b)), 1.0f, 1e-6f);
}

TEST(Sampling, ClipTimeWrapsWhenLoopingAndClampsOtherwise) {
  EXPECT_FLOAT_EQ(clip_local_time(2.5, 2.0f, true), 0.5f);
  EXPECT_FLOAT_EQ(clip_local_time(-0.5, 2.0f, true), 1.5f);
  EXPECT_FLOAT_EQ(clip_local_time(4.0, 2.0f, true), 0.0f);
  EXPECT_LT(clip_local_time(1.9999999, 2.0f, true), 2.0f);
  EXPECT_FLOAT_EQ(clip_local_time(2.5, 2.0f, false), 2.0f);
  EXPECT_FLOAT_EQ(clip_local_time(-1.0, 2.0f, false), 0.0f);
  EXPECT_FLOAT_EQ(clip_local_time(1.25, 2.0f, false), 1.25f);
  EXPECT_FLOAT_EQ(clip_local_time(3.0, 0.0f, true), 0.0f);
  EXPECT_FLOAT_EQ(clip_local_time(std::nan(""), 2.0f, true), 0.0f);
}

// Two bones along +Y: the root at the origin, the second one unit up. The mesh's bind pose is the skeleton at rest.
Skeleton two_bones() {
  Skeleton s;
  s.parents = {-1, 0};
  s.rest.resize(2);
  s.rest[1].translation = vec3(0, 1, 0);
  s.names = {"root", "tip"};
  Skin skin;
  skin.joints = {0, 1};
  skin.inverse_binds = {mat4(1.0f), glm::translate(mat4(1.0f), vec3(0, -1, 0))};
  s.skins.push_back(skin);
  return s;
}

TEST(Pose, JointMatricesOfATwoBoneSkeleton) {
  const Skeleton s = two_bones();
  Clip clip;
  Channel bend;
  bend.node = 1;
  bend.path = pack::AnimationPath::Rotation;
  bend.times = {0.0f, 1.0f};
  const quat q0(1, 0, 0, 0), q1 = glm::angleAxis(glm::radians(90.0f), vec3(0, 0, 1));
  bend.values = {q0.x, q0.y, q0.z, q0.w, q1.x, q1.y, q1.z, q1.w};
  clip.channels.push_back(bend);
  clip.duration = 1.0f;

  std::vector<Trs> locals;
  std::vector<mat4> globals, palette;
  // At rest every joint matrix is the identity: the bind pose is the rest pose.
  sample_pose(s, &clip, 0.0f, locals);
  compute_globals(s, locals, globals);
  append_joint_matrices(s.skins[0], globals, mat4(1.0f), palette);
  ASSERT_EQ(palette.size(), 2u);
  for (const mat4& m : palette)
    for (int c = 0; c < 4; ++c)
      for (int r = 0; r < 4; ++r) EXPECT_NEAR(m[c][r], c == r ? 1.0f : 0.0f, 1e-6f);

  // Bent 90 degrees about +Z at the tip: a vertex at (0, 2, 0) bound to the tip swings to (-1, 1, 0); the root's
  // matrix stays the identity.
  palette.clear();
  sample_pose(s, &clip, 1.0f, locals);
  compute_globals(s, locals, globals);
  const mat4 dequantise = glm::scale(mat4(1.0f), vec3(2.0f));  // folded in: the vertex arrives as (0, 1, 0)
  append_joint_matrices(s.skins[0], globals, dequantise, palette);
  const vec3 tip = vec3(palette[1] * vec4(0, 1, 0, 1));
  EXPECT_NEAR(tip.x, -1.0f, 1e-5f);
  EXPECT_NEAR(tip.y, 1.0f, 1e-5f);
  EXPECT_NEAR(tip.z, 0.0f, 1e-5f);
  const vec3 base = vec3(palette[0] * vec4(0, 0.25f, 0, 1));
  EXPECT_NEAR(base.y, 0.5f, 1e-6f);
  // Halfway: 45 degrees.
  palette.clear();
  sample_pose(s, &clip, 0.5f, locals);
  compute_globals(s, locals, globals);
  append_joint_matrices(s.skins[0], globals, mat4(1.0f), palette);
  const vec3 half = vec3(palette[1] * vec4(0, 2, 0, 1));
  EXPECT_NEAR(half.x, -std::sqrt(0.5f), 1e-5f);
  EXPECT_NEAR(half.y, 1.0f + std::sqrt(0.5f), 1e-5f);
}

}  // namespace
}  // namespace liyuan::anim
