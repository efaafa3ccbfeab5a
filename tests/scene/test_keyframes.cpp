#include "scene/keyframes.h"

#include <gtest/gtest.h>

#include <vector>

namespace liyuan::scene {
namespace {

Keyframe key(double t, float v, Interpolation interpolation = Interpolation::Linear, Easing easing = Easing::Linear) {
  return Keyframe{t, vec4(v), interpolation, easing};
}

Keyframe rotation_key(double t, const quat& q, Interpolation interpolation = Interpolation::Linear) {
  return Keyframe{t, vec4(q.x, q.y, q.z, q.w), interpolation, Easing::Linear};
}

float at(const std::vector<Keyframe>& keys, double t) { return sample_keys(keys, t, false).x; }

TEST(Keyframes, StepHoldsUntilTheNextKey) {
  std::vector<Keyframe> keys{key(1, 10, Interpolation::Step), key(2, 20, Interpolation::Step), key(4, 40)};
  EXPECT_EQ(at(keys, 0.0), 10.0f);   // before the first key
  EXPECT_EQ(at(keys, 1.0), 10.0f);
  EXPECT_EQ(at(keys, 1.999), 10.0f);
  EXPECT_EQ(at(keys, 2.0), 20.0f);   // exactly at a key: that key's value
  EXPECT_EQ(at(keys, 3.5), 20.0f);
  EXPECT_EQ(at(keys, 4.0), 40.0f);
  EXPECT_EQ(at(keys, 9.0), 40.0f);   // after the last key
}

TEST(Keyframes, LinearInterpolatesBetweenKeysAndHoldsOutside) {
  std::vector<Keyframe> keys{key(0, 0), key(2, 10), key(3, 4)};
  EXPECT_FLOAT_EQ(at(keys, -1.0), 0.0f);
  EXPECT_FLOAT_EQ(at(keys, 0.0), 0.0f);
  EXPECT_FLOAT_EQ(at(keys, 0.5), 2.5f);
  EXPECT_FLOAT_EQ(at(keys, 2.0), 10.0f);
  EXPECT_FLOAT_EQ(at(keys, 2.5), 7.0f);
  EXPECT_FLOAT_EQ(at(keys, 3.0), 4.0f);
  EXPECT_FLOAT_EQ(at(keys, 100.0), 4.0f);
}

TEST(Keyframes, EasingReshapesTimeBetweenKeys) {
  std::vector<Keyframe> keys{key(0, 0, Interpolation::Linear, Easing::EaseInQuad), key(2, 8)};
  EXPECT_FLOAT_EQ(at(keys, 1.0), 2.0f);  // u = 0.5 -> 0.25 of the way
  EXPECT_FLOAT_EQ(at(keys, 2.0), 8.0f);
  keys[0].easing = Easing::Smoothstep;
  EXPECT_FLOAT_EQ(at(keys, 0.5), 8.0f * 0.15625f);
}

TEST(Keyframes, SingleKeyIsConstant) {
  std::vector<Keyframe> keys{key(5, 3)};
  EXPECT_EQ(at(keys, 0.0), 3.0f);
  EXPECT_EQ(at(keys, 5.0), 3.0f);
  EXPECT_EQ(at(keys, 50.0), 3.0f);
}

TEST(Keyframes, CubicIsCatmullRomThroughTheKeys) {
  using enum Interpolation;
  // Evenly spaced keys on a line: Catmull-Rom reproduces the line exactly.
  std::vector<Keyframe> line{key(0, 0, Cubic), key(1, 1, Cubic), key(2, 2, Cubic), key(3, 3, Cubic)};
  EXPECT_NEAR(at(line, 1.5), 1.5f, 1e-6);
  EXPECT_NEAR(at(line, 0.25), 0.25f, 1e-6);
  // 0, 1, 0 at t = 0, 1, 2: tangents 1 (one-sided) at the first key and 0 at the peak. Hermite at u = 0.5:
  // 0.5·0 + 0.125·1 + 0.5·1 − 0.125·0 = 0.625.
  std::vector<Keyframe> peak{key(0, 0, Cubic), key(1, 1, Cubic), key(2, 0, Cubic)};
  EXPECT_FLOAT_EQ(at(peak, 0.5), 0.625f);
  EXPECT_FLOAT_EQ(at(peak, 1.5), 0.625f);
  EXPECT_FLOAT_EQ(at(peak, 1.0), 1.0f);
  EXPECT_FLOAT_EQ(at(peak, 2.0), 0.0f);
  // Linear would give 0.5 there: cubic is not linear.
  peak[0].interpolation = Linear;
  EXPECT_FLOAT_EQ(at(peak, 0.5), 0.5f);
}

TEST(Keyframes, VectorsInterpolatePerComponent) {
  std::vector<Keyframe> keys{Keyframe{0, vec4(0, 10, -2, 0)}, Keyframe{1, vec4(4, 20, 2, 0)}};
  vec4 v = sample_keys(keys, 0.25, false);
  EXPECT_FLOAT_EQ(v.x, 1.0f);
  EXPECT_FLOAT_EQ(v.y, 12.5f);
  EXPECT_FLOAT_EQ(v.z, -1.0f);
}

TEST(Keyframes, RotationsSlerpAlongTheShorterArc) {
  quat a = glm::angleAxis(0.0f, vec3(0, 1, 0));
  quat b = glm::angleAxis(glm::radians(90.0f), vec3(0, 1, 0));
  std::vector<Keyframe> keys{rotation_key(0, a), rotation_key(1, b)};
  vec4 v = sample_keys(keys, 0.5, true);
  quat half(v.w, v.x, v.y, v.z);
  EXPECT_NEAR(glm::degrees(glm::angle(half)), 45.0f, 1e-3f);
  // The same end rotation written as −q: still 45 degrees, not the long way round (which would be 135).
  keys[1] = rotation_key(1, -b);
  v = sample_keys(keys, 0.5, true);
  half = quat(v.w, v.x, v.y, v.z);
  vec3 forward = half * vec3(0, 0, -1);
  EXPECT_NEAR(forward.x, -std::sin(glm::radians(45.0f)), 1e-4f);
  EXPECT_NEAR(forward.z, -std::cos(glm::radians(45.0f)), 1e-4f);
}

TEST(Keyframes, CubicRotationsPassThroughKeysAndStayUnit) {
  using enum Interpolation;
  std::vector<Keyframe> keys;
  for (int i = 0; i < 4; ++i) {
    keys.push_back(rotation_key(i, glm::angleAxis(glm::radians(30.0f * i), glm::normalize(vec3(0, 1, 0.2f * i))), Cubic));
  }
  for (int i = 0; i < 4; ++i) {
    vec4 v = sample_keys(keys, i, true);
    EXPECT_NEAR(std::abs(glm::dot(v, keys[static_cast<size_t>(i)].value)), 1.0f, 1e-5f);
  }
  for (double t = 0.0; t <= 3.0; t += 0.1) EXPECT_NEAR(glm::length(sample_keys(keys, t, true)), 1.0f, 1e-5f);
}

}  // namespace
}  // namespace liyuan::scene
