// The SDF glyph atlas: FreeType's signed distances (inside above 128), glyphs rendered once and packed, only the
// rows that changed reported for upload.
#include <gtest/gtest.h>

#include <cmath>

#include "text/distance_field.h"
#include "text/glyph_atlas.h"
#include "text/layout.h"
#include "text_fixture.h"

namespace liyuan::test {
namespace {

TEST(GlyphAtlas, GlyphsAreSignedDistancesAddedOnceWithTheirRows) {
  ASSERT_NE(fonts(), nullptr);
  text::GlyphAtlas atlas(*fonts(), 256, 40);
  auto latin = chain("en");
  auto block = text::layout_text(*fonts(), latin, "l", {});
  ASSERT_EQ(block.glyphs.size(), 1u);
  auto glyph = atlas.glyph(block.glyphs[0].font, block.glyphs[0].glyph);
  ASSERT_TRUE(glyph) << glyph.error().to_string();
  const text::AtlasGlyph& l = **glyph;
  ASSERT_FALSE(l.empty);
  // 'l' is a tall stem: its box spans the ascender; the spread (6 px at 40 px/em) pads it on every side.
  EXPECT_GT(l.height, 0.7f + 2 * 6.0f / 40.0f - 0.05f);
  EXPECT_LT(l.left, 0.0f + 0.2f);
  // The middle of the stem is inside (above 128); the corner of the box is outside (below 128).
  const uint32_t x0 = uint32_t(l.u0 * 256), y0 = uint32_t(l.v0 * 256);
  const uint32_t x1 = uint32_t(l.u1 * 256), y1 = uint32_t(l.v1 * 256);
  EXPECT_GT(atlas.pixels()[size_t((y0 + y1) / 2) * 256 + (x0 + x1) / 2], 128);
  EXPECT_LT(atlas.pixels()[size_t(y0) * 256 + x0], 128);
  text::RowRange rows = atlas.take_dirty_rows();
  EXPECT_EQ(rows.begin, y0);
  EXPECT_EQ(rows.end, y1);
  // Asked again: the same entry, nothing new to upload.
  auto again = atlas.glyph(block.glyphs[0].font, block.glyphs[0].glyph);
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, *glyph);
  EXPECT_TRUE(atlas.take_dirty_rows().empty());
  EXPECT_EQ(atlas.glyph_count(), 1u);
  // A space has no outline: an empty entry, no pixels.
  auto space = text::layout_text(*fonts(), latin, "a b", {});
  auto empty = atlas.glyph(space.glyphs[1].font, space.glyphs[1].glyph);
  ASSERT_TRUE(empty);
  EXPECT_TRUE((*empty)->empty);
}

TEST(GlyphAtlas, AFullAtlasIsAnErrorNotACrash) {
  text::GlyphAtlas atlas(*fonts(), 64, 40);  // room for a handful of glyphs
  auto block = text::layout_text(*fonts(), chain("zh-Hans"), "唐代铜镜光可鉴人博物馆向世界开放", {});
  Status status;
  for (const auto& g : block.glyphs) {
    auto glyph = atlas.glyph(g.font, g.glyph);
    if (!glyph) {
      status = glyph.error();
      break;
    }
  }
  ASSERT_FALSE(status);
  EXPECT_NE(status.error().message.find("the glyph atlas is full"), std::string::npos) << status.error().message;
  // Cleared, it starts afresh: the glyph that did not fit now does, and every row is to be uploaded again.
  atlas.take_dirty_rows();
  atlas.clear();
  EXPECT_EQ(atlas.glyph_count(), 0u);
  text::RowRange rows = atlas.take_dirty_rows();
  EXPECT_EQ(rows.begin, 0u);
  EXPECT_EQ(rows.end, 64u);
  EXPECT_TRUE(atlas.glyph(block.glyphs.back().font, block.glyphs.back().glyph));
}

}  // namespace
}  // namespace liyuan::test

namespace liyuan::test {
namespace {

TEST(DistanceField, ASquaresFieldIsItsSignedEuclideanDistance) {
  // A 10x10 bitmap with a fully covered 4x4 square in the middle (pixels 3..6), spread 4.
  std::vector<uint8_t> coverage(100, 0);
  for (int y = 3; y < 7; ++y)
    for (int x = 3; x < 7; ++x) coverage[size_t(y) * 10 + size_t(x)] = 255;
  auto field = text::distance_field(coverage, 10, 10, 10, 4);
  ASSERT_EQ(field.size(), 18u * 18u);
  auto at = [&](int x, int y) { return int(field[size_t(y + 4) * 18 + size_t(x + 4)]); };
  // 32 levels a pixel (128 / spread). Inside the square's centre: 2 pixels from the outside.
  EXPECT_NEAR(at(4, 4), 128 + 2 * 32, 1);
  // Three pixels right of the square, on its middle row: -3 pixels.
  EXPECT_NEAR(at(9, 4), 128 - 3 * 32, 1);
  // Diagonal from the corner pixel (6,6) to (8,8): sqrt(8) pixels away.
  EXPECT_NEAR(at(8, 8), 128 - int(std::lround(std::sqrt(8.0) * 32)), 1);
  // Beyond the spread everything clamps to 0.
  EXPECT_EQ(field[0], 0);
}

}  // namespace
}  // namespace liyuan::test
