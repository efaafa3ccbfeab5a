// A tiny built-in bitmap font for timestamps on contact sheets: 5×7 glyphs for '0'–'9', '.', ':' and 's' (a space
// advances without drawing; anything else is drawn as a hollow box so a bad label shows). Enough for "12.50s" and
// "1:02.50" without a text engine.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "core/image_file.h"

namespace liyuan::app {

inline constexpr uint32_t kGlyphWidth = 5;
inline constexpr uint32_t kGlyphHeight = 7;
inline constexpr uint32_t kGlyphAdvance = 6;  // glyph plus one column of space

// Width and height in pixels of TEXT drawn at SCALE (each glyph pixel a SCALE×SCALE square).
uint32_t digits_width(std::string_view text, uint32_t scale);
inline uint32_t digits_height(uint32_t scale) {
  return kGlyphHeight * scale;
}

// Draws TEXT into IMAGE with its top-left corner at (X, Y), each glyph pixel a SCALE×SCALE square of COLOUR (RGBA);
// pixels outside IMAGE are left out.
void draw_digits(RgbaImage& image, uint32_t x, uint32_t y, std::string_view text, uint32_t scale,
                 std::array<uint8_t, 4> colour);

}  // namespace liyuan::app
