// ImportedModel → the bytes of a .lypak: materials, instances, meshes, deduplicated textures and META.
#pragma once

#include "core/error.h"
#include "imported_model.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace liyuan::packer {

struct PackOptions {
  uint32_t max_texture_size = 2048;  // 1..32768 (a full chain of 32768 is kMaxMips levels)
};

struct BuiltPack {
  std::vector<std::byte> bytes;  // the whole file
  uint32_t triangles = 0;        // over all meshes (not instances)
  uint32_t vertices = 0;
  uint32_t textures = 0;
};

// Builds the pack for MODEL. Textures are deduplicated by (image, colour space): base colour and emissive are
// Rgba8Srgb, the rest Rgba8Unorm, so one image used both ways yields two chunks. TEXR and MESH chunks are zstd-
// compressed when that saves more than 10%. Fails, naming the image, when a texture cannot be decoded.
Result<BuiltPack> build_pack(const ImportedModel& model, const PackOptions& options);

// The META JSON for MODEL with TRIANGLES and VERTICES: keys sorted, no whitespace, so it is deterministic.
std::string meta_json(const ImportedModel& model, uint32_t triangles, uint32_t vertices);

}  // namespace liyuan::packer
