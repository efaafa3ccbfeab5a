// The quantised vertex (pack::PackedVertex) in both directions: what the packer stores and what the GPU's vertex fetch
// gives back, for CPU-side users (tests, picking) that need the real values.
#pragma once

#include <algorithm>
#include <cmath>

#include "assets/pack_format.h"
#include "core/math.h"

namespace liyuan::vertex {

inline float unorm16(uint16_t q) { return float(q) / 65535.0f; }
inline float snorm8(int8_t q) { return std::max(float(q) / 127.0f, -1.0f); }
inline uint16_t to_unorm16(float v) { return uint16_t(std::lround(std::clamp(v, 0.0f, 1.0f) * 65535.0f)); }
inline int8_t to_snorm8(float v) { return int8_t(std::lround(std::clamp(v, -1.0f, 1.0f) * 127.0f)); }
inline uint8_t to_unorm8(float v) { return uint8_t(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f)); }

// The position of V in mesh space.
inline vec3 position(const pack::MeshHeader& h, const pack::PackedVertex& v) {
  vec3 lo = glm::make_vec3(h.bounds_min), hi = glm::make_vec3(h.bounds_max);
  return lo + vec3(unorm16(v.position[0]), unorm16(v.position[1]), unorm16(v.position[2])) * (hi - lo);
}
// The (unit length, to 8-bit precision) normal of V.
inline vec3 normal(const pack::PackedVertex& v) { return vec3(snorm8(v.normal[0]), snorm8(v.normal[1]), snorm8(v.normal[2])); }
// The tangent of V with its handedness in w (+1 or -1).
inline vec4 tangent(const pack::PackedVertex& v) {
  return vec4(snorm8(v.tangent[0]), snorm8(v.tangent[1]), snorm8(v.tangent[2]), v.tangent[3] < 0 ? -1.0f : 1.0f);
}
// The texture coordinate of V.
inline vec2 uv(const pack::MeshHeader& h, const pack::PackedVertex& v) {
  return glm::make_vec2(h.uv_min) + vec2(unorm16(v.uv[0]), unorm16(v.uv[1])) * glm::make_vec2(h.uv_extent);
}

// The quantisation box's extent with flat axes as 1 (their positions quantise to 0, so nothing moves): the scale of
// skinned_mesh_from_vertex, which stays invertible so that the skinning shader can take it out of normals.
inline vec3 skinned_vertex_scale(const pack::MeshHeader& h) {
  vec3 extent = glm::make_vec3(h.bounds_max) - glm::make_vec3(h.bounds_min);
  for (int k = 0; k < 3; ++k) extent[k] = extent[k] > 0.0f ? extent[k] : 1.0f;
  return extent;
}
// Position dequantisation as a matrix (mesh space from the fetched 0..1 position) for skinned meshes: what joint
// matrices fold in (anim/pose.h).
inline mat4 skinned_mesh_from_vertex(const pack::MeshHeader& h) {
  return glm::scale(glm::translate(mat4(1.0f), glm::make_vec3(h.bounds_min)), skinned_vertex_scale(h));
}

}  // namespace liyuan::vertex
