// lint over exhibitions on disk: each kind of problem, with its exact file, line and column.
#include "scene/lint.h"

#include <gtest/gtest.h>
#include "support/test_support.h"

#include <cstdio>
#include <fstream>

#include "scene/lint_command.h"
#include "scene_test_util.h"

namespace liyuan::scene {
namespace {

using testing::lint_lines;
using testing::matching;
using testing::write_exhibition;
using Lines = std::vector<std::string>;

// A scene that lints clean in the test exhibition; each test breaks one thing.
constexpr std::string_view kGood = R"(nodes:
  - {name: mirror, relic: {id: bronze-mirror}, hotspot: {relic: bronze-mirror, panel: panel.mirror}}
  - {name: box, relic: {id: music-box}}
  - {name: v1, viewpoint: {}}
  - {name: v2, viewpoint: {}, translation: [0, 0, -5]}
  - {name: lamp, light: {intensity: 3}}
timeline:
  duration: 30
  attract: {start: 0, end: 5}
  chapters: [{name: one, at: 0}, {name: two, at: 10}]
  tracks:
    - {node: lamp, property: light.intensity, keys: [{t: 0, value: 1}, {t: 5, value: 2}]}
  camera_paths:
    - {viewpoints: [v1, v2], start: 5, duration: 5}
    - {viewpoints: [v2, v1], start: 12, duration: 5}
  clips: [{node: box, clip: open, start: 5}]
  captions:
    - {at: 5, key: caption.a, duration: 3}
    - {at: 8, key: caption.b, duration: 3}
)";

// kGood with FROM replaced by TO (exactly once).
std::string with(std::string_view from, std::string_view to) {
  std::string text(kGood);
  size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

Lines lint_scene(std::string_view scene) {
  auto dir = test::output_dir();
  return lint_lines(write_exhibition(dir, scene), dir);
}

Lines errors_of(const Lines& lines) { return matching(lines, ": error: "); }

TEST(Lint, TheGoodSceneHasOnlyTheKnownTranslationWarning) {
  EXPECT_EQ(lint_scene(kGood), (Lines{"strings.yaml:4:3: warning: string 'caption.c' has no 'en' translation",
                                      "exhibition.yaml:3:15: note: locale 'en': 1 of 4 strings have no translation "
                                      "(the 'zh' text is shown instead)"}));
}

TEST(Lint, KeyTypoSuggestsTheKey) {
  EXPECT_EQ(errors_of(lint_scene(with("{name: lamp, light:", "{name: lamp, lihgt:"))),
            (Lines{"scene.yaml:6:18: error: unknown key 'lihgt' in 'node'; did you mean 'light'?",
                   "scene.yaml:12:30: error: 'light.intensity' needs a light on node 'lamp', which has none"}));
}

TEST(Lint, ParseErrorsAreLocated) {
  EXPECT_EQ(errors_of(lint_scene(with("{name: box, relic: {id: music-box}}", "{name: box, relic: {id: music-box}"))),
            (Lines{"scene.yaml:4:3: error: a list item ('- ') cannot start here: is a '{' or '[' above not closed? "
                   "[illegal block entry]"}));
  EXPECT_EQ(errors_of(lint_scene(with("timeline:\n  duration: 30\n", "timeline:\n  duration: 30\n attract: 1\n"))),
            (Lines{"scene.yaml:9:2: error: bad indentation: expected this line to line up with the keys above it "
                   "[end of map not found]"}));
}

TEST(Lint, UnknownRelicId) {
  EXPECT_EQ(errors_of(lint_scene(with("relic: {id: music-box}", "relic: {id: musicbox}"))),
            (Lines{"scene.yaml:3:29: error: unknown relic 'musicbox': no manifest in 'relics' has this id; did you "
                   "mean 'music-box'?"}));
}

TEST(Lint, MissingStringKey) {
  EXPECT_EQ(errors_of(lint_scene(with("key: caption.b", "key: caption.x"))),
            (Lines{"scene.yaml:19:20: error: string key 'caption.x' is missing from the 'zh' strings; did you mean "
                   "'caption.a'?"}));
}

TEST(Lint, OverlappingCaptions) {
  EXPECT_EQ(errors_of(lint_scene(with("{at: 8, key: caption.b", "{at: 7, key: caption.b"))),
            (Lines{"scene.yaml:19:7: error: caption 'caption.b' at 7 s overlaps caption 'caption.a' "
                   "(scene.yaml:18:7), which shows until 8 s"}));
}

TEST(Lint, UnsortedKeysAndKeysBeyondTheEnd) {
  EXPECT_EQ(errors_of(lint_scene(with("{t: 5, value: 2}", "{t: 0.5, value: 2}, {t: 0.25, value: 3}, {t: 31, value: 0}"))),
            (Lines{"scene.yaml:12:96: error: key at t=0.25 comes after a key at t=0.5: keep keys sorted by time",
                   "scene.yaml:12:117: error: key at 31 s is after the end of the timeline (30 s)"}));
}

TEST(Lint, OverlappingCameraPathsAndAttractOutsideTheTimeline) {
  EXPECT_EQ(errors_of(lint_scene(with("start: 12, duration: 5", "start: 8, duration: 5"))),
            (Lines{"scene.yaml:15:7: error: camera path at 8 s overlaps the camera path at scene.yaml:14:7 (5 s to "
                   "10 s): one camera path at a time"}));
  EXPECT_EQ(errors_of(lint_scene(with("{start: 0, end: 5}", "{start: 20, end: 40}"))),
            (Lines{"scene.yaml:9:12: error: the attract section (20 s to 40 s) runs past the end of the timeline (30 s)"}));
}

TEST(Lint, ChaptersOutOfOrder) {
  EXPECT_EQ(errors_of(lint_scene(with("{name: two, at: 10}", "{name: two, at: 0}"))),
            (Lines{"scene.yaml:10:34: error: chapter 'two' at 0 s is not after chapter 'one' at 0 s: list chapters in "
                   "order"}));
}

TEST(Lint, DanglingNodeAndClipNames) {
  EXPECT_EQ(errors_of(lint_scene(with("viewpoints: [v2, v1]", "viewpoints: [v2, v3]"))),
            (Lines{"scene.yaml:15:25: error: unknown node 'v3'; did you mean 'v1'?"}));
  EXPECT_EQ(errors_of(lint_scene(with("clip: open", "clip: opne"))),
            (Lines{"scene.yaml:16:29: error: relic 'music-box' has no clip 'opne' (its manifest "
                   "relics/music-box.yaml lists 'open', 'play')"}));
  // bronze-mirror's manifest lists no clips: any name is accepted.
  EXPECT_TRUE(errors_of(lint_scene(with("{node: box, clip: open", "{node: mirror, clip: anything"))).empty());
}

TEST(Lint, MissingTranslationIsAWarningNamingTheLocale) {
  auto lines = lint_scene(kGood);
  EXPECT_TRUE(errors_of(lines).empty());
  EXPECT_EQ(matching(lines, "warning"), (Lines{"strings.yaml:4:3: warning: string 'caption.c' has no 'en' translation"}));
}

TEST(Lint, MissingManifestIsALocatedError) {
  auto dir = test::output_dir();
  auto path = write_exhibition(dir, kGood);
  std::filesystem::remove(dir / "relics/music-box.yaml");
  auto errors = errors_of(lint_lines(path, dir));
  ASSERT_GE(errors.size(), 1u);
  EXPECT_EQ(errors[0], "exhibition.yaml:4:37: error: cannot read 'relics/music-box.yaml': no such file");
}

TEST(Lint, CommandExitsOneOnErrorsAndZeroOnWarnings) {
  auto dir = test::output_dir();
  auto good = write_exhibition(dir / "good", kGood);
  auto bad = write_exhibition(dir / "bad", with("relic: {id: music-box}", "relic: {id: nothing}"));
  auto run = [&](const std::filesystem::path& path, std::string& printed) {
    std::FILE* out = std::tmpfile();
    int code = run_lint_command({path}, out);
    std::rewind(out);
    char buffer[4096];
    printed.assign(buffer, std::fread(buffer, 1, sizeof buffer, out));
    std::fclose(out);
    return code;
  };
  std::string printed;
  EXPECT_EQ(run(good, printed), 0);
  EXPECT_NE(printed.find("warning: string 'caption.c' has no 'en' translation"), std::string::npos) << printed;
  EXPECT_NE(printed.find("1 file checked: 0 errors, 1 warning"), std::string::npos) << printed;
  EXPECT_EQ(run(bad, printed), 1);
  EXPECT_NE(printed.find("scene.yaml:3:29: error: unknown relic 'nothing'"), std::string::npos) << printed;
  EXPECT_EQ(run_lint_command({}, std::tmpfile()), 2);
}

}  // namespace
}  // namespace liyuan::scene
