// `liyuan render` on damaged input: exit 1 with one line that says what is wrong, never a crash.
#include <gtest/gtest.h>

#include <fstream>

#include "assets/pack_reader.h"
#include "render_fixture.h"

namespace liyuan::test {
namespace {

std::vector<char> read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<char>(std::istreambuf_iterator<char>(in), {});
}

void write_all(const std::filesystem::path& path, const std::vector<char>& bytes) {
  std::ofstream(path, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
}

// Runs `liyuan render BAD` and checks for a clean failure whose error line contains EXPECTED.
void expect_clean_failure(const std::filesystem::path& bad, const std::string& expected) {
  std::filesystem::path out = bad.parent_path() / "never.png";
  CommandResult result = run_liyuan({"render", bad.string(), "--out", out.string()});
  EXPECT_EQ(result.exit_code, 1) << result.output;
  EXPECT_NE(result.output.find("error"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find(expected), std::string::npos) << "expected '" << expected << "' in:\n" << result.output;
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(BadPack, FlippedByteInATextureNamesTheChunk) {
  auto pack = test_pack(water_bottle_gltf());
  ASSERT_FALSE(pack.empty());
  auto reader = PackReader::open(pack);
  ASSERT_TRUE(reader) << reader.error().to_string();
  int texture = reader->find(pack::ChunkType::Texture, 1);
  ASSERT_GE(texture, 0);
  uint64_t offset = reader->chunks()[size_t(texture)].offset + 100;
  std::string label = reader->chunk_label(size_t(texture));
  auto bytes = read_all(pack);
  bytes[offset] = char(bytes[offset] ^ 0x10);
  auto bad = output_dir() / "flipped.lypak";
  write_all(bad, bytes);
  expect_clean_failure(bad, "TEXR#1");
}

TEST(BadPack, TruncatedPackIsRejected) {
  auto pack = test_pack(test_model("spot/spot_triangulated.obj"));
  ASSERT_FALSE(pack.empty());
  auto bytes = read_all(pack);
  bytes.resize(bytes.size() / 2);
  auto bad = output_dir() / "truncated.lypak";
  write_all(bad, bytes);
  expect_clean_failure(bad, "truncated");
}

TEST(BadPack, FileThatIsNotAPackIsRejected) {
  auto bad = output_dir() / "photo.lypak";
  std::filesystem::copy_file(test_model("spot/spot_texture.png"), bad);
  expect_clean_failure(bad, "not a Liyuan pack");
}

TEST(BadPack, MissingFileIsNamed) {
  auto dir = output_dir();
  CommandResult result = run_liyuan({"render", "/nonexistent/relic.lypak", "--out", (dir / "never.png").string()});
  EXPECT_EQ(result.exit_code, 1) << result.output;
  EXPECT_NE(result.output.find("/nonexistent/relic.lypak"), std::string::npos) << result.output;
}

TEST(CommandLine, BadSizeIsAUsageError) {
  CommandResult result = run_liyuan({"render", "x.lypak", "--out", "x.png", "--size", "big"});
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find("--size"), std::string::npos) << result.output;
}

}  // namespace
}  // namespace liyuan::test
