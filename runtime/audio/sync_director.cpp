#include "audio/sync_director.h"

#include <AL/al.h>
#include <AL/alext.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace liyuan::audio {
namespace {

ALint source_state(ALuint source) {
  ALint state = AL_INITIAL;
  alGetSourcei(source, AL_SOURCE_STATE, &state);
  return state;
}

// OFFSET in [0, LENGTH) for looping voices.
double wrap(double offset, double length) {
  if (length <= 0.0) return 0.0;
  double wrapped = std::fmod(offset, length);
  return wrapped < 0.0 ? wrapped + length : wrapped;
}

}  // namespace

SyncDirector::SyncDirector(ClipLibrary& library, Mixer& mixer, SyncOptions options)
    : library_(library), mixer_(mixer), options_(options) {}

SyncDirector::~SyncDirector() { stop_all(); }

void SyncDirector::stop_all() {
  for (auto& [id, voice] : voices_) release(voice);
  voices_.clear();
}

std::string SyncDirector::voice_locale(uint64_t id) const {
  auto it = voices_.find(id);
  return it == voices_.end() || !it->second.clip || it->second.finished ? std::string() : it->second.locale;
}

void SyncDirector::release(Voice& voice) {
  if (voice.source) {
    alSourceStop(voice.source);
    alSourcei(voice.source, AL_BUFFER, 0);
    alDeleteSources(1, &voice.source);
  }
  if (voice.silence) alDeleteBuffers(1, &voice.silence);
  voice.source = 0;
  voice.silence = 0;
  voice.silence_frames = 0;
}

void SyncDirector::start(Voice& voice, const VoiceRequest& request) {
  release(voice);
  const ClipBuffer& clip = *voice.clip;
  // What is mixed next is heard one output latency from now (0 on the loopback device): start that much further in.
  const double mixed = request.offset + output_latency_;
  double offset = request.loop ? wrap(mixed, clip.seconds()) : mixed;
  voice.finished = !request.loop && offset >= clip.seconds();
  if (voice.finished) return;
  alGenSources(1, &voice.source);
  if (offset < 0.0) {
    // Starts later than the next mixed sample: a silent lead-in of exactly that many frames, then the clip.
    voice.silence_frames = std::llround(-offset * clip.sample_rate);
    std::vector<int16_t> zeros(size_t(voice.silence_frames) * size_t(clip.channels), 0);
    if (voice.silence_frames > 0) {
      alGenBuffers(1, &voice.silence);
      alBufferData(voice.silence, clip.channels == 1 ? AL_FORMAT_MONO16 : AL_FORMAT_STEREO16, zeros.data(),
                   ALsizei(zeros.size() * sizeof(int16_t)), clip.sample_rate);
      alSourceQueueBuffers(voice.source, 1, &voice.silence);
    }
    ALuint buffer = clip.buffer;
    alSourceQueueBuffers(voice.source, 1, &buffer);
  } else {
    alSourcei(voice.source, AL_BUFFER, ALint(clip.buffer));
    alSourcei(voice.source, AL_LOOPING, request.loop ? AL_TRUE : AL_FALSE);
    // Rounded down and kept inside the clip: an offset within half a sample of the end is the last sample.
    const int64_t sample = std::min<int64_t>(clip.frames - 1, int64_t(std::floor(offset * clip.sample_rate)));
    alSourcei(voice.source, AL_SAMPLE_OFFSET, ALint(sample));
  }
  apply_placement(voice, request);
  alSourcePlay(voice.source);
}

double SyncDirector::heard_position(const Voice& voice) {
  ALdouble values[2] = {0.0, 0.0};  // seconds into the queue, seconds until that sample is heard
  alGetSourcedvSOFT(voice.source, AL_SEC_OFFSET_LATENCY_SOFT, values);
  output_latency_ = std::clamp(double(values[1]), 0.0, 0.5);
  const double silence = voice.clip->sample_rate ? double(voice.silence_frames) / voice.clip->sample_rate : 0.0;
  return values[0] - values[1] - silence;
}

void SyncDirector::apply_placement(const Voice& voice, const VoiceRequest& request) {
  alSourcef(voice.source, AL_GAIN, request.gain * mixer_.bus_gain(request.bus));
  if (request.position) {
    alSourcei(voice.source, AL_SOURCE_RELATIVE, AL_FALSE);
    alSource3f(voice.source, AL_POSITION, request.position->x, request.position->y, request.position->z);
  } else {
    alSourcei(voice.source, AL_SOURCE_RELATIVE, AL_TRUE);
    alSource3f(voice.source, AL_POSITION, 0.0f, 0.0f, 0.0f);
  }
}

void SyncDirector::keep_in_step(Voice& voice, const VoiceRequest& request, bool paused) {
  const double length = voice.clip->seconds();
  const double wanted = request.loop ? wrap(request.offset, length) : request.offset;
  if (voice.finished || !voice.source) {
    // Played out (or never started because the cue began past the clip's end): restart only when a seek moved the
    // timeline back into the clip.
    if (!paused && (request.loop || wanted < length - options_.reposition_seconds)) {
      start(voice, request);
      ++report_.repositioned;
    }
    return;
  }
  ALint state = source_state(voice.source);
  if (state == AL_STOPPED && !request.loop) {
    voice.finished = true;
    return;
  }
  if (paused) {
    if (state == AL_PLAYING) alSourcePause(voice.source);
    return;
  }
  double drift = heard_position(voice) - wanted;
  if (request.loop) drift = wrap(drift + length / 2.0, length) - length / 2.0;
  report_.largest_drift = std::max(report_.largest_drift, std::abs(drift));
  if (std::abs(drift) > options_.reposition_seconds) {
    start(voice, request);
    ++report_.repositioned;
    return;
  }
  double pitch = 1.0;
  if (std::abs(drift) > options_.tolerance_seconds) {
    pitch = std::clamp(1.0 - drift / options_.correction_seconds, 1.0 - options_.max_pitch_nudge,
                       1.0 + options_.max_pitch_nudge);
    ++report_.nudged;
  }
  alSourcef(voice.source, AL_PITCH, float(pitch));
  apply_placement(voice, request);
  if (state == AL_PAUSED) alSourcePlay(voice.source);
}

void SyncDirector::update(const DirectorFrame& frame) {
  report_ = SyncReport{};
  // Ducking follows the narration the visitor hears now (not the one scheduled a few milliseconds ahead).
  bool narration_speaking = false;
  for (const VoiceRequest& request : frame.voices) {
    if (request.bus != Bus::Narration || request.offset < 0.0) continue;
    // Only a narration that can sound ducks the beds: a missing or broken file must not hold them down.
    auto it = voices_.find(request.id);
    const ClipBuffer* clip = it != voices_.end()
                                 ? it->second.clip
                                 : library_.get(request.key, request.locale, request.position.has_value());
    const bool finished = it != voices_.end() && it->second.finished;
    narration_speaking = narration_speaking || (clip && !finished && request.offset < clip->seconds());
  }
  mixer_.advance(narration_speaking && !frame.paused, frame.dt);

  const vec3 at = frame.listener.orientation * vec3(0.0f, 0.0f, -1.0f);
  const vec3 up = frame.listener.orientation * vec3(0.0f, 1.0f, 0.0f);
  const float orientation[6] = {at.x, at.y, at.z, up.x, up.y, up.z};
  alListener3f(AL_POSITION, frame.listener.position.x, frame.listener.position.y, frame.listener.position.z);
  alListenerfv(AL_ORIENTATION, orientation);
  alListenerf(AL_GAIN, mixer_.master());

  std::set<uint64_t> wanted;
  for (const VoiceRequest& request : frame.voices) {
    wanted.insert(request.id);
    auto it = voices_.find(request.id);
    if (it == voices_.end()) {
      if (frame.paused) continue;
      const ClipBuffer* clip = library_.get(request.key, request.locale, request.position.has_value());
      if (!clip) continue;  // reported by the library; the show goes on without it
      Voice& voice = voices_[request.id];
      voice.clip = clip;
      voice.locale = request.locale;
      start(voice, request);
      continue;
    }
    Voice& voice = it->second;
    if (voice.finished && voice.locale != request.locale &&
        request.offset < voice.clip->seconds() - options_.reposition_seconds) {
      // A voice that played out and is asked again (a seek back into it) speaks the visitor's language of now. Not
      // otherwise: a longer clip in the new language would start again mid-sentence over what comes next.
      if (const ClipBuffer* clip = library_.get(request.key, request.locale, request.position.has_value())) {
        voice.clip = clip;
        voice.locale = request.locale;
      }
    }
    keep_in_step(voice, request, frame.paused);
  }
  for (auto it = voices_.begin(); it != voices_.end();) {
    if (!wanted.contains(it->first)) {
      release(it->second);
      it = voices_.erase(it);
    } else {
      if (!it->second.finished && it->second.source) ++report_.playing;
      ++it;
    }
  }
}

}  // namespace liyuan::audio
