#include "scene/flicker.h"

#include <algorithm>
#include <cmath>

namespace liyuan::scene {
namespace {

// A 32-bit integer hash (Chris Wellons' lowbias32) mapped to [-1, 1].
float lattice_value(int64_t i, uint32_t seed) {
  uint32_t x = static_cast<uint32_t>(i) ^ (seed * 0x9E3779B9u);
  x ^= x >> 16;
  x *= 0x7feb352du;
  x ^= x >> 15;
  x *= 0x846ca68bu;
  x ^= x >> 16;
  return static_cast<float>(x) / 2147483647.5f - 1.0f;
}

}  // namespace

float value_noise(double x, uint32_t seed) {
  if (!(std::abs(x) < 1e15)) x = std::isfinite(x) ? std::fmod(x, 1e6) : 0.0;  // keeps the cast below defined
  double cell = std::floor(x);
  auto i = static_cast<int64_t>(cell);
  auto f = static_cast<float>(x - cell);
  float s = f * f * (3.0f - 2.0f * f);
  return lattice_value(i, seed) + (lattice_value(i + 1, seed) - lattice_value(i, seed)) * s;
}

float flicker_factor(const Flicker& flicker, double t, uint32_t seed) {
  if (flicker.amount <= 0.0f) return 1.0f;
  return std::max(0.0f, 1.0f + flicker.amount * value_noise(t * flicker.speed, seed));
}

}  // namespace liyuan::scene
