// One relic (or one plain model) → its chunks, with indices local to it: materials, instances, MESH payloads and
// texture jobs. The pack builder offsets the indices when it puts several relics into one pack.
#pragma once

#include "core/error.h"
#include "imported_model.h"
#include "pack_writer.h"
#include "texture_encoder.h"

#include <cstdint>
#include <string>
#include <vector>

namespace liyuan::packer {

// What the packer's options decide about textures.
struct TextureOptions {
  uint32_t max_texture_size = 4096;  // 1..32768
  TextureTarget target = TextureTarget::Desktop;
};

// One texture to build: an image of the model and what it is for.
struct TextureJob {
  int32_t image = 0;  // ImportedModel::images index
  TextureRole role = TextureRole::Color;
};

// What the summary reports about a texture.
struct TextureStats {
  std::string source;  // the image as the model names it
  uint32_t format = 0;  // pack::TextureFormat
  uint32_t width = 0;
  uint32_t height = 0;
  uint64_t rgba8_bytes = 0;   // the full chain as RGBA8: what it would take uncompressed
  uint64_t stored_bytes = 0;  // the TEXR chunk as stored (block-compressed, then zstd where that pays)
};

struct BuiltTexture {
  StoredChunk chunk;  // TEXR
  TextureStats stats;
};

// A relic's chunks. Indices are local: instances name `meshes`, mesh headers name `materials`, materials name
// `textures` (in the order of `texture_jobs` until they are built).
struct RelicChunks {
  std::vector<pack::MaterialRecord> materials;
  std::vector<pack::InstanceRecord> instances;
  std::vector<std::vector<std::byte>> meshes;  // raw MESH payloads
  std::vector<std::byte> skeleton;             // raw SKEL payload (empty without skins); skins name `meshes`
  std::vector<std::vector<std::byte>> animations;  // raw ANIM payloads, one per clip, animating `skeleton` (index 0)
  std::vector<TextureJob> texture_jobs;
  std::vector<BuiltTexture> textures;          // filled by build_texture, one per job, same order
  Aabb bounds;                                 // every instance's mesh box, in the instances' space
  uint32_t vertices = 0;
  std::vector<std::string> warnings;           // placement warnings, kept with cached relics
};

// Materials with texture slots numbered in order of first use, one texture per (image, kind), where the kind is
// colour (sRGB), normal or linear data; a kind's role is the union of its uses (an image used as occlusion and as
// metallic-roughness is one Data texture; base colour of a mask/blend material is ColorWithAlpha). Instances get
// PLACEMENT applied (relic_from_model; identity for a plain model). Meshes are built with build_mesh. A skinned
// model also gets its SKEL payload (root: PLACEMENT * the model's normalisation) and one ANIM payload per clip.
RelicChunks plan_relic(const ImportedModel& model, const mat4& placement);

// Decodes IMAGE, fits it within OPTIONS.max_texture_size, builds the gamma-correct mip chain, chooses the format for
// ROLE and OPTIONS.target (choose_texture_format, with the image's real alpha), encodes, and stores the TEXR chunk
// (zstd where it saves more than 10%). Fails, naming the image, when it cannot be decoded.
Result<BuiltTexture> build_texture(const ImageSource& image, TextureRole role, const TextureOptions& options);

// Triangles per LOD level summed over MESHES (raw MESH payloads), read from their headers: element l is level l; a
// mesh with fewer levels counts its coarsest level for the levels it lacks.
std::vector<uint64_t> lod_triangles(const std::vector<std::vector<std::byte>>& meshes);

}  // namespace liyuan::packer
