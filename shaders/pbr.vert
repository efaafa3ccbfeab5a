#version 460
#extension GL_GOOGLE_include_directive : require
#extension GL_EXT_multiview : require
#include "shared_types.h"
#include "vertex_common.glsl"

// Positions and UVs are mapped back to their ranges by the draw's matrix (world_from_vertex) and UV transform.
void main() {
  emit_vertex(draw.world_from_vertex * vec4(in_position.xyz, 1.0), in_normal.xyz, in_tangent.xyz);
}
