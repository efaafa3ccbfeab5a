#include "scene/easing.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace liyuan::scene {
namespace {

struct Expected {
  Easing easing;
  double at_quarter;
  double at_half;
};

// Values from the formulas written out by hand (Penner's equations; smoothstep 3u² − 2u³).
const Expected kExpected[] = {
    {Easing::Linear, 0.25, 0.5},
    {Easing::EaseInQuad, 0.0625, 0.25},
    {Easing::EaseOutQuad, 0.4375, 0.75},
    {Easing::EaseInOutQuad, 0.125, 0.5},
    {Easing::EaseInCubic, 0.015625, 0.125},
    {Easing::EaseOutCubic, 0.578125, 0.875},
    {Easing::EaseInOutCubic, 0.0625, 0.5},
    {Easing::EaseInSine, 1.0 - std::cos(std::numbers::pi / 8), 1.0 - std::cos(std::numbers::pi / 4)},
    {Easing::EaseOutSine, std::sin(std::numbers::pi / 8), std::sin(std::numbers::pi / 4)},
    {Easing::EaseInOutSine, 0.5 * (1.0 - std::cos(std::numbers::pi / 4)), 0.5},
    {Easing::Smoothstep, 0.15625, 0.5},
};

TEST(Easing, EveryEasingHasItsKnownValues) {
  ASSERT_EQ(std::size(kExpected), easing_names().size()) << "an easing was added without expected values";
  for (const Expected& e : kExpected) {
    SCOPED_TRACE(std::string(easing_name(e.easing)));
    EXPECT_DOUBLE_EQ(apply_easing(e.easing, 0.0), 0.0);
    EXPECT_NEAR(apply_easing(e.easing, 1.0), 1.0, 1e-12);
    EXPECT_NEAR(apply_easing(e.easing, 0.25), e.at_quarter, 1e-12);
    EXPECT_NEAR(apply_easing(e.easing, 0.5), e.at_half, 1e-12);
  }
}

TEST(Easing, EveryEasingIsMonotonicAndClamped) {
  for (std::string_view name : easing_names()) {
    Easing easing = *easing_from_name(name);
    double previous = 0.0;
    for (int i = 0; i <= 100; ++i) {
      double v = apply_easing(easing, i / 100.0);
      EXPECT_GE(v, previous - 1e-12) << name << " at " << i / 100.0;
      previous = v;
    }
    EXPECT_EQ(apply_easing(easing, -1.0), 0.0) << name;
    EXPECT_NEAR(apply_easing(easing, 2.0), 1.0, 1e-12) << name;
  }
}

TEST(Easing, NamesRoundTripAndUnknownNamesAreRejected) {
  for (std::string_view name : easing_names()) EXPECT_EQ(easing_name(*easing_from_name(name)), name);
  EXPECT_EQ(easing_from_name("ease-in-out-sine"), Easing::EaseInOutSine);
  EXPECT_FALSE(easing_from_name("ease-in-out-bounce"));
  EXPECT_FALSE(easing_from_name("Linear"));
}

}  // namespace
}  // namespace liyuan::scene
