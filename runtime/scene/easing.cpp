#include "scene/easing.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace liyuan::scene {
namespace {

constexpr std::string_view kNames[] = {
    "linear",       "ease-in-quad", "ease-out-quad",   "ease-in-out-quad", "ease-in-cubic", "ease-out-cubic",
    "ease-in-out-cubic", "ease-in-sine", "ease-out-sine", "ease-in-out-sine", "smoothstep"};

}  // namespace

double apply_easing(Easing easing, double u) {
  u = std::clamp(u, 0.0, 1.0);
  constexpr double pi = std::numbers::pi;
  switch (easing) {
    case Easing::Linear: return u;
    case Easing::EaseInQuad: return u * u;
    case Easing::EaseOutQuad: return 1.0 - (1.0 - u) * (1.0 - u);
    case Easing::EaseInOutQuad: return u < 0.5 ? 2.0 * u * u : 1.0 - 2.0 * (1.0 - u) * (1.0 - u);
    case Easing::EaseInCubic: return u * u * u;
    case Easing::EaseOutCubic: return 1.0 - (1.0 - u) * (1.0 - u) * (1.0 - u);
    case Easing::EaseInOutCubic: return u < 0.5 ? 4.0 * u * u * u : 1.0 - 4.0 * (1.0 - u) * (1.0 - u) * (1.0 - u);
    case Easing::EaseInSine: return 1.0 - std::cos(u * pi / 2.0);
    case Easing::EaseOutSine: return std::sin(u * pi / 2.0);
    case Easing::EaseInOutSine: return 0.5 * (1.0 - std::cos(u * pi));
    case Easing::Smoothstep: return u * u * (3.0 - 2.0 * u);
  }
  return u;
}

std::optional<Easing> easing_from_name(std::string_view name) {
  for (size_t i = 0; i < std::size(kNames); ++i) {
    if (kNames[i] == name) return static_cast<Easing>(i);
  }
  return std::nullopt;
}

std::string_view easing_name(Easing easing) { return kNames[static_cast<size_t>(easing)]; }

std::span<const std::string_view> easing_names() { return kNames; }

}  // namespace liyuan::scene
