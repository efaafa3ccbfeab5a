// Sound clips by key (and locale, for narration): the encoded bytes as registered (usually views into a mapped pack),
// decoded on first use into OpenAL buffers and kept. A clip that is missing or does not decode is reported once,
// naming its file, and is silent from then on: the show goes on without it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <tuple>
#include <vector>

#include "audio/decoder.h"

namespace liyuan::audio {

// A decoded clip in an OpenAL buffer.
struct ClipBuffer {
  uint32_t buffer = 0;  // ALuint
  int channels = 0;
  int sample_rate = 0;
  int64_t frames = 0;
  double seconds() const { return sample_rate ? double(frames) / sample_rate : 0.0; }
};

class ClipLibrary {
 public:
  ClipLibrary() = default;
  ~ClipLibrary();
  ClipLibrary(const ClipLibrary&) = delete;
  ClipLibrary& operator=(const ClipLibrary&) = delete;

  // Registers the encoded file for KEY in LOCALE ("" when the clip is the same in every locale). LABEL names it in
  // messages ("audio/intro.en.ogg"). BYTES must outlive the library (a mapped pack) unless OWNED is given instead.
  void add(const std::string& key, const std::string& locale, const std::string& label,
           std::span<const std::byte> bytes);
  void add_owned(const std::string& key, const std::string& locale, const std::string& label,
                 std::vector<std::byte> owned);
  // Registers that KEY in LOCALE names LABEL, which could not be found or read (REASON): using it reports that.
  void add_missing(const std::string& key, const std::string& locale, const std::string& label,
                   const std::string& reason);
  // When a clip has no file for the asked locale, the file of FALLBACK (the exhibition's default locale) plays.
  void set_fallback_locale(std::string fallback) { fallback_locale_ = std::move(fallback); }

  // The buffer for KEY in LOCALE (else the fallback locale, else the locale-free file), decoded now if need be;
  // MONO asks for a one-channel mixdown (positional sounds). Null when the key is unknown, missing or undecodable;
  // the first time, one warning names the key and the file.
  const ClipBuffer* get(const std::string& key, const std::string& locale, bool mono);

  // Every problem reported so far, one line each (tests read these; they were also logged).
  const std::vector<std::string>& problems() const { return problems_; }

 private:
  struct Entry {
    std::string label;
    std::span<const std::byte> bytes;
    std::vector<std::byte> owned;
    std::string missing_reason;  // set: the file could not be found or read
  };
  using EntryKey = std::pair<std::string, std::string>;           // key, locale
  using BufferKey = std::tuple<std::string, std::string, bool>;  // key, locale, mono

  const Entry* find(const std::string& key, const std::string& locale, std::string& found_locale) const;
  void report(const std::string& message);

  std::map<EntryKey, Entry> entries_;
  std::map<BufferKey, std::optional<ClipBuffer>> buffers_;  // nullopt: failed, reported
  std::vector<std::string> unknown_reported_;
  std::vector<std::string> problems_;
  std::string fallback_locale_;
};

}  // namespace liyuan::audio
