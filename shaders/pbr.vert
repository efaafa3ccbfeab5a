#version 460
#extension GL_GOOGLE_include_directive : require
#extension GL_EXT_multiview : require
#include "shared_types.h"

layout(set = LY_SET_FRAME, binding = LY_BINDING_FRAME_UNIFORMS) uniform Frame { FrameUniforms frame; };
layout(push_constant) uniform Draw { DrawPushConstants draw; };

layout(location = 0) in vec3 in_position;
layout(location = 1) in vec3 in_normal;
layout(location = 2) in vec2 in_uv;
layout(location = 3) in vec4 in_tangent;

layout(location = 0) out vec3 out_world_position;
layout(location = 1) out vec3 out_normal;
layout(location = 2) out vec2 out_uv;
layout(location = 3) out vec4 out_tangent;

void main() {
  vec4 world = draw.world_from_mesh * vec4(in_position, 1.0);
  mat3 normal_matrix = mat3(draw.normal_matrix[0].xyz, draw.normal_matrix[1].xyz, draw.normal_matrix[2].xyz);
  out_world_position = world.xyz;
  out_normal = normal_matrix * in_normal;
  out_tangent = vec4(mat3(draw.world_from_mesh) * in_tangent.xyz, in_tangent.w);
  out_uv = in_uv;
  gl_Position = frame.view_projection[gl_ViewIndex] * world;
}
