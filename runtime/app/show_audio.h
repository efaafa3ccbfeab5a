// The sound of a show: narration in the visitor's language, node sources in space, ambience ducked under narration,
// all kept in step with the timeline. The frame loop owns one and calls update() once per frame.
//
// Contract for the frame loop (runtime/app/play_command.cpp):
//   auto audio = ShowAudio::create(show, {output, locale, hrtf});   // once; on error log it and go on without sound
//   each frame:  state = evaluate(timeline, graph, playhead.time());
//                audio->update(state, playhead, listener, dt);       // BEFORE playhead.advance(dt)
//                playhead.advance(dt);
// where DT is the wall time until the next frame (the fixed step offscreen, the predicted display period on a
// headset). update() starts the cues that begin within the coming DT on their exact sample (across the attract
// loop's wrap too), follows seeks, pauses and loops of PLAYHEAD, and pulls in drift. With AudioOutput::Loopback it
// also mixes those DT seconds itself (nothing is heard; tests and offscreen runs can keep the mix).
#pragma once

#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/show.h"
#include "assets/audio_chunks.h"
#include "audio/audio_device.h"
#include "audio/clip_library.h"
#include "audio/cue_schedule.h"
#include "audio/mixer.h"
#include "audio/sync_director.h"
#include "render/views.h"
#include "scene/frame_state.h"
#include "scene/playhead.h"

namespace liyuan::app {

enum class AudioOutput {
  Device,    // the system's sound device; the loopback device when there is none (one line says so)
  Loopback,  // no device: mixed in update(), kept when ShowAudioOptions::keep_mix is set
  Off,       // silence: update() does nothing
};

// "device", "loopback", "off" → the output; nullopt for anything else (for a `--audio` flag).
std::optional<AudioOutput> parse_audio_output(std::string_view name);

struct ShowAudioOptions {
  AudioOutput output = AudioOutput::Device;
  std::string locale;     // the visitor's language; empty: the exhibition's default locale
  bool hrtf = false;      // a headset: ask OpenAL Soft for HRTF
  bool keep_mix = false;  // Loopback: keep every mixed sample (mixed(), write_mix())
  int sample_rate = 48000;  // Loopback
};

class ShowAudio {
 public:
  // Opens the output and registers every AUDI chunk of SHOW's pack under the exhibition's `sounds:` table (a chunk
  // that fails its checks is skipped with a warning naming it; a table entry without a chunk is reported, naming its
  // file, the first time a cue needs it), and decodes every sound the show plays. Logs the output and the number of
  // sounds. Fails only when no output at all can be opened (not even the loopback device); the show then goes on
  // without sound.
  // SHOW must outlive the ShowAudio (clips are read in place from its pack).
  static Result<std::unique_ptr<ShowAudio>> create(const Show& show, const ShowAudioOptions& options);
  ~ShowAudio();

  // The visitor's language from now on: narration already speaking finishes in its language, the next cue speaks
  // TAG (else the default locale's file, lint warns of those).
  void set_locale(std::string tag) { locale_ = std::move(tag); }
  const std::string& locale() const { return locale_; }

  // Makes the sound match STATE (evaluated at PLAYHEAD's time) for the coming DT wall seconds; see the file comment.
  void update(const scene::FrameState& state, const scene::Playhead& playhead, const audio::ListenerPose& listener,
              double dt);

  // Bus and master volumes, ducking.
  audio::Mixer& mixer() { return mixer_; }
  // What the director measured in the last update, and every missing or broken sound reported so far.
  const audio::SyncReport& sync_report() const;
  const std::vector<std::string>& problems() const;
  // "loopback, 48000 Hz, stereo, HRTF off", or "off".
  std::string output_description() const;

  // Loopback with keep_mix: every sample mixed so far (interleaved stereo at sample_rate()), and the same as a
  // 32-bit float WAV file at PATH.
  const std::vector<float>& mixed() const { return mixed_; }
  int sample_rate() const;
  Status write_mix(const std::filesystem::path& path) const;

 private:
  ShowAudio() = default;
  // Decodes every packed sound the show will play, in every locale, before the first frame: decoding at a cue would
  // cost the frame it falls in (about 4 ms per second of Opus), a dropped frame in a headset.
  void decode_all();

  const Show* show_ = nullptr;
  ShowAudioOptions options_;
  std::string locale_;
  std::unique_ptr<audio::AudioDevice> device_;
  std::unique_ptr<audio::ClipLibrary> library_;
  audio::Mixer mixer_;
  std::unique_ptr<audio::SyncDirector> director_;
  std::vector<PackSound> sounds_;  // the AUDI chunks the library reads from
  std::unordered_map<std::string, audio::SoundInfo> sound_info_;
  double mixed_seconds_ = 0.0;     // Loopback: the audio clock
  int64_t mixed_frames_ = 0;
  std::vector<float> mixed_;
};

// The listener for the VIEWS being rendered (one, or two eyes: their midpoint), facing where they face.
audio::ListenerPose listener_from_views(std::span<const render::View> views);

}  // namespace liyuan::app
