// Mesh building: the runtime vertex (PackedVertex with a tangent frame), meshoptimizer's cache/overdraw/fetch
// optimisation, and meshopt stream encoding.
#pragma once

#include "assets/pack_format.h"
#include "imported_model.h"

#include <cstddef>
#include <vector>

namespace liyuan::packer {

// PackedVertex[] for MESH: normals normalised, UV (0,0) when the mesh has none, and a unit tangent orthogonal to the
// normal with w = +1 or -1 such that cross(normal, tangent) * w points along the source bitangent. Without source
// tangents (or where they are degenerate) any orthonormal tangent with w = +1 is built.
std::vector<pack::PackedVertex> make_packed_vertices(const ImportedMesh& mesh);

// A MESH chunk payload (MeshHeader, encoded vertex stream, encoded index stream) and its counts.
struct BuiltMesh {
  std::vector<std::byte> payload;
  uint32_t vertex_count = 0;
  uint32_t triangle_count = 0;
};

// Optimises MESH (meshopt_optimizeVertexCache, meshopt_optimizeOverdraw with threshold 1.05,
// meshopt_optimizeVertexFetch, which also drops unused vertices), computes bounds, and encodes both streams with
// meshopt (vertex codec version 0, index codec version 1, set explicitly so output never depends on library defaults).
// One LOD covers every index. MATERIAL is written into the header.
BuiltMesh build_mesh(const ImportedMesh& mesh, uint32_t material);

}  // namespace liyuan::packer
