#include "app/digit_font.h"

namespace liyuan::app {
namespace {

// Rows top to bottom, the leftmost pixel in bit 4.
using Glyph = std::array<uint8_t, kGlyphHeight>;

constexpr Glyph kDigits[10] = {
    {0x0E, 0x11, 0x13, 0x15, 0x19, 0x11, 0x0E},  // 0
    {0x04, 0x0C, 0x04, 0x04, 0x04, 0x04, 0x0E},  // 1
    {0x0E, 0x11, 0x01, 0x02, 0x04, 0x08, 0x1F},  // 2
    {0x1F, 0x02, 0x04, 0x02, 0x01, 0x11, 0x0E},  // 3
    {0x02, 0x06, 0x0A, 0x12, 0x1F, 0x02, 0x02},  // 4
    {0x1F, 0x10, 0x1E, 0x01, 0x01, 0x11, 0x0E},  // 5
    {0x06, 0x08, 0x10, 0x1E, 0x11, 0x11, 0x0E},  // 6
    {0x1F, 0x01, 0x02, 0x04, 0x08, 0x08, 0x08},  // 7
    {0x0E, 0x11, 0x11, 0x0E, 0x11, 0x11, 0x0E},  // 8
    {0x0E, 0x11, 0x11, 0x0F, 0x01, 0x02, 0x0C},  // 9
};
constexpr Glyph kPoint = {0x00, 0x00, 0x00, 0x00, 0x00, 0x0C, 0x0C};
constexpr Glyph kColon = {0x00, 0x0C, 0x0C, 0x00, 0x0C, 0x0C, 0x00};
constexpr Glyph kLetterS = {0x00, 0x00, 0x0F, 0x10, 0x0E, 0x01, 0x1E};
constexpr Glyph kBlank = {0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00};
constexpr Glyph kUnknown = {0x1F, 0x11, 0x11, 0x11, 0x11, 0x11, 0x1F};

const Glyph& glyph_of(char c) {
  if (c >= '0' && c <= '9') return kDigits[c - '0'];
  switch (c) {
    case '.':
      return kPoint;
    case ':':
      return kColon;
    case 's':
      return kLetterS;
    case ' ':
      return kBlank;
    default:
      return kUnknown;
  }
}

}  // namespace

uint32_t digits_width(std::string_view text, uint32_t scale) {
  if (text.empty()) return 0;
  return uint32_t((text.size() - 1) * kGlyphAdvance + kGlyphWidth) * scale;
}

void draw_digits(RgbaImage& image, uint32_t x, uint32_t y, std::string_view text, uint32_t scale,
                 std::array<uint8_t, 4> colour) {
  for (size_t i = 0; i < text.size(); ++i) {
    const Glyph& glyph = glyph_of(text[i]);
    uint32_t left = x + uint32_t(i) * kGlyphAdvance * scale;
    for (uint32_t row = 0; row < kGlyphHeight; ++row)
      for (uint32_t column = 0; column < kGlyphWidth; ++column) {
        if (!(glyph[row] & (0x10 >> column))) continue;
        for (uint32_t dy = 0; dy < scale; ++dy)
          for (uint32_t dx = 0; dx < scale; ++dx) {
            uint32_t px = left + column * scale + dx, py = y + row * scale + dy;
            if (px >= image.width || py >= image.height) continue;
            uint8_t* pixel = image.pixel(px, py);
            for (int c = 0; c < 4; ++c) pixel[c] = colour[size_t(c)];
          }
      }
  }
}

}  // namespace liyuan::app
