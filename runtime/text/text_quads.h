// Laid-out text and plates as quads in world space, ready for a renderer: glyphs sample the SDF atlas, plates are
// dark rounded rectangles behind them. Colours are linear RGB with alpha (not premultiplied).
#pragma once

#include <vector>

#include "core/error.h"
#include "core/math.h"
#include "text/glyph_atlas.h"
#include "text/layout.h"

namespace liyuan::text {

enum class QuadKind : uint8_t { Glyph, Plate };

struct TextQuad {
  vec3 origin{0.0f};  // world position of the quad's bottom-left corner
  vec3 right{0.0f};   // world vector along its bottom edge (its full width)
  vec3 up{0.0f};      // world vector along its left edge (its full height)
  vec4 uv{0.0f};      // glyphs: atlas u0, v0 (top-left), u1, v1; plates: width, height, corner radius (metres), 0
  vec4 color{1.0f};
  QuadKind kind = QuadKind::Glyph;
};

// A placement of text in the world: a plane whose x is right and y is up, in metres, and the size of one em there.
struct TextFrame {
  mat4 world_from_plane{1.0f};
  float em_metres = 0.05f;
};

// Appends a quad per visible glyph of BLOCK, with the block's top-left corner at TOP_LEFT (metres in FRAME's plane),
// in COLOR, to OUT; glyphs are added to ATLAS as needed. Fails only when the atlas cannot take a glyph.
Status append_text_quads(const TextBlock& block, vec2 top_left, const TextFrame& frame, GlyphAtlas& atlas,
                         const vec4& color, std::vector<TextQuad>& out);

// Appends a plate from MIN to MAX (metres in FRAME's plane) with rounded corners of RADIUS metres, in COLOR, to OUT.
void append_plate(vec2 min, vec2 max, float radius, const TextFrame& frame, const vec4& color,
                  std::vector<TextQuad>& out);

// An sRGB colour (0..1 per channel, as designers give them) in linear RGB, alpha kept.
vec4 linear_from_srgb(const vec4& srgb);

}  // namespace liyuan::text
