// Shaping one run (one face, one direction) with HarfBuzz: code points in, glyphs with advances and offsets out.
// This is where Arabic letters take their joined forms and Latin "fi" becomes a ligature.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/font_library.h"

namespace liyuan::text {

struct ShapedGlyph {
  uint16_t font = 0;     // face id in the FontLibrary
  uint32_t glyph = 0;    // glyph index in that face
  uint32_t cluster = 0;  // index of the first code point (in the whole paragraph) this glyph renders
  float advance = 0.0f;  // em
  float x_offset = 0.0f; // em
  float y_offset = 0.0f; // em, up
};

// Shapes PARAGRAPH[START, START + LENGTH) in FACE (id FONT) as one run, right to left when RIGHT_TO_LEFT, with the
// rest of PARAGRAPH as context (so letters join across run ends), in LANGUAGE; the script is guessed from the text.
// Appends the glyphs to OUT in visual order (left to right), as HarfBuzz returns them.
void shape_run(const FontFace& face, uint16_t font, std::u32string_view paragraph, size_t start, size_t length,
               bool right_to_left, std::string_view language, std::vector<ShapedGlyph>& out);

}  // namespace liyuan::text
