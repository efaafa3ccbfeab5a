// tools/narration/synthesise.sh speaks every caption of the Tang Palace in every locale with espeak-ng, the same
// bytes each time.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "support/test_support.h"
#include "tang_palace.h"

namespace liyuan::test {
namespace {

std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

TEST(Narration, EveryCaptionOfEveryLocaleIsSpokenTheSameWayEachTime) {
  auto dir = output_dir();
  const auto script = source_dir() / "tools" / "narration" / "synthesise.sh";
  const auto strings = source_dir() / "scenes" / "tang-palace" / "strings.yaml";
  for (const char* run : {"first", "second"}) {
    CommandResult result = run_command("/bin/sh", {script.string(), strings.string(), (dir / run).string()});
    ASSERT_EQ(result.exit_code, 0) << result.output;
  }
  scene::Exhibition exhibition = load_tang_palace();
  ASSERT_FALSE(exhibition.timeline.captions.empty());
  for (const char* locale : {"zh-Hans", "en", "ja"}) {
    for (const scene::CaptionCue& caption : exhibition.timeline.captions) {
      auto wav = std::filesystem::path(locale) / (caption.key + ".wav");
      std::string first = read_bytes(dir / "first" / wav);
      ASSERT_GT(first.size(), 44u + 22050u) << wav << ": no speech (under half a second)";
      EXPECT_EQ(first.substr(0, 4), "RIFF") << wav;
      EXPECT_EQ(first.substr(8, 4), "WAVE") << wav;
      EXPECT_TRUE(first == read_bytes(dir / "second" / wav)) << wav << " differs between two runs";
    }
  }
}

TEST(Narration, AMissingStringTableIsAClearError) {
  auto dir = output_dir();
  const auto script = source_dir() / "tools" / "narration" / "synthesise.sh";
  CommandResult result = run_command("/bin/sh", {script.string(), (dir / "none.yaml").string(), dir.string()});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.output.find("none.yaml: no such string table"), std::string::npos) << result.output;
}

}  // namespace
}  // namespace liyuan::test
