#include "audio/mixer.h"

#include <algorithm>

namespace liyuan::audio {

namespace {
constexpr std::string_view kBusNames[kBusCount] = {"narration", "ambience", "music", "effects"};
}

std::string_view bus_name(Bus bus) { return kBusNames[size_t(bus)]; }

std::optional<Bus> parse_bus(std::string_view name) {
  for (size_t i = 0; i < kBusCount; ++i) {
    if (kBusNames[i] == name) return Bus(i);
  }
  return std::nullopt;
}

void Mixer::advance(bool narration_speaking, double dt) {
  const float target = narration_speaking ? ducking_.level : 1.0f;
  const double span = 1.0 - ducking_.level;
  if (duck_ > target) {
    const double step = ducking_.attack_seconds > 0.0 ? span * dt / ducking_.attack_seconds : 1.0;
    duck_ = std::max(target, float(duck_ - step));
  } else if (duck_ < target) {
    const double step = ducking_.release_seconds > 0.0 ? span * dt / ducking_.release_seconds : 1.0;
    duck_ = std::min(target, float(duck_ + step));
  }
}

float Mixer::bus_gain(Bus bus) const {
  const float volume = volume_[size_t(bus)];
  return bus == Bus::Ambience || bus == Bus::Music ? volume * duck_ : volume;
}

}  // namespace liyuan::audio
