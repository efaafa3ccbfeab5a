// ImportedMesh → optimised, LOD'd, quantised, meshopt-encoded MESH payload.
#include "mesh_builder.h"

#include <meshoptimizer.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "assets/vertex_format.h"

namespace liyuan::packer {
namespace {

bool finite(const vec3& v) { return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z); }

// Any unit vector orthogonal to N (Duff et al. 2017, "Building an Orthonormal Basis, Revisited").
vec3 any_tangent(const vec3& n) {
  const float sign = std::copysign(1.f, n.z);
  const float a = -1.f / (sign + n.z);
  const float b = n.x * n.y * a;
  return vec3(1.f + sign * n.x * n.x * a, sign * b, -sign * n.x);
}

uint64_t align_up(uint64_t value, uint64_t alignment) { return (value + alignment - 1) / alignment * alignment; }

Aabb bounds_of(const std::vector<FloatVertex>& vertices, const uint32_t* indices, size_t count) {
  Aabb box;
  for (size_t i = 0; i < count; ++i) box.expand(vertices[indices[i]].position);
  return box;
}

void store_box(const Aabb& box, float* lo, float* hi) {
  for (int k = 0; k < 3; ++k) {
    lo[k] = box.empty() ? 0.0f : box.min[k];
    hi[k] = box.empty() ? 0.0f : box.max[k];
  }
}

// Quantises V into the header's position box and UV range.
pack::PackedVertex quantize(const FloatVertex& v, const pack::MeshHeader& h) {
  using namespace vertex;
  pack::PackedVertex q;
  std::memset(&q, 0, sizeof q);
  for (int k = 0; k < 3; ++k) {
    float extent = h.bounds_max[k] - h.bounds_min[k];
    q.position[k] = to_unorm16(extent > 0.0f ? (v.position[k] - h.bounds_min[k]) / extent : 0.0f);
    q.normal[k] = to_snorm8(v.normal[k]);
    q.tangent[k] = to_snorm8(v.tangent[k]);
  }
  q.tangent[3] = v.tangent.w < 0.0f ? -127 : 127;
  for (int k = 0; k < 2; ++k)
    q.uv[k] = to_unorm16(h.uv_extent[k] > 0.0f ? (v.uv[k] - h.uv_min[k]) / h.uv_extent[k] : 0.0f);
  for (int k = 0; k < 4; ++k) q.color[k] = to_unorm8(v.color[k]);
  return q;
}

// Weights as unorm8 summing to exactly 255 (largest remainders get the rounding), joints as FORMAT says.
std::vector<unsigned char> skin_vertices(const std::vector<FloatVertex>& vertices, uint32_t format) {
  const size_t stride = pack::skin_vertex_size(format);
  std::vector<unsigned char> out(vertices.size() * stride, 0);
  for (size_t v = 0; v < vertices.size(); ++v) {
    const FloatVertex& fv = vertices[v];
    uint8_t weights[4];
    float remainders[4];
    int total = 0;
    for (int k = 0; k < 4; ++k) {
      const float scaled = std::clamp(fv.weights[k], 0.0f, 1.0f) * 255.0f;
      weights[k] = uint8_t(std::floor(scaled));
      remainders[k] = scaled - std::floor(scaled);
      total += weights[k];
    }
    while (total < 255) {
      int best = 0;
      for (int k = 1; k < 4; ++k)
        if (remainders[k] > remainders[best]) best = k;
      if (remainders[best] < 0.0f) {
        ++weights[0];  // every slot rounded up already: whatever is left goes to the largest influence
      } else {
        ++weights[best];
        remainders[best] = -1.0f;
      }
      ++total;
    }
    unsigned char* record = out.data() + v * stride;
    if (format == pack::kSkinFormatJoints8) {
      pack::SkinVertex8 s{};
      for (int k = 0; k < 4; ++k) s.joints[k] = uint8_t(weights[k] ? fv.joints[k] : 0), s.weights[k] = weights[k];
      std::memcpy(record, &s, sizeof s);
    } else {
      pack::SkinVertex16 s{};
      for (int k = 0; k < 4; ++k) s.joints[k] = weights[k] ? fv.joints[k] : 0, s.weights[k] = weights[k];
      std::memcpy(record, &s, sizeof s);
    }
  }
  return out;
}

}  // namespace

std::vector<FloatVertex> make_float_vertices(const ImportedMesh& mesh) {
  const size_t n = mesh.positions.size();
  const bool has_uv = mesh.uvs.size() == n;
  const bool has_tangents = has_uv && mesh.tangents.size() == n && mesh.bitangents.size() == n;
  const bool has_colors = mesh.colors.size() == n;
  std::vector<FloatVertex> out(n);
  for (size_t v = 0; v < n; ++v) {
    FloatVertex& fv = out[v];
    fv.position = mesh.positions[v];
    vec3 normal = mesh.normals[v];
    const float normal_length = glm::length(normal);
    normal = finite(normal) && normal_length > 1e-20f ? normal / normal_length : vec3(0.f, 1.f, 0.f);
    vec3 tangent(0.f);
    float handedness = 1.f;
    bool tangent_ok = false;
    if (has_tangents) {
      const vec3 t = mesh.tangents[v];
      const vec3 orthogonal = t - normal * glm::dot(normal, t);  // Gram-Schmidt
      const float length = glm::length(orthogonal);
      if (finite(orthogonal) && length > 1e-6f) {
        tangent = orthogonal / length;
        tangent_ok = true;
        const vec3 b = mesh.bitangents[v];
        if (finite(b) && glm::dot(glm::cross(normal, tangent), b) < 0.f) handedness = -1.f;
      }
    }
    if (!tangent_ok) tangent = any_tangent(normal);
    fv.normal = normal;
    fv.tangent = vec4(tangent, handedness);
    if (has_uv && std::isfinite(mesh.uvs[v].x) && std::isfinite(mesh.uvs[v].y)) fv.uv = mesh.uvs[v];
    if (has_colors) fv.color = glm::clamp(mesh.colors[v], vec4(0.0f), vec4(1.0f));
    if (mesh.joints.size() == n && mesh.weights.size() == n) {
      for (int k = 0; k < 4; ++k) fv.joints[k] = mesh.joints[v][size_t(k)];
      fv.weights = mesh.weights[v];
    }
  }
  return out;
}

BuiltMesh build_mesh(const ImportedMesh& mesh, uint32_t material, const LodOptions& lod_options) {
  std::vector<FloatVertex> vertices = make_float_vertices(mesh);
  std::vector<uint32_t> level0 = mesh.indices;
  meshopt_optimizeVertexCache(level0.data(), level0.data(), level0.size(), vertices.size());
  meshopt_optimizeOverdraw(level0.data(), level0.data(), level0.size(), &vertices[0].position.x, vertices.size(),
                           sizeof(FloatVertex), 1.05f);

  std::vector<vec3> positions(vertices.size());
  for (size_t v = 0; v < vertices.size(); ++v) positions[v] = vertices[v].position;
  std::vector<LodLevel> chain = build_lod_chain(positions, level0, lod_options);

  // All levels in one index stream, full detail first; then one vertex order for all of them.
  std::vector<uint32_t> indices;
  for (const LodLevel& level : chain) indices.insert(indices.end(), level.indices.begin(), level.indices.end());
  const size_t vertex_count = meshopt_optimizeVertexFetch(vertices.data(), indices.data(), indices.size(),
                                                          vertices.data(), vertices.size(), sizeof(FloatVertex));
  vertices.resize(vertex_count);

  pack::MeshHeader header;
  std::memset(&header, 0, sizeof header);
  header.vertex_count = uint32_t(vertex_count);
  header.index_count = uint32_t(indices.size());
  header.vertex_format = pack::kVertexFormatQuantized24;
  header.vertex_stride = sizeof(pack::PackedVertex);
  header.material = material;
  header.lod_count = uint32_t(chain.size());
  header.vertex_encoding = uint32_t(pack::StreamEncoding::Meshopt);
  header.index_encoding = uint32_t(pack::StreamEncoding::Meshopt);
  header.flags = mesh.colors.size() == mesh.positions.size() ? pack::kMeshHasVertexColors : 0;
  store_box(bounds_of(vertices, indices.data(), chain[0].indices.size()), header.bounds_min, header.bounds_max);
  vec2 uv_lo(INFINITY), uv_hi(-INFINITY);
  for (const FloatVertex& v : vertices) uv_lo = glm::min(uv_lo, v.uv), uv_hi = glm::max(uv_hi, v.uv);
  for (int k = 0; k < 2; ++k) {
    header.uv_min[k] = vertices.empty() ? 0.0f : uv_lo[k];
    header.uv_extent[k] = vertices.empty() ? 0.0f : uv_hi[k] - uv_lo[k];
  }
  BuiltMesh built;
  uint32_t first = 0;
  for (size_t l = 0; l < chain.size(); ++l) {
    pack::LodRecord& lod = header.lods[l];
    lod.first_index = first;
    lod.index_count = uint32_t(chain[l].indices.size());
    lod.error = chain[l].error;
    store_box(bounds_of(vertices, indices.data() + first, lod.index_count), lod.bounds_min, lod.bounds_max);
    built.lod_triangles.push_back(lod.index_count / 3);
    first += lod.index_count;
  }

  std::vector<pack::PackedVertex> quantized(vertex_count);
  for (size_t v = 0; v < vertex_count; ++v) quantized[v] = quantize(vertices[v], header);

  meshopt_encodeVertexVersion(0);
  meshopt_encodeIndexVersion(1);
  std::vector<unsigned char> vertex_stream(meshopt_encodeVertexBufferBound(vertex_count, sizeof(pack::PackedVertex)));
  vertex_stream.resize(meshopt_encodeVertexBuffer(vertex_stream.data(), vertex_stream.size(), quantized.data(),
                                                  vertex_count, sizeof(pack::PackedVertex)));
  std::vector<unsigned char> index_stream(meshopt_encodeIndexBufferBound(indices.size(), vertex_count));
  index_stream.resize(
      meshopt_encodeIndexBuffer(index_stream.data(), index_stream.size(), indices.data(), indices.size()));

  header.vertex_offset = sizeof(pack::MeshHeader);
  header.vertex_size = vertex_stream.size();
  header.index_offset = align_up(header.vertex_offset + header.vertex_size, 16);
  header.index_size = index_stream.size();

  std::vector<unsigned char> skin_stream;
  uint64_t payload_size = header.index_offset + header.index_size;
  if (mesh.joint_count > 0 && mesh.joints.size() == mesh.positions.size()) {
    header.flags |= pack::kMeshSkinned;
    header.joint_count = mesh.joint_count;
    header.skin_format = mesh.joint_count <= 256 ? pack::kSkinFormatJoints8 : pack::kSkinFormatJoints16;
    header.skin_encoding = uint32_t(pack::StreamEncoding::Meshopt);
    const std::vector<unsigned char> skin = skin_vertices(vertices, header.skin_format);
    const size_t stride = pack::skin_vertex_size(header.skin_format);
    skin_stream.resize(meshopt_encodeVertexBufferBound(vertex_count, stride));
    skin_stream.resize(meshopt_encodeVertexBuffer(skin_stream.data(), skin_stream.size(), skin.data(), vertex_count,
                                                  stride));
    header.skin_offset = align_up(payload_size, 16);
    header.skin_size = skin_stream.size();
    payload_size = header.skin_offset + header.skin_size;
  }

  built.vertex_count = uint32_t(vertex_count);
  built.payload.assign(payload_size, std::byte{0});
  std::memcpy(built.payload.data(), &header, sizeof header);
  std::memcpy(built.payload.data() + header.vertex_offset, vertex_stream.data(), vertex_stream.size());
  std::memcpy(built.payload.data() + header.index_offset, index_stream.data(), index_stream.size());
  if (!skin_stream.empty()) std::memcpy(built.payload.data() + header.skin_offset, skin_stream.data(), skin_stream.size());
  return built;
}

}  // namespace liyuan::packer
