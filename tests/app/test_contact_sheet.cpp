// The contact sheet's pieces: which frames it shows, its time labels, the digit font, and scaling down.
#include <gtest/gtest.h>

#include "app/contact_sheet.h"
#include "app/digit_font.h"

namespace liyuan::test {
namespace {

using namespace app;

TEST(ContactSheet, SixtyFramesShowSixteenEvenlySpacedFirstAndLastIncluded) {
  auto frames = contact_sheet_frames(60);
  ASSERT_EQ(frames.size(), 16u);
  EXPECT_EQ(frames.front(), 0u);
  EXPECT_EQ(frames.back(), 59u);
  for (size_t i = 1; i < frames.size(); ++i) {
    EXPECT_GT(frames[i], frames[i - 1]);
    EXPECT_NEAR(double(frames[i] - frames[i - 1]), 59.0 / 15.0, 1.0);
  }
  EXPECT_EQ(contact_sheet_frames(3), (std::vector<uint32_t>{0, 1, 2}));
  EXPECT_EQ(contact_sheet_frames(1), (std::vector<uint32_t>{0}));
  ContactSheetLayout layout = contact_sheet_layout(16, 1280, 720);
  EXPECT_EQ(layout.columns, 4u);
  EXPECT_EQ(layout.rows, 4u);
  EXPECT_EQ(layout.thumb_width, 320u);
  EXPECT_EQ(layout.thumb_height, 180u);
}

TEST(ContactSheet, TimeLabels) {
  EXPECT_EQ(timestamp_label(0.0), "0.00s");
  EXPECT_EQ(timestamp_label(1.9666667), "1.97s");
  EXPECT_EQ(timestamp_label(59.999), "1:00.00");
  EXPECT_EQ(timestamp_label(62.5), "1:02.50");
  EXPECT_EQ(timestamp_label(3725.0), "62:05.00");
}

TEST(DigitFont, GlyphsAreDistinctAndDrawnWhereAsked) {
  // Every character the labels use draws something, and no two draw the same pixels.
  const std::string characters = "0123456789.:s";
  std::vector<std::vector<uint8_t>> drawn;
  for (char c : characters) {
    RgbaImage image{8, 8, std::vector<uint8_t>(8 * 8 * 4, 0)};
    draw_digits(image, 1, 1, std::string(1, c), 1, {255, 255, 255, 255});
    EXPECT_NE(std::count(image.pixels.begin(), image.pixels.end(), 255), 0) << "'" << c << "' draws nothing";
    EXPECT_EQ(image.pixel(0, 0)[0], 0) << "drawn outside its box";
    for (size_t i = 0; i < drawn.size(); ++i)
      EXPECT_NE(drawn[i], image.pixels) << "'" << c << "' looks like '" << characters[i] << "'";
    drawn.push_back(image.pixels);
  }
  EXPECT_EQ(digits_width("12.5s", 2), (4u * 6u + 5u) * 2u);
  // Clipped at the image's edge, not written past it.
  RgbaImage small{4, 4, std::vector<uint8_t>(4 * 4 * 4, 0)};
  draw_digits(small, 2, 2, "88", 3, {255, 255, 255, 255});
  EXPECT_EQ(small.pixels.size(), 64u);
}

TEST(ContactSheet, ScaleDownAveragesWhatEachPixelCovers) {
  RgbaImage image{4, 2, std::vector<uint8_t>(4 * 2 * 4, 0)};
  for (uint32_t y = 0; y < 2; ++y)
    for (uint32_t x = 0; x < 4; ++x) image.pixel(x, y)[0] = x < 2 ? 200 : 100;
  RgbaImage half = scale_down(image, 2, 1);
  EXPECT_EQ(half.pixel(0, 0)[0], 200);
  EXPECT_EQ(half.pixel(1, 0)[0], 100);
}

}  // namespace
}  // namespace liyuan::test
