// The sync director: each update it makes the playing OpenAL sources match what the timeline says should sound.
// It starts voices at the right sample (ahead of time with leading silence, so a cue that falls between two updates
// still starts on its sample; on a sound device one output latency further in), stops voices no longer asked for,
// and corrects drift continuously: it reads each source's heard position (AL_SOFT_source_latency) against the asked
// offset; a small drift is pulled in by nudging the pitch, a large one (a seek, a loop, a hiccup) repositions the
// source. A voice keeps the clip (and so the language) it started with; a new locale is heard from the next voice on.
#pragma once

#include <cstdint>
#include <map>

#include "audio/clip_library.h"
#include "audio/mixer.h"
#include "audio/voice.h"

namespace liyuan::audio {

struct SyncOptions {
  double reposition_seconds = 0.05;  // drift beyond this moves the source
  double tolerance_seconds = 0.001;  // drift within this is left alone
  double correction_seconds = 0.5;   // a nudged pitch pulls the drift in over about this long
  double max_pitch_nudge = 0.03;     // the pitch stays within 1 ± this
};

// What the director measured in its last update (tests and logs).
struct SyncReport {
  size_t playing = 0;          // voices sounding or scheduled
  double largest_drift = 0.0;  // seconds, absolute, over the voices checked
  size_t repositioned = 0;     // voices moved this update
  size_t nudged = 0;           // voices whose pitch is off 1
};

class SyncDirector {
 public:
  SyncDirector(ClipLibrary& library, Mixer& mixer, SyncOptions options = {});
  ~SyncDirector();
  SyncDirector(const SyncDirector&) = delete;
  SyncDirector& operator=(const SyncDirector&) = delete;

  // Makes the sources match FRAME (see the file comment). The context of the AudioDevice must be current.
  void update(const DirectorFrame& frame);
  // Stops and releases every voice.
  void stop_all();

  const SyncReport& report() const { return report_; }
  // The locale the voice ID is speaking, or "" when it does not play (tests).
  std::string voice_locale(uint64_t id) const;

 private:
  struct Voice {
    uint32_t source = 0;       // ALuint
    uint32_t silence = 0;      // ALuint of the leading silence buffer, 0 when none
    int64_t silence_frames = 0;
    const ClipBuffer* clip = nullptr;
    std::string locale;
    bool finished = false;     // played to its end (non-looping)
  };

  void start(Voice& voice, const VoiceRequest& request);
  void release(Voice& voice);
  // The clip position the visitor hears now, in seconds (negative while the leading silence plays); notes the
  // output latency it reports.
  double heard_position(const Voice& voice);
  void apply_placement(const Voice& voice, const VoiceRequest& request);
  void keep_in_step(Voice& voice, const VoiceRequest& request, bool paused);

  ClipLibrary& library_;
  Mixer& mixer_;
  SyncOptions options_;
  std::map<uint64_t, Voice> voices_;
  SyncReport report_;
  double output_latency_ = 0.0;  // seconds from mixing a sample to hearing it, as last measured
};

}  // namespace liyuan::audio
