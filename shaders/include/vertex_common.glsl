// What pbr.vert and pbr_skinned.vert share: the quantised vertex's inputs (pack::PackedVertex; the fetch dequantises
// to 0..1 / -1..1), the outputs the fragment shader reads, and writing them for a vertex placed in the world.
#ifndef LIYUAN_VERTEX_COMMON_GLSL
#define LIYUAN_VERTEX_COMMON_GLSL

layout(set = LY_SET_FRAME, binding = LY_BINDING_FRAME_UNIFORMS) uniform Frame { FrameUniforms frame; };
layout(push_constant) uniform Draw { DrawPushConstants draw; };

layout(location = 0) in vec4 in_position;  // unorm16 in the mesh's bounds
layout(location = 1) in vec4 in_normal;    // snorm8
layout(location = 2) in vec4 in_tangent;   // snorm8, w = handedness
layout(location = 3) in vec2 in_uv;        // unorm16 in the mesh's UV range
layout(location = 4) in vec4 in_color;     // unorm8, sRGB-encoded RGB

layout(location = 0) out vec3 out_world_position;
layout(location = 1) out vec3 out_normal;
layout(location = 2) out vec2 out_uv;
layout(location = 3) out vec4 out_tangent;
layout(location = 4) out vec4 out_color;

vec3 srgb_to_linear(vec3 c) {
  return mix(c / 12.92, pow((c + 0.055) / 1.055, vec3(2.4)), greaterThan(c, vec3(0.04045)));
}

mat3 draw_normal_matrix() {
  return mat3(draw.normal_matrix[0].xyz, draw.normal_matrix[1].xyz, draw.normal_matrix[2].xyz);
}

// Writes every output for a vertex at WORLD with mesh-space NORMAL and TANGENT (before the draw's normal matrix).
void emit_vertex(vec4 world, vec3 normal, vec3 tangent) {
  mat3 normal_matrix = draw_normal_matrix();
  out_world_position = world.xyz;
  out_normal = normal_matrix * normal;
  // Tangents follow the normal matrix: exact for rotations and uniform scales, which is what relics are placed with.
  out_tangent = vec4(normal_matrix * tangent, in_tangent.w < 0.0 ? -1.0 : 1.0);
  out_uv = draw.uv_transform.xy + in_uv * draw.uv_transform.zw;
  out_color = vec4(srgb_to_linear(in_color.rgb), in_color.a);
  gl_Position = frame.view_projection[gl_ViewIndex] * world;
}

#endif  // LIYUAN_VERTEX_COMMON_GLSL
