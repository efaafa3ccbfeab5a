// ImportedMesh → optimised, meshopt-encoded MESH payload.
#include "mesh_builder.h"

#include <meshoptimizer.h>

#include <cmath>
#include <cstring>

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

}  // namespace

std::vector<pack::PackedVertex> make_packed_vertices(const ImportedMesh& mesh) {
  const size_t n = mesh.positions.size();
  const bool has_uv = mesh.uvs.size() == n;
  const bool has_tangents = has_uv && mesh.tangents.size() == n && mesh.bitangents.size() == n;
  std::vector<pack::PackedVertex> out(n);
  for (size_t v = 0; v < n; ++v) {
    pack::PackedVertex& pv = out[v];
    std::memset(&pv, 0, sizeof pv);
    const vec3 p = mesh.positions[v];
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
    const vec2 uv = has_uv && std::isfinite(mesh.uvs[v].x) && std::isfinite(mesh.uvs[v].y) ? mesh.uvs[v] : vec2(0.f);
    pv.position[0] = p.x;
    pv.position[1] = p.y;
    pv.position[2] = p.z;
    pv.normal[0] = normal.x;
    pv.normal[1] = normal.y;
    pv.normal[2] = normal.z;
    pv.uv[0] = uv.x;
    pv.uv[1] = uv.y;
    pv.tangent[0] = tangent.x;
    pv.tangent[1] = tangent.y;
    pv.tangent[2] = tangent.z;
    pv.tangent[3] = handedness;
  }
  return out;
}

BuiltMesh build_mesh(const ImportedMesh& mesh, uint32_t material) {
  std::vector<pack::PackedVertex> vertices = make_packed_vertices(mesh);
  std::vector<uint32_t> indices = mesh.indices;
  const size_t index_count = indices.size();

  meshopt_optimizeVertexCache(indices.data(), indices.data(), index_count, vertices.size());
  meshopt_optimizeOverdraw(indices.data(), indices.data(), index_count, vertices[0].position, vertices.size(),
                           sizeof(pack::PackedVertex), 1.05f);
  const size_t vertex_count = meshopt_optimizeVertexFetch(vertices.data(), indices.data(), index_count, vertices.data(),
                                                          vertices.size(), sizeof(pack::PackedVertex));
  vertices.resize(vertex_count);

  meshopt_encodeVertexVersion(0);
  meshopt_encodeIndexVersion(1);
  std::vector<unsigned char> vertex_stream(meshopt_encodeVertexBufferBound(vertex_count, sizeof(pack::PackedVertex)));
  vertex_stream.resize(meshopt_encodeVertexBuffer(vertex_stream.data(), vertex_stream.size(), vertices.data(),
                                                  vertex_count, sizeof(pack::PackedVertex)));
  std::vector<unsigned char> index_stream(meshopt_encodeIndexBufferBound(index_count, vertex_count));
  index_stream.resize(meshopt_encodeIndexBuffer(index_stream.data(), index_stream.size(), indices.data(), index_count));

  pack::MeshHeader header;
  std::memset(&header, 0, sizeof header);
  header.vertex_count = uint32_t(vertex_count);
  header.index_count = uint32_t(index_count);
  header.vertex_format = pack::kVertexFormatFloat48;
  header.vertex_stride = sizeof(pack::PackedVertex);
  header.material = material;
  header.lod_count = 1;
  header.vertex_encoding = uint32_t(pack::StreamEncoding::Meshopt);
  header.index_encoding = uint32_t(pack::StreamEncoding::Meshopt);
  vec3 lo(INFINITY), hi(-INFINITY);
  for (const pack::PackedVertex& v : vertices) {
    const vec3 p(v.position[0], v.position[1], v.position[2]);
    lo = glm::min(lo, p);
    hi = glm::max(hi, p);
  }
  for (int k = 0; k < 3; ++k) {
    header.bounds_min[k] = lo[k];
    header.bounds_max[k] = hi[k];
  }
  header.vertex_offset = sizeof(pack::MeshHeader);
  header.vertex_size = vertex_stream.size();
  header.index_offset = align_up(header.vertex_offset + header.vertex_size, 16);
  header.index_size = index_stream.size();
  header.lods[0] = pack::LodRecord{0, uint32_t(index_count), 0.f, 0};

  BuiltMesh built;
  built.vertex_count = uint32_t(vertex_count);
  built.triangle_count = uint32_t(index_count / 3);
  built.payload.assign(header.index_offset + header.index_size, std::byte{0});
  std::memcpy(built.payload.data(), &header, sizeof header);
  std::memcpy(built.payload.data() + header.vertex_offset, vertex_stream.data(), vertex_stream.size());
  std::memcpy(built.payload.data() + header.index_offset, index_stream.data(), index_stream.size());
  return built;
}

}  // namespace liyuan::packer
