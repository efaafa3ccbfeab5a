// tools/narration: synthesise.sh speaks every caption of the Tang Palace in every locale with espeak-ng and encodes
// it to Ogg Opus, and ambience.sh makes the hall's murmur, music and crackle: the same bytes on every run, and the
// same bytes as the files committed in scenes/tang-palace/sounds (so those are what the scripts make).
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

std::filesystem::path committed_sounds() {
  return source_dir() / "scenes" / "tang-palace" / "sounds";
}

const char* const kRemake =
    "; remake the committed files with tools/narration/synthesise.sh and ambience.sh (a "
    "different espeak-ng or ffmpeg than Debian 12's changes the bytes)";

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
      auto file = std::filesystem::path(locale) / (caption.key + ".opus");
      std::string first = read_bytes(dir / "first" / file);
      ASSERT_GT(first.size(), 4000u) << file << ": no speech";
      EXPECT_EQ(first.substr(0, 4), "OggS") << file;
      EXPECT_NE(first.find("OpusHead"), std::string::npos) << file;
      EXPECT_TRUE(first == read_bytes(dir / "second" / file)) << file << " differs between two runs";
      EXPECT_TRUE(first == read_bytes(committed_sounds() / "narration" / file)) << file << " differs" << kRemake;
    }
  }
}

TEST(Narration, JapaneseIsSpokenFromItsKanaReading) {
  // Spoken from the kanji text, espeak-ng spells each kanji: the welcome took 21.7 s at 145 words a minute. From
  // its reading it is a sentence of about six seconds, like the other locales'.
  auto dir = output_dir();
  const auto script = source_dir() / "tools" / "narration" / "synthesise.sh";
  const auto strings = source_dir() / "scenes" / "tang-palace" / "strings.yaml";
  CommandResult result = run_command("/bin/sh", {script.string(), strings.string(), dir.string()});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const size_t japanese = read_bytes(dir / "ja" / "caption.welcome.opus").size();
  const size_t english = read_bytes(dir / "en" / "caption.welcome.opus").size();
  EXPECT_LT(japanese, english * 3 / 2) << "Japanese much longer than English: kanji spelled out?";
}

TEST(Narration, TheAmbienceIsMadeTheSameWayEachTime) {
  auto dir = output_dir();
  const auto script = source_dir() / "tools" / "narration" / "ambience.sh";
  for (const char* run : {"first", "second"}) {
    CommandResult result = run_command("/bin/sh", {script.string(), (dir / run).string()});
    ASSERT_EQ(result.exit_code, 0) << result.output;
  }
  for (const char* name : {"banquet-murmur.opus", "court-music.opus", "lantern-crackle.opus"}) {
    std::string first = read_bytes(dir / "first" / name);
    ASSERT_GT(first.size(), 2000u) << name;
    EXPECT_EQ(first.substr(0, 4), "OggS") << name;
    EXPECT_TRUE(first == read_bytes(dir / "second" / name)) << name << " differs between two runs";
    EXPECT_TRUE(first == read_bytes(committed_sounds() / name)) << name << " differs" << kRemake;
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
