#version 460
#extension GL_GOOGLE_include_directive : require
#extension GL_EXT_multiview : require
#include "shared_types.h"
#include "vertex_common.glsl"

// Skinned meshes (anim/pose.h): four joints and weights per vertex from the skin stream (vertex binding 1), joint
// matrices from the frame's palette starting at the draw's firstInstance (gl_InstanceIndex: the push constants are
// full). Each joint matrix already holds the position dequantisation, so it takes the fetched 0..1 position to the
// skeleton's space; the draw's matrix is then world_from_mesh (not world_from_vertex), and normal_matrix[c].w holds
// 1 / the dequantisation scale of axis c, divided out of the blended matrix for normals and tangents.
layout(location = 5) in uvec4 in_joints;   // uint16 joint indices into the mesh's skin
layout(location = 6) in vec4 in_weights;   // unorm8, summing to 1

layout(std430, set = LY_SET_FRAME, binding = LY_BINDING_JOINT_PALETTE) readonly buffer Palette { mat4 joint_matrices[]; };

void main() {
  uint base = uint(gl_InstanceIndex);
  mat4 skin = in_weights.x * joint_matrices[base + in_joints.x] + in_weights.y * joint_matrices[base + in_joints.y] +
              in_weights.z * joint_matrices[base + in_joints.z] + in_weights.w * joint_matrices[base + in_joints.w];
  vec3 inverse_scale = vec3(draw.normal_matrix[0].w, draw.normal_matrix[1].w, draw.normal_matrix[2].w);
  mat3 linear = mat3(skin[0].xyz * inverse_scale.x, skin[1].xyz * inverse_scale.y, skin[2].xyz * inverse_scale.z);
  vec4 mesh_position = skin * vec4(in_position.xyz, 1.0);
  emit_vertex(draw.world_from_vertex * vec4(mesh_position.xyz, 1.0), linear * in_normal.xyz, linear * in_tangent.xyz);
}
