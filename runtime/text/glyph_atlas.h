// Signed-distance-field glyphs in one R8 atlas image, rasterised by FreeType and turned into distances
// (distance_field.h) when a glyph is first used, and packed on shelves. The caller uploads the rows that changed in the frame that needs them, so a language
// switch shows within one frame. Distances: 128 on the outline, larger inside, SPREAD pixels either side.
#pragma once

#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include "core/error.h"
#include "text/font_library.h"

namespace liyuan::text {

struct AtlasGlyph {
  bool empty = true;  // nothing to draw (a space)
  float u0 = 0, v0 = 0, u1 = 0, v1 = 0;  // texture coordinates of the SDF bitmap, v down
  // The bitmap's box relative to the pen position, in em: left edge, top edge (up), width and height.
  float left = 0, top = 0, width = 0, height = 0;
};

struct RowRange {
  uint32_t begin = 0;
  uint32_t end = 0;  // exclusive; begin == end: nothing
  bool empty() const { return begin >= end; }
};

class GlyphAtlas {
 public:
  // An atlas of SIZE x SIZE texels holding FONTS' glyphs rendered at PIXELS_PER_EM (plus the library's SDF spread).
  GlyphAtlas(const FontLibrary& fonts, uint32_t size = 2048, uint32_t pixels_per_em = 40);

  // The glyph GLYPH of face FONT, rendered and packed when first asked for. Fails when FreeType cannot render it or
  // the atlas is full (naming how many glyphs it holds).
  Result<const AtlasGlyph*> glyph(uint16_t font, uint32_t glyph);

  uint32_t size() const { return size_; }
  std::span<const uint8_t> pixels() const { return pixels_; }
  size_t glyph_count() const { return glyphs_.size(); }
  // The rows written since the last call (empty when none), and forgets them.
  RowRange take_dirty_rows();
  // Forgets every glyph (they are rendered again when next asked for) and marks every row written: what a full atlas
  // does rather than leave text out.
  void clear();

 private:
  const FontLibrary& fonts_;
  uint32_t size_;
  uint32_t pixels_per_em_;
  std::vector<uint8_t> pixels_;
  std::unordered_map<uint64_t, AtlasGlyph> glyphs_;
  uint32_t shelf_x_ = 0, shelf_y_ = 0, shelf_height_ = 0;
  RowRange dirty_;
};

}  // namespace liyuan::text
