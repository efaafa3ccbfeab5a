// A pack's contents as typed views: materials, instances, meshes and textures, each structurally validated
// (sizes, offsets, indices in range) so the renderer can trust every number it reads.
#pragma once

#include "assets/catalogue.h"
#include "assets/pack_files.h"
#include "assets/pack_format.h"
#include "assets/pack_reader.h"
#include "assets/skeleton_chunks.h"
#include "core/error.h"
#include "core/math.h"

#include <span>
#include <string>
#include <vector>

namespace liyuan {

// One MESH chunk: its header and its encoded streams (views into `storage`).
struct MeshChunk {
  const pack::MeshHeader* header = nullptr;
  std::span<const std::byte> vertex_stream;
  std::span<const std::byte> index_stream;
  std::span<const std::byte> skin_stream;  // empty unless the header has kMeshSkinned
  ChunkBytes storage;

  Aabb bounds() const;
};

// One TEXR chunk: its header and its mip levels (views into `storage`), largest first.
struct TextureChunk {
  const pack::TextureHeader* header = nullptr;
  std::vector<std::span<const std::byte>> mips;
  ChunkBytes storage;
};

struct PackContents {
  std::string meta_json;  // the META chunk, as written by the packer
  std::vector<pack::MaterialRecord> materials;
  std::vector<pack::InstanceRecord> instances;
  std::vector<MeshChunk> meshes;
  std::vector<TextureChunk> textures;
  Catalogue catalogue;                     // CATL (empty for a single-model pack)
  std::vector<pack::RelicRecord> relics;   // RELC: relic i of the catalogue owns these ranges
  std::vector<PackFile> scenes;            // SCEN: SCEN#0 is the exhibition file in an exhibition pack
  std::vector<PackFile> strings;           // STRS
  std::vector<SkeletonChunk> skeletons;    // SKEL
  std::vector<AnimationChunk> animations;  // ANIM

  // The box around every instance's mesh bounds in world space.
  Aabb world_bounds() const;
};

// Loads every chunk of READER (checksums verified) and validates its structure: header sizes, stream and mip ranges
// inside the chunk, mip sizes matching width/height/format, material texture indices, instance mesh indices and mesh
// material indices in range. Errors name the pack file and the chunk at fault.
Result<PackContents> load_pack_contents(const PackReader& reader);

// Decodes MESH's vertex stream into OUT (exactly header->vertex_count elements).
Status decode_vertices(const MeshChunk& mesh, std::span<pack::PackedVertex> out);
// Decodes the skin stream of MESH (kMeshSkinned) into OUT (exactly header->vertex_count elements), widening 8-bit
// joints to 16 bits; every joint is checked against the header's joint_count, so a corrupt stream can never make the
// GPU read outside the mesh's joint matrices.
Status decode_skin(const MeshChunk& mesh, std::span<pack::SkinVertex16> out);
// Decodes MESH's index stream into OUT (exactly header->index_count elements); every index is checked against
// vertex_count, so a corrupt stream can never make the GPU read out of bounds.
Status decode_indices(const MeshChunk& mesh, std::span<uint32_t> out);

// Bytes of one mip level of FORMAT at WIDTH x HEIGHT: whole blocks (a 2x2 level of a 4x4-block format is one block);
// 0 for an unknown format.
uint64_t mip_byte_size(pack::TextureFormat format, uint32_t width, uint32_t height);

}  // namespace liyuan
