// Levels of detail: a relic far away (small on screen) is drawn from a coarser level, and looks the same as full
// detail within tolerance.
#include <gtest/gtest.h>

#include <regex>

#include "core/image_file.h"
#include "render_fixture.h"
#include "support/image_compare.h"

namespace liyuan::test {
namespace {

// The level `liyuan render` reports having drawn ("LOD 3 x1"), or -1.
int reported_lod(const std::string& output) {
  std::smatch match;
  static const std::regex pattern(R"(LOD (\d) x)");
  return std::regex_search(output, match, pattern) ? std::stoi(match[1]) : -1;
}

TEST(LevelOfDetail, FarRelicUsesACoarserLevelWithoutVisibleDifference) {
  auto pack = test_pack(test_model("stanford-bunny/stanford-bunny.obj"));
  ASSERT_FALSE(pack.empty());
  auto dir = output_dir();
  // 64x64: the bunny is about 50 pixels tall, as a relic across a hall would be.
  CommandResult automatic = run_liyuan({"render", pack.string(), "--out", (dir / "auto.png").string(), "--size", "64x64"});
  ASSERT_EQ(automatic.exit_code, 0) << automatic.output;
  CommandResult full = run_liyuan(
      {"render", pack.string(), "--out", (dir / "full.png").string(), "--size", "64x64", "--lod", "0"});
  ASSERT_EQ(full.exit_code, 0) << full.output;
  EXPECT_EQ(reported_lod(full.output), 0) << full.output;
  int lod = reported_lod(automatic.output);
  EXPECT_GE(lod, 3) << "a 50-pixel bunny should be drawn from level 3 or coarser (1/8 of the triangles or fewer):\n"
                    << automatic.output;

  auto a = read_png(dir / "auto.png");
  auto f = read_png(dir / "full.png");
  ASSERT_TRUE(a && f);
  // Tolerance: at most 2 % of pixels differ from full detail by more than 32/255 (fine fur shading softens; the
  // silhouette and lighting do not change).
  ImageComparison comparison = compare_images(*a, *f, {32, 0.02});
  if (!comparison.matches) (void)write_png(dir / "auto_vs_full.diff.png", difference_image(*a, *f));
  EXPECT_TRUE(comparison.matches) << comparison.summary << "; difference in " << (dir / "auto_vs_full.diff.png");
}

TEST(LevelOfDetail, CloseUpUsesFullOrNearFullDetail) {
  auto pack = test_pack(test_model("stanford-bunny/stanford-bunny.obj"));
  ASSERT_FALSE(pack.empty());
  auto dir = output_dir();
  CommandResult close = run_liyuan({"render", pack.string(), "--out", (dir / "close.png").string(), "--size", "512x512"});
  ASSERT_EQ(close.exit_code, 0) << close.output;
  EXPECT_LE(reported_lod(close.output), 1) << close.output;
}

}  // namespace
}  // namespace liyuan::test
