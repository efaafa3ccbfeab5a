// A relic panel: the catalogue entry (title, period, description, credit) set on a dark plate in the visitor's
// language — the title larger and bold, the period in an accent colour, the credit small — read right to left and
// aligned to the right for Arabic and Hebrew.
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "text/font_library.h"
#include "text/glyph_atlas.h"
#include "text/layout.h"
#include "text/text_quads.h"

namespace liyuan::text {

struct PanelText {
  std::string title;
  std::string period;       // may be empty
  std::string description;  // may be empty
  std::string credit;       // may be empty
};

struct PanelStyle {
  std::string language = "en";
  float width_em = 22.0f;   // the plate's width (body-text em)
  float padding_em = 1.2f;
  vec4 plate_color = linear_from_srgb(vec4(0.07f, 0.065f, 0.06f, 0.88f));
  vec4 title_color = linear_from_srgb(vec4(1.0f, 0.97f, 0.9f, 1.0f));
  vec4 period_color = linear_from_srgb(vec4(0.91f, 0.72f, 0.42f, 1.0f));
  vec4 body_color = linear_from_srgb(vec4(0.92f, 0.92f, 0.9f, 1.0f));
  vec4 credit_color = linear_from_srgb(vec4(0.65f, 0.65f, 0.63f, 1.0f));
};

// One laid-out part of the panel, at TOP_LEFT (body em, y up from the plate's top-left corner) and SCALE x body em.
struct PanelPart {
  TextBlock block;
  vec2 top_left{0.0f};
  float scale = 1.0f;
  vec4 color{1.0f};
};

struct PanelLayout {
  std::vector<PanelPart> parts;
  vec2 size_em{0.0f};  // the plate
};

// Lays out TEXT as STYLE says, body text in REGULAR's faces and the title in BOLD's. Empty fields are left out.
PanelLayout layout_panel(const FontLibrary& fonts, const FontChain& regular, const FontChain& bold,
                         const PanelText& text, const PanelStyle& style);

// Appends the plate and the text of LAYOUT, centred on FRAME's origin, to OUT (adding glyphs to ATLAS).
Status append_panel_quads(const PanelLayout& layout, const PanelStyle& style, const TextFrame& frame,
                          GlyphAtlas& atlas, std::vector<TextQuad>& out);

}  // namespace liyuan::text
