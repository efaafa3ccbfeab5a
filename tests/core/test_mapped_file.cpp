#include "core/mapped_file.h"

#include <gtest/gtest.h>

#include <fstream>

#include "support/test_support.h"

namespace liyuan {
namespace {

TEST(MappedFile, MapsFileContents) {
  auto path = test::output_dir() / "data.bin";
  std::ofstream(path, std::ios::binary) << "hello";
  auto file = MappedFile::open(path);
  ASSERT_TRUE(file) << file.error().to_string();
  ASSERT_EQ(file->size(), 5u);
  EXPECT_EQ(static_cast<char>(file->bytes()[4]), 'o');
}

TEST(MappedFile, MissingFileNamesPath) {
  auto file = MappedFile::open("/nonexistent/relic.lypak");
  ASSERT_FALSE(file);
  EXPECT_NE(file.error().message.find("/nonexistent/relic.lypak"), std::string::npos);
}

TEST(MappedFile, DirectoryIsRejected) {
  auto file = MappedFile::open(test::output_dir());
  ASSERT_FALSE(file);
  EXPECT_NE(file.error().message.find("not a regular file"), std::string::npos);
}

TEST(MappedFile, EmptyFileMapsToEmptySpan) {
  auto path = test::output_dir() / "empty.bin";
  std::ofstream(path, std::ios::binary).flush();
  auto file = MappedFile::open(path);
  ASSERT_TRUE(file);
  EXPECT_EQ(file->size(), 0u);
}

}  // namespace
}  // namespace liyuan
