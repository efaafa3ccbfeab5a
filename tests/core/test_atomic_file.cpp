#include "core/atomic_file.h"

#include <gtest/gtest.h>

#include "core/mapped_file.h"
#include "support/test_support.h"

namespace liyuan {
namespace {

std::span<const std::byte> as_bytes(std::string_view s) { return std::as_bytes(std::span(s.data(), s.size())); }

TEST(AtomicFile, ReplacesContentsAndLeavesNoTemporary) {
  auto dir = test::output_dir();
  auto path = dir / "out.bin";
  ASSERT_TRUE(write_file_atomically(path, as_bytes("first")));
  ASSERT_TRUE(write_file_atomically(path, as_bytes("second")));
  auto text = read_text_file(path);
  ASSERT_TRUE(text);
  EXPECT_EQ(*text, "second");
  int entries = 0;
  for ([[maybe_unused]] auto& e : std::filesystem::directory_iterator(dir)) ++entries;
  EXPECT_EQ(entries, 1);
}

TEST(AtomicFile, FailureLeavesTargetUntouched) {
  auto dir = test::output_dir();
  auto path = dir / "missing-subdir" / "out.bin";
  Status status = write_file_atomically(path, as_bytes("x"));
  ASSERT_FALSE(status);
  EXPECT_FALSE(std::filesystem::exists(path));
}

}  // namespace
}  // namespace liyuan
