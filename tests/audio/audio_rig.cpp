#include "audio_rig.h"

#include <gtest/gtest.h>
#include <sndfile.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <numbers>

#include "scene/timeline_evaluate.h"

namespace liyuan::audio::test {

void write_tone(const std::filesystem::path& path, int format, double frequency, double seconds, double amplitude,
                int channels) {
  SF_INFO info{};
  info.samplerate = kRate;
  info.channels = channels;
  info.format = format;
  SNDFILE* sf = sf_open(path.c_str(), SFM_WRITE, &info);
  ASSERT_NE(sf, nullptr) << path << ": " << sf_strerror(nullptr);
  const size_t frames = size_t(std::llround(seconds * kRate));
  std::vector<float> samples(frames * size_t(channels));
  for (size_t i = 0; i < frames; ++i) {
    const float v = float(amplitude * std::sin(2.0 * std::numbers::pi * frequency * double(i) / kRate));
    for (int c = 0; c < channels; ++c) samples[i * size_t(channels) + size_t(c)] = v;
  }
  sf_writef_float(sf, samples.data(), sf_count_t(frames));
  sf_close(sf);
}

std::vector<std::byte> read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<char> chars((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::byte> out(chars.size());
  std::memcpy(out.data(), chars.data(), chars.size());
  return out;
}

double Capture::onset(double from, double to, float threshold) const {
  const size_t frames = stereo.size() / 2;
  for (size_t i = size_t(std::max(0.0, from) * kRate); i < frames && double(i) / kRate < to; ++i) {
    if (std::abs(stereo[2 * i]) > threshold || std::abs(stereo[2 * i + 1]) > threshold) return double(i) / kRate;
  }
  return -1.0;
}

double Capture::last_sound(double from, double to, float threshold) const {
  const size_t frames = stereo.size() / 2;
  size_t end = std::min(frames, size_t(std::max(0.0, to) * kRate));
  for (size_t i = end; i-- > size_t(std::max(0.0, from) * kRate);) {
    if (std::abs(stereo[2 * i]) > threshold || std::abs(stereo[2 * i + 1]) > threshold) return double(i) / kRate;
  }
  return -1.0;
}

double Capture::longest_silence(double from, double to, float threshold) const {
  const size_t frames = stereo.size() / 2;
  size_t longest = 0, run = 0;
  for (size_t i = size_t(std::max(0.0, from) * kRate); i < frames && i < size_t(to * kRate); ++i) {
    const bool quiet = std::abs(stereo[2 * i]) <= threshold && std::abs(stereo[2 * i + 1]) <= threshold;
    run = quiet ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return double(longest) / kRate;
}

double Capture::rms(int channel, double from, double to) const {
  const size_t frames = stereo.size() / 2;
  double sum = 0.0;
  size_t n = 0;
  for (size_t i = size_t(from * kRate); i < frames && i < size_t(to * kRate); ++i, ++n) {
    sum += double(stereo[2 * i + size_t(channel)]) * stereo[2 * i + size_t(channel)];
  }
  return n ? std::sqrt(sum / double(n)) : 0.0;
}

double Capture::tone(double frequency, double from, double to) const {
  const size_t frames = stereo.size() / 2;
  const double w = 2.0 * std::numbers::pi * frequency / kRate;
  double s1 = 0.0, s2 = 0.0;
  size_t n = 0;
  for (size_t i = size_t(from * kRate); i < frames && i < size_t(to * kRate); ++i, ++n) {
    const double x = 0.5 * (double(stereo[2 * i]) + stereo[2 * i + 1]);
    const double s = x + 2.0 * std::cos(w) * s1 - s2;
    s2 = s1;
    s1 = s;
  }
  const double power = s1 * s1 + s2 * s2 - 2.0 * std::cos(w) * s1 * s2;
  return n ? 2.0 * std::sqrt(std::max(0.0, power)) / double(n) : 0.0;
}

void Capture::save(const std::filesystem::path& path) const {
  SF_INFO info{};
  info.samplerate = kRate;
  info.channels = 2;
  info.format = SF_FORMAT_WAV | SF_FORMAT_FLOAT;
  SNDFILE* sf = sf_open(path.c_str(), SFM_WRITE, &info);
  if (!sf) return;
  sf_writef_float(sf, stereo.data(), sf_count_t(stereo.size() / 2));
  sf_close(sf);
}

LoopbackRig::LoopbackRig() {
  auto device = AudioDevice::open(DeviceOptions{OutputKind::Loopback, kRate, false});
  EXPECT_TRUE(device) << (device ? "" : device.error().to_string());
  if (device) device_ = std::move(*device);
  library_ = std::make_unique<ClipLibrary>();
  director_ = std::make_unique<SyncDirector>(*library_, mixer_);
}

void LoopbackRig::step(const scene::Timeline& timeline, const scene::SceneGraph& graph, scene::Playhead& playhead,
                       double dt, const std::string& locale, const SoundLookup& sounds, const ListenerPose& listener,
                       double audio_clock_rate) {
  const scene::FrameState state = scene::evaluate(timeline, graph, playhead.time());
  ScheduleInput input{&timeline, &graph, &state, &playhead, dt, locale, sounds};
  director_->update(DirectorFrame{schedule_voices(input), listener, playhead.paused(), dt});
  wall_ += dt;
  audio_ += dt * audio_clock_rate;
  const int64_t target = std::llround(audio_ * kRate);
  std::vector<float> mixed = device_->render(int(target - rendered_));
  rendered_ = target;
  capture_.stereo.insert(capture_.stereo.end(), mixed.begin(), mixed.end());
  playhead.advance(dt);
}

void LoopbackRig::run_until(double seconds, const scene::Timeline& timeline, const scene::SceneGraph& graph,
                            scene::Playhead& playhead, double dt, const std::string& locale,
                            const SoundLookup& sounds) {
  while (capture_.seconds() < seconds - 1e-9) step(timeline, graph, playhead, dt, locale, sounds);
}

scene::Timeline cue_timeline(double duration, const std::vector<std::pair<double, std::string>>& cues) {
  scene::Timeline timeline;
  timeline.duration = duration;
  for (const auto& [at, key] : cues) {
    scene::AudioCue cue;
    cue.at = at;
    cue.clip_key = key;
    timeline.audio_cues.push_back(cue);
  }
  return timeline;
}

}  // namespace liyuan::audio::test
