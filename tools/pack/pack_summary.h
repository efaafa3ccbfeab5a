// The end-of-run summary: a table for people, and the same facts as JSON (--report-json) for scripts and tests.
#pragma once

#include "pack_pipeline.h"

#include <nlohmann/json.hpp>

#include <string>

namespace liyuan::packer {

// One row per relic (name, built or cached, triangles per LOD, texture bytes before → after, time) and a total row,
// then one line with the pack's size, chunk counts and how many relics were reprocessed. OUTPUT names the pack.
std::string format_summary(const PackReport& report, const std::string& output);

// REPORT as JSON: {output, kind, target, pack_bytes, seconds, reprocessed, cached, scenes, strings, sounds, warnings,
// relics: [{name, reprocessed, meshes, textures, vertices, lod_triangles, texture_bytes_before, texture_bytes_after,
// seconds, texture_details: [{source, format, width, height, bytes_before, bytes_after}]}]}.
nlohmann::json report_json(const PackReport& report, const std::string& output);

// "Bc1Srgb" for a pack::TextureFormat value, "unknown" otherwise.
const char* texture_format_name(uint32_t format);

}  // namespace liyuan::packer
