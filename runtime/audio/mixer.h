// Mixer buses: a volume per bus (narration, ambience, music, effects) under a master volume, and the ducking of
// ambience and music while narration speaks, ramped smoothly so the bed never jumps.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace liyuan::audio {

enum class Bus : uint8_t { Narration = 0, Ambience = 1, Music = 2, Effects = 3 };
inline constexpr size_t kBusCount = 4;

// "narration", "ambience", "music", "effects".
std::string_view bus_name(Bus bus);
// The bus named NAME, or nullopt.
std::optional<Bus> parse_bus(std::string_view name);

struct DuckingOptions {
  float level = 0.35f;         // ambience and music gain while narration speaks
  double attack_seconds = 0.25;   // time to fall from 1 to LEVEL
  double release_seconds = 0.6;   // time to come back up
};

class Mixer {
 public:
  explicit Mixer(DuckingOptions ducking = {}) : ducking_(ducking) {}

  // Volumes: 0 is silent, 1 as authored (values above 1 amplify; negative is taken as 0).
  void set_master(float volume) { master_ = volume > 0.0f ? volume : 0.0f; }
  float master() const { return master_; }
  void set_bus_volume(Bus bus, float volume) { volume_[size_t(bus)] = volume > 0.0f ? volume : 0.0f; }
  float bus_volume(Bus bus) const { return volume_[size_t(bus)]; }

  // Moves the duck gain DT seconds towards its target: LEVEL while NARRATION_SPEAKING, else 1.
  void advance(bool narration_speaking, double dt);
  // The gain of BUS now: its volume times the duck gain for ambience and music (master is applied by the listener).
  float bus_gain(Bus bus) const;

 private:
  DuckingOptions ducking_;
  float master_ = 1.0f;
  std::array<float, kBusCount> volume_{1.0f, 1.0f, 1.0f, 1.0f};
  float duck_ = 1.0f;
};

}  // namespace liyuan::audio
