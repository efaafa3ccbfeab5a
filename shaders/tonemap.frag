#version 460
#extension GL_GOOGLE_include_directive : require
#include "shared_types.h"
#include "tonemap.glsl"

layout(set = 0, binding = LY_BINDING_HDR_INPUT) uniform sampler2DArray hdr_input;
layout(push_constant) uniform Tonemap { TonemapPushConstants tonemap; };

layout(location = 0) in vec2 in_uv;
layout(location = 0) out vec4 out_color;

void main() {
  ivec2 texel = ivec2(in_uv * vec2(textureSize(hdr_input, 0).xy));
  vec4 hdr = texelFetch(hdr_input, ivec3(texel, int(tonemap.params.y)), 0);
  // Comfort for a headset visitor being moved: a vignette darkens the edges, a fade darkens everything.
  float from_centre = length(in_uv * 2.0 - 1.0);
  float comfort = (1.0 - tonemap.params.z) * (1.0 - tonemap.params.w * smoothstep(0.4, 1.0, from_centre));
  out_color = vec4(tonemap_pbr_neutral(hdr.rgb * tonemap.params.x) * comfort, 1.0);
}
