#include "text/panel_layout.h"

namespace liyuan::text {

PanelLayout layout_panel(const FontLibrary& fonts, const FontChain& regular, const FontChain& bold,
                         const PanelText& text, const PanelStyle& style) {
  PanelLayout layout;
  const float content = style.width_em - 2.0f * style.padding_em;
  float y = -style.padding_em;
  bool right_to_left = false;
  auto add = [&](const std::string& value, const FontChain& chain, float scale, const vec4& color, float gap_before) {
    if (value.empty()) return;
    LayoutStyle line_style;
    line_style.language = style.language;
    line_style.max_width = content / scale;
    line_style.line_height = scale > 1.0f ? 1.3f : 1.5f;
    PanelPart part;
    part.block = layout_text(fonts, chain, value, line_style);
    if (layout.parts.empty()) right_to_left = part.block.right_to_left;
    if (!layout.parts.empty()) y -= gap_before;
    part.scale = scale;
    part.color = color;
    // Flush with the start edge: the right for right-to-left panels.
    const float x = right_to_left ? style.padding_em + content - part.block.width * scale : style.padding_em;
    part.top_left = vec2(x, y);
    y -= part.block.height * scale;
    layout.parts.push_back(std::move(part));
  };
  add(text.title, bold, 1.5f, style.title_color, 0.0f);
  add(text.period, regular, 1.0f, style.period_color, 0.2f);
  add(text.description, regular, 1.0f, style.body_color, 0.7f);
  add(text.credit, regular, 0.85f, style.credit_color, 0.7f);
  layout.size_em = vec2(style.width_em, -y + style.padding_em);
  return layout;
}

Status append_panel_quads(const PanelLayout& layout, const PanelStyle& style, const TextFrame& frame,
                          GlyphAtlas& atlas, std::vector<TextQuad>& out) {
  const float em = frame.em_metres;
  const vec2 half = layout.size_em * em * 0.5f;
  append_plate(-half, half, 0.8f * em, frame, style.plate_color, out);
  const vec2 origin(-half.x, half.y);  // the plate's top-left corner
  for (const PanelPart& part : layout.parts) {
    TextFrame scaled = frame;
    scaled.em_metres = em * part.scale;
    if (Status s = append_text_quads(part.block, origin + part.top_left * em, scaled, atlas, part.color, out); !s)
      return s;
  }
  return {};
}

}  // namespace liyuan::text
