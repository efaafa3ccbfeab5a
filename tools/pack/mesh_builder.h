// Mesh building: vertices with a tangent frame, an LOD chain, meshoptimizer's cache/overdraw/fetch optimisation,
// quantisation to pack::PackedVertex, and meshopt stream encoding.
#pragma once

#include "assets/pack_format.h"
#include "imported_model.h"
#include "lod_builder.h"

#include <cstddef>
#include <vector>

namespace liyuan::packer {

// A vertex before quantisation.
struct FloatVertex {
  vec3 position{0.0f};
  vec3 normal{0.0f, 1.0f, 0.0f};  // unit
  vec2 uv{0.0f};                  // (0,0) when the mesh has none
  vec4 tangent{1.0f, 0.0f, 0.0f, 1.0f};  // unit xyz orthogonal to the normal; w = handedness
  vec4 color{1.0f};               // sRGB-encoded RGB, linear alpha
  uint16_t joints[4] = {0, 0, 0, 0};  // skinned meshes: the skin's joints, 4 largest influences
  vec4 weights{0.0f};                 // summing to 1
};

// The vertices of MESH: normals normalised, UV (0,0) when the mesh has none, and a unit tangent orthogonal to the
// normal with w = +1 or -1 such that cross(normal, tangent) * w points along the source bitangent. Without source
// tangents (or where they are degenerate) any orthonormal tangent with w = +1 is built. Colours white when absent.
std::vector<FloatVertex> make_float_vertices(const ImportedMesh& mesh);

// A MESH chunk payload (MeshHeader, encoded vertex stream, encoded index stream) and its counts.
struct BuiltMesh {
  std::vector<std::byte> payload;
  uint32_t vertex_count = 0;
  std::vector<uint32_t> lod_triangles;  // per level, full detail first
};

// Builds MESH: level 0 optimised for the vertex cache and overdraw (threshold 1.05), an LOD chain (lod_builder.h),
// the vertices reordered for fetch over all levels (unused ones dropped), quantised (bounds and UV range in the
// header), and both streams meshopt-encoded (vertex codec version 0, index codec version 1, set explicitly so output
// never depends on library defaults). MATERIAL is written into the header. A skinned mesh (MESH.joints) also gets a
// skin stream in the same vertex order (kMeshSkinned; 8-bit joints up to 256 joints, else 16-bit; weights unorm8
// summing to 255), meshopt-encoded; its LODs are simplified on positions alone and share the skin stream.
BuiltMesh build_mesh(const ImportedMesh& mesh, uint32_t material, const LodOptions& lod_options = {});

}  // namespace liyuan::packer
