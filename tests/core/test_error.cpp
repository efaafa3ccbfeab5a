#include "core/error.h"

#include <gtest/gtest.h>

namespace liyuan {
namespace {

TEST(Error, FormatsTextPositionAsFileLineColumn) {
  Error e = make_error_at("hall.scene", 12, 7, "expected ':' after key");
  EXPECT_EQ(e.to_string(), "hall.scene:12:7: expected ':' after key");
}

TEST(Error, FormatsChunkLocation) {
  Error e = make_chunk_error("wb.lypak", "TEXR#1 (entry 4)", "checksum mismatch");
  EXPECT_EQ(e.to_string(), "wb.lypak: chunk TEXR#1 (entry 4): checksum mismatch");
}

TEST(Error, PlainMessageHasNoPrefix) { EXPECT_EQ(make_error("out of memory").to_string(), "out of memory"); }

Result<int> parse_positive(int x) {
  if (x <= 0) return make_error("not positive");
  return x;
}

TEST(Result, CarriesValueOrError) {
  auto good = parse_positive(3);
  ASSERT_TRUE(good);
  EXPECT_EQ(*good, 3);
  auto bad = parse_positive(-1);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message, "not positive");
}

TEST(Status, DefaultIsSuccess) {
  Status ok;
  EXPECT_TRUE(ok);
  Status failed = make_error("no");
  EXPECT_FALSE(failed);
  EXPECT_EQ(failed.error().message, "no");
}

}  // namespace
}  // namespace liyuan
