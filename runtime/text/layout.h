// Laying out a text: paragraphs split at newlines, bidirectional levels (FriBidi), runs by face and level shaped with
// HarfBuzz, lines broken at UAX #14 opportunities to fit a width, runs put in visual order, glyphs positioned in em.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/bidi.h"
#include "text/font_library.h"

namespace liyuan::text {

enum class Align : uint8_t { Start, Center, End };  // Start is the left for left-to-right text, the right for Arabic

struct LayoutStyle {
  std::string language = "en";  // BCP-47: line breaking and shaping rules
  Direction direction = Direction::Auto;
  float max_width = 0.0f;      // em; 0 = never wrap
  uint32_t max_lines = 0;      // 0 = no limit; more lines are dropped and the block marked truncated
  float line_height = 1.45f;   // em from one baseline to the next
  Align align = Align::Start;
};

// A glyph at its pen position: em, x to the right of the block's left edge, y up from the block's top (so negative).
struct PositionedGlyph {
  uint16_t font = 0;
  uint32_t glyph = 0;
  float x = 0.0f;
  float y = 0.0f;
};

struct TextBlock {
  std::vector<PositionedGlyph> glyphs;
  std::vector<float> line_widths;  // em, per line, top to bottom
  float width = 0.0f;              // em: the widest line
  float height = 0.0f;             // em: lines x line_height
  bool truncated = false;          // max_lines cut lines off
  bool right_to_left = false;      // the first paragraph's base direction
};

// Lays out TEXT (UTF-8; invalid bytes show as U+FFFD) in CHAIN's faces from FONTS as STYLE says. A line that has no
// break opportunity within max_width is broken between characters. Never fails: a code point no face has is drawn
// with the first face's missing-glyph box.
TextBlock layout_text(const FontLibrary& fonts, const FontChain& chain, std::string_view text,
                      const LayoutStyle& style);

}  // namespace liyuan::text
