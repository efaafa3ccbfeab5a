// Content hashing: XXH3-64 (libxxhash), used for pack chunk checksums and content caches.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace liyuan {

// XXH3-64 of BYTES with seed 0. Stable across platforms and releases (the value is part of the pack format).
uint64_t hash_bytes(std::span<const std::byte> bytes);
uint64_t hash_string(std::string_view text);

// Incremental XXH3-64: feeding the same bytes in any split gives hash_bytes of their concatenation.
class Hasher {
 public:
  Hasher();
  ~Hasher();
  Hasher(const Hasher&) = delete;
  Hasher& operator=(const Hasher&) = delete;

  void update(std::span<const std::byte> bytes);
  uint64_t digest() const;

 private:
  void* state_;  // XXH3_state_t*, kept opaque so xxhash.h stays out of every includer
};

}  // namespace liyuan
