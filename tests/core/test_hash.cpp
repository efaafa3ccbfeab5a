#include "core/hash.h"

#include <gtest/gtest.h>

#include <string>

namespace liyuan {
namespace {

std::span<const std::byte> as_bytes(const std::string& s) { return std::as_bytes(std::span(s.data(), s.size())); }

TEST(Hash, MatchesKnownXxh3Value) {
  // XXH3_64bits("") with seed 0 is a published constant: the pack format depends on it never changing.
  EXPECT_EQ(hash_string(""), 0x2D06800538D394C2ull);
}

TEST(Hash, DiffersWhenOneBitFlips) {
  std::string a = "Tang palace banquet";
  std::string b = a;
  b[3] ^= 1;
  EXPECT_NE(hash_string(a), hash_string(b));
}

TEST(Hash, IncrementalEqualsOneShot) {
  std::string text = "a relic in a glass case, lit by lanterns";
  Hasher hasher;
  hasher.update(as_bytes(text.substr(0, 10)));
  hasher.update(as_bytes(text.substr(10)));
  EXPECT_EQ(hasher.digest(), hash_bytes(as_bytes(text)));
}

}  // namespace
}  // namespace liyuan
