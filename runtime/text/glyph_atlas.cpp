#include "text/glyph_atlas.h"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>

#include "text/distance_field.h"

namespace liyuan::text {

GlyphAtlas::GlyphAtlas(const FontLibrary& fonts, uint32_t size, uint32_t pixels_per_em)
    : fonts_(fonts), size_(size), pixels_per_em_(pixels_per_em), pixels_(size_t(size) * size, 0) {}

void GlyphAtlas::clear() {
  glyphs_.clear();
  std::fill(pixels_.begin(), pixels_.end(), uint8_t(0));
  shelf_x_ = shelf_y_ = shelf_height_ = 0;
  dirty_ = RowRange{0, size_};
}

RowRange GlyphAtlas::take_dirty_rows() {
  RowRange rows = dirty_;
  dirty_ = {};
  return rows;
}

Result<const AtlasGlyph*> GlyphAtlas::glyph(uint16_t font, uint32_t glyph) {
  const uint64_t key = (uint64_t(font) << 32) | glyph;
  if (auto found = glyphs_.find(key); found != glyphs_.end()) return &found->second;
  const FontFace& face = fonts_.face(font);
  FT_Face ft = face.ft;
  if (FT_Set_Pixel_Sizes(ft, 0, pixels_per_em_) != 0 || FT_Load_Glyph(ft, glyph, FT_LOAD_NO_HINTING) != 0)
    return make_error("FreeType cannot load glyph " + std::to_string(glyph) + " of " + face.name);
  AtlasGlyph entry;
  FT_GlyphSlot slot = ft->glyph;
  const bool has_outline = slot->format == FT_GLYPH_FORMAT_OUTLINE && slot->outline.n_points > 0;
  if (has_outline) {
    // Coverage from FreeType, distances computed here (distance_field.h: FreeType's SDF renderers are far slower).
    if (FT_Render_Glyph(slot, FT_RENDER_MODE_NORMAL) != 0 || slot->bitmap.pixel_mode != FT_PIXEL_MODE_GRAY ||
        slot->bitmap.pitch < 0)
      return make_error("FreeType cannot render glyph " + std::to_string(glyph) + " of " + face.name);
    const FT_Bitmap& bitmap = slot->bitmap;
    const uint32_t spread = uint32_t(fonts_.sdf_spread());
    const bool drawn = bitmap.width > 0 && bitmap.rows > 0;
    const uint32_t width = drawn ? bitmap.width + 2 * spread : 0;
    const uint32_t height = drawn ? bitmap.rows + 2 * spread : 0;
    if (width > 0 && height > 0) {
      if (width + 1 > size_ || height + 1 > size_) return make_error("glyph larger than the atlas");
      if (shelf_x_ + width + 1 > size_) {  // next shelf
        shelf_y_ += shelf_height_ + 1;
        shelf_x_ = 0;
        shelf_height_ = 0;
      }
      if (shelf_y_ + height + 1 > size_)
        return make_error("the glyph atlas is full (" + std::to_string(glyphs_.size()) + " glyphs in " +
                          std::to_string(size_) + "x" + std::to_string(size_) + ")");
      const std::vector<uint8_t> field = distance_field(
          std::span(bitmap.buffer, size_t(bitmap.rows) * size_t(bitmap.pitch)), bitmap.width, bitmap.rows,
          bitmap.pitch, spread);
      for (uint32_t row = 0; row < height; ++row)
        std::copy_n(field.begin() + ptrdiff_t(row) * width, width,
                    pixels_.begin() + ptrdiff_t(shelf_y_ + row) * size_ + shelf_x_);
      const float texel = 1.0f / float(size_);
      const float em = 1.0f / float(pixels_per_em_);
      entry.empty = false;
      entry.u0 = float(shelf_x_) * texel;
      entry.v0 = float(shelf_y_) * texel;
      entry.u1 = float(shelf_x_ + width) * texel;
      entry.v1 = float(shelf_y_ + height) * texel;
      entry.left = float(slot->bitmap_left - int(spread)) * em;
      entry.top = float(slot->bitmap_top + int(spread)) * em;
      entry.width = float(width) * em;
      entry.height = float(height) * em;
      dirty_.begin = dirty_.empty() ? shelf_y_ : std::min(dirty_.begin, shelf_y_);
      dirty_.end = std::max(dirty_.end, shelf_y_ + height);
      shelf_x_ += width + 1;
      shelf_height_ = std::max(shelf_height_, height);
    }
  }
  return &glyphs_.emplace(key, entry).first->second;
}

}  // namespace liyuan::text
