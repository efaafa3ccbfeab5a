// The exhibition's `sounds:` table under lint: unknown keys and clip keys are errors at file:line:column, a missing
// narration locale or a missing file a warning (the show goes on silently for it).
#include <gtest/gtest.h>

#include "scene/exhibition.h"
#include "scene_test_util.h"
#include "support/test_support.h"

namespace liyuan::scene {
namespace {

using testing::lint_lines;
using testing::write_file;
using Lines = std::vector<std::string>;

constexpr std::string_view kScene = R"(nodes:
  - {name: lantern, audio_source: {clip: crackle, loop: true}}
timeline:
  duration: 30
  audio:
    - {at: 1, clip: welcome}
    - {at: 5, clip: crackle, node: lantern}
)";

// An exhibition (locales zh, en) whose exhibition.yaml ends with SOUNDS; the files a.wav, welcome.zh.ogg and
// welcome.en.ogg exist.
Lines lint_with_sounds(std::string_view sounds, std::string_view scene = kScene) {
  auto dir = test::output_dir();
  write_file(dir, "scene.yaml", scene);
  write_file(dir, "audio/a.wav", "RIFF");
  write_file(dir, "audio/welcome.zh.ogg", "OggS");
  write_file(dir, "audio/welcome.en.ogg", "OggS");
  write_file(dir, "strings.yaml", "zh:\n  x: 甲\nen:\n  x: X\n");
  auto path = write_file(dir, "exhibition.yaml",
                         "id: test\ndefault_locale: zh\nlocales: [zh, en]\ninclude: [scene.yaml]\n"
                         "strings: [strings.yaml]\n" + std::string(sounds));
  return lint_lines(path, dir);
}

constexpr std::string_view kGoodSounds = R"(sounds:
  - {key: crackle, bus: ambience, file: audio/a.wav}
  - key: welcome
    files: {zh: audio/welcome.zh.ogg, en: audio/welcome.en.ogg}
)";

TEST(LintSounds, AGoodTableIsClean) { EXPECT_EQ(lint_with_sounds(kGoodSounds), Lines{}); }

TEST(LintSounds, TheTableIsReadWithBusesAndLocales) {
  auto dir = test::output_dir();
  Diagnostics diagnostics;
  write_file(dir, "scene.yaml", kScene);
  write_file(dir, "audio/a.wav", "RIFF");
  write_file(dir, "audio/welcome.zh.ogg", "OggS");
  write_file(dir, "audio/welcome.en.ogg", "OggS");
  auto path = write_file(dir, "exhibition.yaml",
                         "id: test\ndefault_locale: zh\nlocales: [zh, en]\ninclude: [scene.yaml]\n" +
                             std::string(kGoodSounds));
  auto exhibition = load_exhibition(path, diagnostics);
  ASSERT_TRUE(exhibition) << exhibition.error().to_string();
  const auto& sounds = exhibition->sources.exhibition->sounds;
  ASSERT_EQ(sounds.size(), 2u);
  EXPECT_EQ(sounds[0].bus_name(), "ambience");
  EXPECT_EQ(sounds[1].bus_name(), "narration");
  ASSERT_EQ(sounds[1].files.size(), 2u);
  EXPECT_EQ(sounds[1].files[1].first.name, "en");
  EXPECT_EQ(sounds[1].files[1].second.name, "audio/welcome.en.ogg");
}

TEST(LintSounds, UnknownKeysAreErrorsWithTheirPlace) {
  Lines lines = lint_with_sounds(R"(sounds:
  - {key: crackle, bus: ambiance, file: audio/a.wav, volume: 2}
  - key: welcom
    files: {zh: audio/welcome.zh.ogg, en: audio/welcome.en.ogg}
)");
  EXPECT_EQ(lines, (Lines{
                       "exhibition.yaml:7:25: error: unknown bus 'ambiance' (narration, ambience, music or effects); "
                       "did you mean 'ambience'?",
                       "exhibition.yaml:7:54: error: unknown key 'volume' in 'sound'",
                       "scene.yaml:6:7: error: unknown sound 'welcome': the exhibition's 'sounds' table has no such "
                       "key; did you mean 'welcom'?",
                   }));
}

TEST(LintSounds, AMissingNarrationLocaleIsAWarningPerLocale) {
  Lines lines = lint_with_sounds(R"(sounds:
  - {key: crackle, file: audio/a.wav}
  - key: welcome
    files: {en: audio/welcome.en.ogg}
)");
  EXPECT_EQ(lines, (Lines{"exhibition.yaml:8:10: warning: sound 'welcome' has no 'zh' file; another locale's plays "
                          "instead"}));
}

TEST(LintSounds, AMissingFileIsAWarningNamingIt) {
  Lines lines = lint_with_sounds(R"(sounds:
  - {key: crackle, file: audio/gone.flac}
  - key: welcome
    files: {zh: audio/welcome.zh.ogg, en: audio/welcome.en.ogg}
)");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_NE(lines[0].find("exhibition.yaml:7:26: warning: sound file 'audio/gone.flac' not found"), std::string::npos)
      << lines[0];
  EXPECT_NE(lines[0].find("sound 'crackle' will be silent"), std::string::npos) << lines[0];
}

TEST(LintSounds, FileAndFilesTogetherOrNeitherAreErrors) {
  Lines lines = lint_with_sounds(R"(sounds:
  - {key: crackle}
  - {key: welcome, file: audio/a.wav, files: {zh: audio/welcome.zh.ogg, en: audio/welcome.en.ogg}}
)");
  EXPECT_EQ(lines, (Lines{
                       "exhibition.yaml:7:5: error: sound 'crackle' needs either 'file' (one file) or 'files' (one "
                       "per locale)",
                       "exhibition.yaml:8:5: error: sound 'welcome' needs either 'file' (one file) or 'files' (one "
                       "per locale)",
                   }));
}

TEST(LintSounds, WithoutATableClipKeysAreNotChecked) { EXPECT_EQ(lint_with_sounds(""), Lines{}); }

}  // namespace
}  // namespace liyuan::scene
