// The payloads of CATL (relic texts, read in place) and of SCEN/STRS (files carried verbatim).
#pragma once

#include "core/math.h"
#include "manifest.h"

#include <cstddef>
#include <string_view>
#include <vector>

namespace liyuan::packer {

struct CatalogueInput {
  const RelicManifest* manifest = nullptr;
  vec3 size{0.f};  // the relic's bounding size in metres after placement
};

// CATL for RELICS in this order: CatalogueHeader, CatalogueRelic[], CatalogueText[] (per relic sorted by locale),
// clip StringRef[], then the string table (identical strings stored once, each followed by a NUL). Every section is
// 8-byte aligned and padding is zero, so the same relics give the same bytes.
std::vector<std::byte> catalogue_payload(const std::vector<CatalogueInput>& relics);

// A SCEN or STRS payload: FileChunkHeader, PATH, zero padding to 8 bytes, then DATA verbatim.
std::vector<std::byte> file_chunk_payload(std::string_view path, std::string_view data);

}  // namespace liyuan::packer
