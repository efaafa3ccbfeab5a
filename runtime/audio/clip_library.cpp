#include "audio/clip_library.h"

#include <AL/al.h>
#include <fmt/format.h>

#include <algorithm>

#include "core/log.h"

namespace liyuan::audio {

ClipLibrary::~ClipLibrary() {
  for (auto& [key, buffer] : buffers_) {
    if (buffer) alDeleteBuffers(1, &buffer->buffer);
  }
}

void ClipLibrary::add(const std::string& key, const std::string& locale, const std::string& label,
                      std::span<const std::byte> bytes) {
  Entry& entry = entries_[{key, locale}];
  entry = Entry{label, bytes, {}, {}};
}

void ClipLibrary::add_owned(const std::string& key, const std::string& locale, const std::string& label,
                            std::vector<std::byte> owned) {
  Entry& entry = entries_[{key, locale}];
  entry = Entry{label, {}, std::move(owned), {}};
  entry.bytes = entry.owned;
}

void ClipLibrary::add_missing(const std::string& key, const std::string& locale, const std::string& label,
                              const std::string& reason) {
  entries_[{key, locale}] = Entry{label, {}, {}, reason};
}

const ClipLibrary::Entry* ClipLibrary::find(const std::string& key, const std::string& locale,
                                            std::string& found_locale) const {
  for (const std::string* candidate : {&locale, &fallback_locale_}) {
    auto it = entries_.find({key, *candidate});
    if (it != entries_.end()) {
      found_locale = *candidate;
      return &it->second;
    }
  }
  auto it = entries_.find({key, std::string()});
  if (it != entries_.end()) {
    found_locale.clear();
    return &it->second;
  }
  // Any locale at all, the first in tag order: better a narration in another language than none.
  auto any = entries_.lower_bound({key, std::string()});
  if (any != entries_.end() && any->first.first == key) {
    found_locale = any->first.second;
    return &any->second;
  }
  return nullptr;
}

void ClipLibrary::report(const std::string& message) {
  log::warn("{}", message);
  problems_.push_back(message);
}

const ClipBuffer* ClipLibrary::get(const std::string& key, const std::string& locale, bool mono) {
  std::string found_locale;
  const Entry* entry = find(key, locale, found_locale);
  if (!entry) {
    if (std::find(unknown_reported_.begin(), unknown_reported_.end(), key) == unknown_reported_.end()) {
      unknown_reported_.push_back(key);
      report(fmt::format("audio: sound '{}' has no file; its cues play silently", key));
    }
    return nullptr;
  }
  BufferKey buffer_key{key, found_locale, mono};
  auto cached = buffers_.find(buffer_key);
  if (cached != buffers_.end()) return cached->second ? &*cached->second : nullptr;

  std::optional<ClipBuffer>& slot = buffers_[buffer_key];
  if (!entry->missing_reason.empty()) {
    report(fmt::format("audio: sound file {} (sound '{}') {}; its cues play silently", entry->label, key,
                       entry->missing_reason));
    return nullptr;
  }
  auto decoded = decode_audio(entry->bytes, entry->label);
  if (!decoded) {
    report(fmt::format("audio: {} (sound '{}'); its cues play silently", decoded.error().message, key));
    return nullptr;
  }
  PcmClip pcm = mono ? mix_to_mono(*decoded) : std::move(*decoded);
  ClipBuffer buffer;
  buffer.channels = pcm.channels;
  buffer.sample_rate = pcm.sample_rate;
  buffer.frames = int64_t(pcm.frames());
  alGetError();
  alGenBuffers(1, &buffer.buffer);
  alBufferData(buffer.buffer, pcm.channels == 1 ? AL_FORMAT_MONO16 : AL_FORMAT_STEREO16, pcm.samples.data(),
               ALsizei(pcm.samples.size() * sizeof(int16_t)), pcm.sample_rate);
  if (ALenum error = alGetError(); error != AL_NO_ERROR) {
    alDeleteBuffers(1, &buffer.buffer);
    report(fmt::format("audio: sound file {} (sound '{}') cannot be loaded into OpenAL (error 0x{:x}); its cues play "
                       "silently", entry->label, key, unsigned(error)));
    return nullptr;
  }
  slot = buffer;
  return &*slot;
}

}  // namespace liyuan::audio
