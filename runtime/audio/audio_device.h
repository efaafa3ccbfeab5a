// The audio output: an OpenAL Soft context on the system's sound device, or on OpenAL Soft's loopback device, which
// mixes only when asked (render()) so that tests and offscreen runs can capture exactly what would be heard.
// OpenAL keeps one current context per process: one AudioDevice at a time.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/error.h"

struct ALCdevice_struct;
struct ALCcontext_struct;

namespace liyuan::audio {

enum class OutputKind {
  Device,    // the system's default sound device; falls back to Loopback (one line says why) when it cannot open
  Loopback,  // no device: samples are mixed when render() is called
};

struct DeviceOptions {
  OutputKind kind = OutputKind::Device;
  int sample_rate = 48000;  // loopback only; a sound device keeps its own rate
  bool hrtf = false;        // ask for head-related transfer functions (a headset); the device may refuse
};

class AudioDevice {
 public:
  // Opens the output OPTIONS ask for and makes its context current. Device falls back to Loopback when the system
  // has no usable sound device (logged in one line); fails only when even the loopback device cannot be made.
  static Result<std::unique_ptr<AudioDevice>> open(const DeviceOptions& options);
  ~AudioDevice();
  AudioDevice(const AudioDevice&) = delete;
  AudioDevice& operator=(const AudioDevice&) = delete;

  OutputKind kind() const { return kind_; }
  int sample_rate() const { return sample_rate_; }
  bool hrtf_enabled() const { return hrtf_enabled_; }
  // "loopback, 48000 Hz, stereo" or "device 'OpenAL Soft', HRTF on": for the one-line log.
  const std::string& description() const { return description_; }

  // Loopback only: mixes the next FRAMES sample frames and returns them as interleaved stereo floats (left, right).
  // Empty on a sound device (it mixes on its own clock).
  std::vector<float> render(int frames);

 private:
  AudioDevice() = default;
  ALCdevice_struct* device_ = nullptr;
  ALCcontext_struct* context_ = nullptr;
  OutputKind kind_ = OutputKind::Loopback;
  int sample_rate_ = 0;
  bool hrtf_enabled_ = false;
  std::string description_;
};

}  // namespace liyuan::audio
