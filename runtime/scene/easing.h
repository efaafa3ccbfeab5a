// Named easing curves: maps progress u in [0, 1] to eased progress in [0, 1], with e(0) = 0 and e(1) = 1.
// Formulas after Robert Penner's easing equations (quad, cubic, sine) and the Hermite smoothstep 3u² − 2u³.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace liyuan::scene {

enum class Easing : uint8_t {
  Linear,
  EaseInQuad,
  EaseOutQuad,
  EaseInOutQuad,
  EaseInCubic,
  EaseOutCubic,
  EaseInOutCubic,
  EaseInSine,
  EaseOutSine,
  EaseInOutSine,
  Smoothstep,
};

// EASING applied to U; U is clamped to [0, 1] first.
double apply_easing(Easing easing, double u);

// The easing named NAME as written in scene files ("linear", "ease-in-quad", ..., "smoothstep"), or nothing.
std::optional<Easing> easing_from_name(std::string_view name);
// The scene-file name of EASING.
std::string_view easing_name(Easing easing);
// Every name easing_from_name accepts, in enum order (for messages and the schema test).
std::span<const std::string_view> easing_names();

}  // namespace liyuan::scene
