// `liyuan-pack inspect` and `liyuan-pack verify`: what a pack holds, and whether every check passes.
#pragma once

#include "core/error.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <string>

namespace liyuan::packer {

// Everything inspect reports about PATH as one JSON document: header (version, chunk_count, file_size), chunks
// (label, type, index, offset, size, raw_size, compression, checksum as 16 hex digits), meshes, materials, textures,
// instances, meta, catalogue (per relic: id, texts per locale, credit, licence, size, clips and the mesh, instance,
// material and texture ranges it owns), scenes and strings (chunk, path, bytes), sounds (chunk, key, locale, path, codec,
// bytes). Fails like PackReader::open / load_pack_contents.
Result<nlohmann::json> inspect_pack(const std::filesystem::path& path);

// The same report as human-readable text, one line per chunk, mesh, material, texture and instance.
std::string format_inspection(const nlohmann::json& report);

// Opens PATH, verifies every checksum, loads and validates the contents, and decodes every mesh's streams. Returns
// the chunk count; the error names the chunk at fault.
Result<uint32_t> verify_pack(const std::filesystem::path& path);

}  // namespace liyuan::packer
