#include "audio/audio_device.h"

#include <cstdlib>
#include <filesystem>

#include <AL/al.h>
#include <AL/alc.h>
#include <AL/alext.h>
#include <fmt/format.h>

#include "core/log.h"

namespace liyuan::audio {
namespace {

// Creates a context on DEVICE with ATTRIBUTES and makes it current; null on failure.
ALCcontext* make_current_context(ALCdevice* device, const ALCint* attributes) {
  ALCcontext* context = alcCreateContext(device, attributes);
  if (!context) return nullptr;
  if (!alcMakeContextCurrent(context)) {
    alcDestroyContext(context);
    return nullptr;
  }
  return context;
}

bool hrtf_status(ALCdevice* device) {
  ALCint status = ALC_HRTF_DISABLED_SOFT;
  alcGetIntegerv(device, ALC_HRTF_SOFT, 1, &status);
  return status == ALC_TRUE;
}

// Whether this machine could have a sound device at all: a sound server's socket or a sound card. Without either,
// asking OpenAL Soft for one only makes ALSA print errors on stderr before it fails.
bool sound_output_may_exist() {
  namespace fs = std::filesystem;
  std::error_code error;
  if (std::getenv("PULSE_SERVER")) return true;
  if (const char* runtime = std::getenv("XDG_RUNTIME_DIR"))
    for (const char* socket : {"pulse/native", "pipewire-0"})
      if (fs::exists(fs::path(runtime) / socket, error)) return true;
  for (const auto& entry : fs::directory_iterator("/dev/snd", error))
    if (entry.path().filename().string().rfind("pcm", 0) == 0) return true;
  return false;
}

}  // namespace

Result<std::unique_ptr<AudioDevice>> AudioDevice::open(const DeviceOptions& options) {
  std::unique_ptr<AudioDevice> out(new AudioDevice());
  const ALCint hrtf = options.hrtf ? ALC_TRUE : ALC_FALSE;
  if (options.kind == OutputKind::Device) {
    out->device_ = sound_output_may_exist() ? alcOpenDevice(nullptr) : nullptr;
    if (out->device_) {
      const ALCint attributes[] = {ALC_HRTF_SOFT, hrtf, 0};
      out->context_ = make_current_context(out->device_, attributes);
      if (!out->context_) {
        alcCloseDevice(out->device_);
        out->device_ = nullptr;
      }
    }
    if (out->device_) {
      out->kind_ = OutputKind::Device;
      alcGetIntegerv(out->device_, ALC_FREQUENCY, 1, &out->sample_rate_);
      out->hrtf_enabled_ = hrtf_status(out->device_);
      const ALCchar* name = alcGetString(out->device_, ALC_ALL_DEVICES_SPECIFIER);
      out->description_ = fmt::format("device '{}', {} Hz, HRTF {}", name ? name : "default", out->sample_rate_,
                                      out->hrtf_enabled_ ? "on" : "off");
      return out;
    }
    log::info("audio: no sound device could be opened; mixing through the loopback device instead (nothing is heard)");
  }
  out->device_ = alcLoopbackOpenDeviceSOFT(nullptr);
  if (!out->device_) return make_error("audio: OpenAL Soft's loopback device cannot be opened");
  if (!alcIsRenderFormatSupportedSOFT(out->device_, options.sample_rate, ALC_STEREO_SOFT, ALC_FLOAT_SOFT)) {
    alcCloseDevice(out->device_);
    out->device_ = nullptr;
    return make_error(fmt::format("audio: the loopback device cannot mix stereo floats at {} Hz", options.sample_rate));
  }
  const ALCint attributes[] = {ALC_FORMAT_CHANNELS_SOFT, ALC_STEREO_SOFT, ALC_FORMAT_TYPE_SOFT, ALC_FLOAT_SOFT,
                               ALC_FREQUENCY, options.sample_rate, ALC_HRTF_SOFT, hrtf, 0};
  out->context_ = make_current_context(out->device_, attributes);
  if (!out->context_) {
    alcCloseDevice(out->device_);
    out->device_ = nullptr;
    return make_error("audio: no context could be created on the loopback device");
  }
  out->kind_ = OutputKind::Loopback;
  out->sample_rate_ = options.sample_rate;
  out->hrtf_enabled_ = hrtf_status(out->device_);
  out->description_ = fmt::format("loopback, {} Hz, stereo, HRTF {}", out->sample_rate_,
                                  out->hrtf_enabled_ ? "on" : "off");
  return out;
}

AudioDevice::~AudioDevice() {
  if (context_) {
    if (alcGetCurrentContext() == context_) alcMakeContextCurrent(nullptr);
    alcDestroyContext(context_);
  }
  if (device_) alcCloseDevice(device_);
}

std::vector<float> AudioDevice::render(int frames) {
  if (kind_ != OutputKind::Loopback || frames <= 0) return {};
  std::vector<float> samples(size_t(frames) * 2);
  alcRenderSamplesSOFT(device_, samples.data(), frames);
  return samples;
}

}  // namespace liyuan::audio
