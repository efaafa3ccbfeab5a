#include "text/text_quads.h"

#include <cmath>

namespace liyuan::text {

Status append_text_quads(const TextBlock& block, vec2 top_left, const TextFrame& frame, GlyphAtlas& atlas,
                         const vec4& color, std::vector<TextQuad>& out) {
  const vec3 axis_x = vec3(frame.world_from_plane[0]);
  const vec3 axis_y = vec3(frame.world_from_plane[1]);
  const float em = frame.em_metres;
  for (const PositionedGlyph& g : block.glyphs) {
    auto entry = atlas.glyph(g.font, g.glyph);
    if (!entry) return entry.error();
    const AtlasGlyph& a = **entry;
    if (a.empty) continue;
    const vec2 corner = top_left + vec2(g.x + a.left, g.y + a.top - a.height) * em;
    TextQuad quad;
    quad.origin = vec3(frame.world_from_plane * vec4(corner, 0.0f, 1.0f));
    quad.right = axis_x * (a.width * em);
    quad.up = axis_y * (a.height * em);
    quad.uv = vec4(a.u0, a.v0, a.u1, a.v1);
    quad.color = color;
    quad.kind = QuadKind::Glyph;
    out.push_back(quad);
  }
  return {};
}

void append_plate(vec2 min, vec2 max, float radius, const TextFrame& frame, const vec4& color,
                  std::vector<TextQuad>& out) {
  TextQuad quad;
  quad.origin = vec3(frame.world_from_plane * vec4(min, 0.0f, 1.0f));
  quad.right = vec3(frame.world_from_plane[0]) * (max.x - min.x);
  quad.up = vec3(frame.world_from_plane[1]) * (max.y - min.y);
  quad.uv = vec4(max.x - min.x, max.y - min.y, radius, 0.0f);
  quad.color = color;
  quad.kind = QuadKind::Plate;
  out.push_back(quad);
}

vec4 linear_from_srgb(const vec4& srgb) {
  auto channel = [](float c) { return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f); };
  return vec4(channel(srgb.r), channel(srgb.g), channel(srgb.b), srgb.a);
}

}  // namespace liyuan::text
