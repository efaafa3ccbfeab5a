// The bundled Tang Palace exhibition (scenes/tang-palace): it lints clean in all its locales, its timeline is an
// attract loop and a two-to-three-minute tour that visits every relic, its lanterns light up, and it renders at every
// chapter start as its golden images (tests/render/golden/tang-palace-*.png), every relic packed (no placeholder).
#include <gtest/gtest.h>

#include <set>

#include "core/image_file.h"
#include "scene/timeline_evaluate.h"
#include "support/image_compare.h"
#include "support/test_support.h"
#include "tang_palace.h"

namespace liyuan::test {
namespace {

TEST(TangPalace, LintsCleanWithEveryStringInEveryLocale) {
  CommandResult result = run_command(runtime_exe(), {"lint", tang_palace().string()});
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("0 errors, 0 warnings"), std::string::npos) << result.output;
  scene::Exhibition exhibition = load_tang_palace();
  ASSERT_TRUE(exhibition.sources.exhibition);
  for (const char* locale : {"zh-Hans", "en", "ja"}) {
    ASSERT_TRUE(exhibition.sources.strings.count(locale)) << locale;
    EXPECT_EQ(exhibition.sources.strings.at(locale).size(), exhibition.sources.strings.at("zh-Hans").size()) << locale;
  }
}

TEST(TangPalace, AnAttractLoopThenATourOfTwoToThreeMinutesThatVisitsEveryRelic) {
  scene::Exhibition exhibition = load_tang_palace();
  const scene::Timeline& timeline = exhibition.timeline;
  ASSERT_TRUE(timeline.attract);
  EXPECT_GE(timeline.attract->end - timeline.attract->start, 10.0);
  double tour = timeline.duration - timeline.attract->end;
  EXPECT_GE(tour, 120.0);
  EXPECT_LE(tour, 180.0);
  // A chapter at each relic, between the opening and the farewell.
  std::vector<std::string> chapters;
  for (const scene::Chapter& chapter : timeline.chapters) chapters.push_back(chapter.name);
  EXPECT_EQ(chapters,
            (std::vector<std::string>{"attract", "opening", "vase", "jar", "fox", "mirror", "ding", "farewell"}));
  // Every relic on display has a hotspot with a panel; the fox's clip plays.
  std::set<std::string> with_hotspot;
  for (const scene::Hotspot& hotspot : exhibition.graph.hotspots) {
    EXPECT_FALSE(hotspot.panel_key.empty());
    with_hotspot.insert(hotspot.relic_id);
  }
  EXPECT_EQ(with_hotspot, (std::set<std::string>{"sancai-vase", "sancai-jar", "fox", "bronze-mirror", "bronze-ding"}));
  ASSERT_FALSE(timeline.clips.empty());
  EXPECT_EQ(timeline.clips[0].clip, "Survey");
  EXPECT_GE(timeline.captions.size(), 12u);
}

TEST(TangPalace, TheLanternsLightUpAfterTheAttractLoop) {
  scene::Exhibition exhibition = load_tang_palace();
  auto lit_light = [&](double t) {
    scene::FrameState state = scene::evaluate(exhibition.timeline, exhibition.graph, t);
    double sum = 0;
    for (size_t i = 0; i < exhibition.graph.lights.size(); ++i)
      if (exhibition.graph.lights[i].type == scene::LightType::Point) sum += state.lights[i].intensity;
    return sum;
  };
  EXPECT_GT(lit_light(30.0), 8.0 * lit_light(6.0)) << "lanterns at 30 s against the attract loop";
  // And they dim again before the timeline returns to the attract loop.
  EXPECT_LT(lit_light(169.9), 2.0 * lit_light(6.0));
}

TEST(TangPalace, EveryChapterStartMatchesItsGoldenImage) {
  scene::Exhibition exhibition = load_tang_palace();
  ASSERT_EQ(exhibition.timeline.chapters.size(), 8u);
  auto dir = output_dir();
  for (const scene::Chapter& chapter : exhibition.timeline.chapters) {
    const std::string name = "tang-palace-" + chapter.name;
    auto out = dir / (name + ".png");
    CommandResult result = run_command(runtime_exe(), {"render", tang_palace().string(), "--out", out.string(),
                                                       "--size", "320x180", "--time", std::to_string(chapter.at)});
    ASSERT_EQ(result.exit_code, 0) << result.output;
    // Every relic was packed: nothing stands in as a placeholder.
    EXPECT_EQ(result.output.find("placeholder"), std::string::npos) << result.output;
    EXPECT_EQ(result.output.find("warn"), std::string::npos) << result.output;
    std::string failure = check_against_golden(out, name, dir);
    EXPECT_TRUE(failure.empty()) << chapter.name << " at " << chapter.at << " s: " << failure;
  }
}

}  // namespace
}  // namespace liyuan::test
