// Chunks → the bytes of a .lypak: one model (build_pack), or several relics with their catalogue, scenes and string
// tables (assemble_pack), always in one fixed chunk order.
#pragma once

#include "catalogue_writer.h"
#include "core/error.h"
#include "exhibition.h"
#include "imported_model.h"
#include "relic_builder.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace liyuan::packer {

struct PackOptions {
  uint32_t max_texture_size = 4096;  // 1..32768 (a full chain of 32768 is kMaxMips levels)
  TextureTarget target = TextureTarget::Desktop;
  unsigned jobs = 0;                 // texture threads; 0: default_jobs(). The bytes do not depend on it.
};

struct BuiltPack {
  std::vector<std::byte> bytes;  // the whole file
  uint32_t triangles = 0;        // over all meshes (not instances), full detail
  uint32_t vertices = 0;
  uint32_t textures = 0;
};

// Builds the pack for MODEL. Textures are deduplicated by (image, kind) and get the format of their role on
// OPTIONS.target (plan_relic, build_texture). TEXR and MESH chunks are zstd-compressed when that saves more than 10%.
// Fails, naming the image, when a texture cannot be decoded.
Result<BuiltPack> build_pack(const ImportedModel& model, const PackOptions& options);

// Builds the textures of every relic in RELICS (their texture_jobs, images from MODELS[i]) on up to JOBS threads.
// Fails with the first failing texture in relic and job order.
Status build_relic_textures(std::vector<RelicChunks*>& relics, const std::vector<const ImportedModel*>& models,
                            const TextureOptions& options, unsigned jobs);

// The META JSON for MODEL with TRIANGLES and VERTICES: keys sorted, no whitespace, so it is deterministic.
std::string meta_json(const ImportedModel& model, uint32_t triangles, uint32_t vertices);

// Everything a pack of several relics holds.
struct PackAssembly {
  std::string meta_json;
  std::vector<RelicChunks> relics;         // with built textures; local indices
  bool catalogued = false;                 // write CATL and RELC (manifest and exhibition packs)
  std::vector<CatalogueInput> catalogue;   // one per relic when catalogued
  std::vector<CarriedFile> scenes;         // SCEN, in this order (the exhibition file first)
  std::vector<CarriedFile> strings;        // STRS
  std::vector<SoundFile> sounds;           // AUDI, in this order
  unsigned jobs = 0;                       // threads for compressing meshes; 0: default_jobs()
};

// The pack's bytes. Chunk order: META, MATL, INST, MESH#0.., TEXR#0.., SKEL#0.., ANIM#0.., then CATL, RELC, SCEN#0..,
// STRS#0.., AUDI#0.. when present. Relics follow one another in every array; local indices are offset (instance → mesh, mesh
// header → material, material → texture, skin → mesh, clip → skeleton) and RELC records each relic's ranges, skeleton,
// clips and relic-space bounds.
std::vector<std::byte> assemble_pack(const PackAssembly& assembly);

}  // namespace liyuan::packer
