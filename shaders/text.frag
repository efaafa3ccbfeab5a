#version 460
// Glyphs from the signed distance field (128/255 on the outline), anti-aliased over the distance's screen-space
// derivative so they stay crisp at any distance, four samples a pixel so small text keeps its thin strokes; plates as rounded rectangles. Output premultiplied.
#extension GL_GOOGLE_include_directive : require
#include "text_types.h"

layout(set = 0, binding = LY_BINDING_TEXT_ATLAS) uniform sampler2D atlas;
layout(push_constant) uniform Text { TextPushConstants text; };

layout(location = 0) in vec2 in_uv;
layout(location = 1) flat in vec4 in_color;
layout(location = 2) flat in vec4 in_plate;
layout(location = 0) out vec4 out_color;

void main() {
  float coverage;
  if (in_plate.w > 0.5) {
    vec2 q = abs(in_uv) - (in_plate.xy - in_plate.z);
    float distance = length(max(q, 0.0)) + min(max(q.x, q.y), 0.0) - in_plate.z;
    coverage = clamp(0.5 - distance / max(fwidth(distance), 1e-6), 0.0, 1.0);
  } else {
    // Four samples inside the pixel (a rotated grid), so strokes thinner than a pixel at small sizes still show.
    float softness = max(fwidth(texture(atlas, in_uv).r) * text.params.x, 1e-3);
    vec2 dx = dFdx(in_uv);
    vec2 dy = dFdy(in_uv);
    coverage = 0.0;
    const vec2 kOffsets[4] = vec2[](vec2(-0.125, -0.375), vec2(0.375, -0.125), vec2(0.125, 0.375), vec2(-0.375, 0.125));
    for (int i = 0; i < 4; ++i) {
      float d = texture(atlas, in_uv + dx * kOffsets[i].x + dy * kOffsets[i].y).r;
      coverage += 0.25 * smoothstep(0.5 - softness, 0.5 + softness, d);
    }
  }
  float alpha = in_color.a * coverage;
  // A visitor being moved behind a fade sees the text darken with the hall (it still covers what is behind it).
  out_color = vec4(in_color.rgb * alpha * (1.0 - text.params.y), alpha);
}
