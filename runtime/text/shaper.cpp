#include "text/shaper.h"

#include <hb.h>

namespace liyuan::text {

void shape_run(const FontFace& face, uint16_t font, std::u32string_view paragraph, size_t start, size_t length,
               bool right_to_left, std::string_view language, std::vector<ShapedGlyph>& out) {
  hb_buffer_t* buffer = hb_buffer_create();
  static_assert(sizeof(hb_codepoint_t) == sizeof(char32_t));
  hb_buffer_add_codepoints(buffer, reinterpret_cast<const hb_codepoint_t*>(paragraph.data()), int(paragraph.size()),
                           unsigned(start), int(length));
  hb_buffer_set_direction(buffer, right_to_left ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
  hb_buffer_set_language(buffer, hb_language_from_string(language.data(), int(language.size())));
  hb_buffer_guess_segment_properties(buffer);
  hb_shape(face.hb, buffer, nullptr, 0);
  unsigned count = 0;
  const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer, &count);
  const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer, &count);
  const float scale = 1.0f / face.units_per_em;
  for (unsigned i = 0; i < count; ++i) {
    out.push_back(ShapedGlyph{font, infos[i].codepoint, infos[i].cluster, float(positions[i].x_advance) * scale,
                              float(positions[i].x_offset) * scale, float(positions[i].y_offset) * scale});
  }
  hb_buffer_destroy(buffer);
}

}  // namespace liyuan::text
