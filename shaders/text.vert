#version 460
// A glyph or a plate as two triangles, from one instance of TextQuadInstance (no vertex buffer for corners).
#extension GL_GOOGLE_include_directive : require
#include "text_types.h"

layout(location = 0) in vec4 in_origin_kind;
layout(location = 1) in vec4 in_right;
layout(location = 2) in vec4 in_up;
layout(location = 3) in vec4 in_uv;
layout(location = 4) in vec4 in_color;

layout(push_constant) uniform Text { TextPushConstants text; };

layout(location = 0) out vec2 out_uv;            // glyph: atlas coordinates; plate: position from the centre (m)
layout(location = 1) flat out vec4 out_color;
layout(location = 2) flat out vec4 out_plate;    // plate: half width, half height, corner radius; w: kind

const vec2 kCorners[6] = vec2[](vec2(0, 0), vec2(1, 0), vec2(1, 1), vec2(0, 0), vec2(1, 1), vec2(0, 1));

void main() {
  vec2 corner = kCorners[gl_VertexIndex];
  vec3 world = in_origin_kind.xyz + in_right.xyz * corner.x + in_up.xyz * corner.y;
  gl_Position = text.clip_from_world * vec4(world, 1.0);
  bool plate = in_origin_kind.w > 0.5;
  out_uv = plate ? (corner - 0.5) * in_uv.xy : vec2(mix(in_uv.x, in_uv.z, corner.x), mix(in_uv.w, in_uv.y, corner.y));
  out_color = in_color;
  out_plate = vec4(in_uv.xy * 0.5, in_uv.z, in_origin_kind.w);
}
