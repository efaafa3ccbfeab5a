// Test rig for the audio runtime: sound files generated with libsndfile, and a loopback device driven frame by frame
// with a fixed step, capturing every mixed sample so tests can measure when (and where) each sound is heard.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "audio/audio_device.h"
#include "audio/clip_library.h"
#include "audio/cue_schedule.h"
#include "audio/mixer.h"
#include "audio/sync_director.h"
#include "scene/playhead.h"
#include "scene/scene_graph.h"
#include "scene/timeline.h"
#include "support/test_support.h"

namespace liyuan::audio::test {

using ::liyuan::test::output_dir;

inline constexpr int kRate = 48000;

// Writes a sine tone of FREQUENCY Hz, SECONDS long at AMPLITUDE (starting at phase 0, no fade: a sharp onset) to
// PATH. FORMAT is a libsndfile format (SF_FORMAT_WAV | SF_FORMAT_PCM_16, FLAC, Ogg Vorbis ...).
void write_tone(const std::filesystem::path& path, int format, double frequency, double seconds,
                double amplitude = 0.5, int channels = 1);
std::vector<std::byte> read_bytes(const std::filesystem::path& path);

// Interleaved stereo samples at kRate, as mixed.
struct Capture {
  std::vector<float> stereo;

  double seconds() const { return double(stereo.size() / 2) / kRate; }
  // The first time (seconds from the capture's start) at or after FROM where either channel exceeds THRESHOLD; -1
  // when there is none before TO.
  double onset(double from, double to = 1e9, float threshold = 0.02f) const;
  // The last time before TO (and after FROM) where either channel exceeds THRESHOLD; -1 when none.
  double last_sound(double from, double to, float threshold = 0.02f) const;
  // The longest stretch in [FROM, TO) where both channels stay within THRESHOLD, in seconds.
  double longest_silence(double from, double to, float threshold = 0.02f) const;
  // RMS of CHANNEL (0 left, 1 right) over [FROM, TO).
  double rms(int channel, double from, double to) const;
  // Magnitude of FREQUENCY in the left+right mix over [FROM, TO) (Goertzel), normalised to the window.
  double tone(double frequency, double from, double to) const;
  // Saves the capture as a 32-bit float WAV (for a human to listen to when a test fails).
  void save(const std::filesystem::path& path) const;
};

// A loopback device with a library, mixer and director, driven like the frame loop drives them.
class LoopbackRig {
 public:
  LoopbackRig();

  ClipLibrary& library() { return *library_; }
  Mixer& mixer() { return mixer_; }
  SyncDirector& director() { return *director_; }
  Capture& capture() { return capture_; }

  // One frame of DT wall seconds: evaluates TIMELINE at PLAYHEAD's time, schedules and updates the voices, mixes
  // DT of audio (AUDIO_CLOCK_RATE × DT: above 1 the sound card runs fast) and advances PLAYHEAD by DT.
  void step(const scene::Timeline& timeline, const scene::SceneGraph& graph, scene::Playhead& playhead, double dt,
            const std::string& locale = "en", const SoundLookup& sounds = {}, const ListenerPose& listener = {},
            double audio_clock_rate = 1.0);
  // Steps until the capture holds SECONDS of audio.
  void run_until(double seconds, const scene::Timeline& timeline, const scene::SceneGraph& graph,
                 scene::Playhead& playhead, double dt, const std::string& locale = "en",
                 const SoundLookup& sounds = {});

 private:
  std::unique_ptr<AudioDevice> device_;
  std::unique_ptr<ClipLibrary> library_;
  Mixer mixer_;
  std::unique_ptr<SyncDirector> director_;
  Capture capture_;
  double wall_ = 0.0;          // seconds of wall time stepped
  double audio_ = 0.0;         // seconds of audio clock
  int64_t rendered_ = 0;       // frames mixed
};

// A timeline of DURATION seconds with one cue per (time, key) pair.
scene::Timeline cue_timeline(double duration, const std::vector<std::pair<double, std::string>>& cues);

}  // namespace liyuan::audio::test
