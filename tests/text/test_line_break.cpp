// Line breaking (UAX #14 through libunibreak) and layout: Chinese and Japanese break between characters but never
// before closing punctuation, English breaks at spaces, lines fit their width, right-to-left paragraphs reorder.
#include <gtest/gtest.h>

#include "text/bidi.h"
#include "text/layout.h"
#include "text/line_break.h"
#include "text/utf8.h"
#include "text_fixture.h"

namespace liyuan::test {
namespace {

using text::BreakAfter;

TEST(LineBreak, ChineseBreaksBetweenCharactersButNotBeforeClosingPunctuation) {
  const std::u32string s = text::decode_utf8("唐代铜镜，光可鉴人。");
  auto breaks = text::line_breaks(s, "zh-Hans");
  ASSERT_EQ(breaks.size(), s.size());
  EXPECT_EQ(breaks[0], BreakAfter::Allow);  // 唐|代
  EXPECT_EQ(breaks[2], BreakAfter::Allow);  // 铜|镜
  EXPECT_EQ(breaks[3], BreakAfter::Never);  // 镜 must not be parted from the comma after it
  EXPECT_EQ(breaks[4], BreakAfter::Allow);  // ，| 光
  EXPECT_EQ(breaks[8], BreakAfter::Never);  // 人 stays with 。
  EXPECT_EQ(breaks.back(), BreakAfter::Must);
}

TEST(LineBreak, EnglishBreaksAtSpacesOnly) {
  const std::u32string s = U"a bronze mirror";
  auto breaks = text::line_breaks(s, "en");
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    EXPECT_EQ(breaks[i], s[i] == U' ' ? BreakAfter::Allow : BreakAfter::Never) << "after index " << i;
  }
  EXPECT_EQ(text::line_breaks(U"one\ntwo", "en")[3], BreakAfter::Must);
}

TEST(Layout, EnglishWrapsAtWordsWithinTheWidth) {
  text::LayoutStyle style;
  style.max_width = 8.0f;  // em
  auto block = text::layout_text(*fonts(), chain("en"), "The bronze mirror was polished to reflect light.", style);
  ASSERT_GE(block.line_widths.size(), 3u);
  for (float w : block.line_widths) EXPECT_LE(w, 8.0f);
  // No word is split: the widest word ("polished") fits in 8 em, so no line is an emergency break; every line but
  // the last is at least half full.
  for (size_t i = 0; i + 1 < block.line_widths.size(); ++i) EXPECT_GT(block.line_widths[i], 4.0f);
  EXPECT_FLOAT_EQ(block.height, float(block.line_widths.size()) * style.line_height);
}

TEST(Layout, ChineseWrapsWithoutSpacesAndKeepsPunctuationOnTheLine) {
  text::LayoutStyle style;
  style.language = "zh-Hans";
  style.max_width = 6.0f;  // six ideographs (1 em each) per line
  // 唐代铜镜光可 would fill the first line, but 。 may not start the next: 可 moves down with it.
  auto block = text::layout_text(*fonts(), chain("zh-Hans"), "唐代铜镜光可。鉴人", style);
  ASSERT_EQ(block.line_widths.size(), 2u);
  EXPECT_NEAR(block.line_widths[0], 5.0f, 0.01f);
  EXPECT_NEAR(block.line_widths[1], 4.0f, 0.01f);
}

TEST(Layout, MaxLinesTruncates) {
  text::LayoutStyle style;
  style.max_width = 6.0f;
  style.max_lines = 2;
  auto block = text::layout_text(*fonts(), chain("en"), "one two three four five six seven eight nine ten", style);
  EXPECT_EQ(block.line_widths.size(), 2u);
  EXPECT_TRUE(block.truncated);
}

TEST(Bidi, ArabicParagraphsRunRightToLeftWithLatinInsideLeftToRight) {
  auto paragraph = text::bidi_levels(text::decode_utf8("مرآة Tang برونزية"), text::Direction::Auto);
  EXPECT_TRUE(paragraph.right_to_left);
  EXPECT_EQ(paragraph.levels[0], 1);
  EXPECT_EQ(paragraph.levels[5], 2);  // "Tang" embedded left to right
  // Runs at levels 1, 2, 1 display as the third, the second, the first.
  const uint8_t levels[] = {1, 2, 1};
  EXPECT_EQ(text::visual_order(levels), (std::vector<size_t>{2, 1, 0}));
  const uint8_t mixed[] = {0, 1, 1, 0};
  EXPECT_EQ(text::visual_order(mixed), (std::vector<size_t>{0, 2, 1, 3}));
}

TEST(Bidi, HebrewWithANumberReadsRightToLeftAroundTheNumber) {
  text::LayoutStyle style;
  style.language = "he";
  // "room 12": the digits stay in their own order inside the right-to-left line.
  auto block = text::layout_text(*fonts(), chain("he"), "חדר 12", style);
  EXPECT_TRUE(block.right_to_left);
  ASSERT_EQ(block.glyphs.size(), 6u);  // five visible glyphs and the space
  // Visual order: "12" on the left, then the space, then the word (its last letter leftmost).
  const uint32_t one = block.glyphs[0].glyph, two = block.glyphs[1].glyph;
  auto digits = text::layout_text(*fonts(), chain("he"), "12", style);
  ASSERT_EQ(digits.glyphs.size(), 2u);
  EXPECT_EQ(one, digits.glyphs[0].glyph);
  EXPECT_EQ(two, digits.glyphs[1].glyph);
}

TEST(Layout, ArabicLinesAlignRightAndStartFromTheRight) {
  text::LayoutStyle style;
  style.language = "ar";
  style.max_width = 6.0f;
  auto block = text::layout_text(*fonts(), chain("ar"), "مرآة برونزية من عهد أسرة تانغ", style);
  ASSERT_GE(block.line_widths.size(), 2u);
  EXPECT_TRUE(block.right_to_left);
  // The last line is shorter: right-aligned, its leftmost glyph starts right of the block's left edge.
  float last_line_left = 1e9f;
  const float last_baseline = block.glyphs.back().y;
  for (const auto& g : block.glyphs)
    if (g.y == last_baseline) last_line_left = std::min(last_line_left, g.x);
  EXPECT_NEAR(last_line_left, block.width - block.line_widths.back(), 0.2f);
}

}  // namespace
}  // namespace liyuan::test
