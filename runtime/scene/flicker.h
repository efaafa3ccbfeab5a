// Lantern flicker: smooth, deterministic 1-D value noise, so a frame at time t looks the same on every headset
// and on every replay (evaluation stays a pure function of t).
#pragma once

#include <cstdint>

#include "scene/components.h"

namespace liyuan::scene {

// Smooth noise in [-1, 1] at X; SEED gives independent lanterns independent noise.
float value_noise(double x, uint32_t seed);

// The factor FLICKER multiplies a light's intensity by at time T: 1 + amount * noise(speed * t), never below 0.
float flicker_factor(const Flicker& flicker, double t, uint32_t seed);

}  // namespace liyuan::scene
