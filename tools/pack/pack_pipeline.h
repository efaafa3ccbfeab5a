// `liyuan-pack pack INPUT...`: one model, relic manifests, or one exhibition → pack bytes and a report. Relics are
// processed in parallel (-j) and, for manifests, cached by content hash; the bytes never depend on either.
#pragma once

#include "core/error.h"
#include "importer.h"
#include "progress.h"
#include "relic_builder.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace liyuan::packer {

enum class InputKind { Model, Manifest, Exhibition };

// .yaml, .yml and .json files are documents: a relic manifest when the top-level map has `source`, an exhibition
// when it has `relics`, `include`, `strings`, `locales` or `default_locale`, otherwise a (malformed) manifest. Anything else is a model for Assimp. Fails (file:line:column) on an unreadable or
// malformed document.
Result<InputKind> classify_input(const std::filesystem::path& path);

struct PipelineOptions {
  TextureOptions textures;
  ImportOptions import;                       // --base-color (plain models only)
  unsigned jobs = 0;                          // 0: default_jobs()
  std::optional<std::filesystem::path> cache; // the cache folder; none: no cache
  uint64_t fingerprint = 0;                   // tool_fingerprint(), part of cache keys
  Progress* progress = nullptr;               // where progress and warnings go (none: silent)
  // Exhibitions and manifests only: a relic that cannot be packed (missing or unreadable source, undecodable
  // texture) is left out with a warning instead of failing the pack, so the show can go on with a placeholder.
  bool allow_missing = false;
};

// What the summary and --report-json say about one relic (or the one model).
struct RelicReport {
  std::string name;                    // relic id, or the model's file name
  bool reprocessed = true;             // false when it came from the cache
  uint32_t meshes = 0;
  uint32_t textures = 0;
  uint32_t vertices = 0;
  std::vector<uint64_t> lod_triangles; // per LOD level, summed over meshes
  uint64_t texture_rgba8_bytes = 0;    // before: every texture's full chain as RGBA8
  uint64_t texture_stored_bytes = 0;   // after: TEXR chunks as stored
  double seconds = 0;                  // processing time (import, meshes, textures) summed over its tasks; 0 if cached
  std::vector<TextureStats> texture_stats;
};

struct PackReport {
  std::string kind;  // "model", "relics", "exhibition"
  std::vector<std::string> left_out;  // relics left out under allow_missing, each with the reason
  std::string target;
  std::vector<RelicReport> relics;
  uint32_t reprocessed = 0;  // relics built in this run
  uint32_t cached = 0;       // relics taken from the cache
  uint32_t scenes = 0;       // SCEN chunks
  uint32_t strings = 0;      // STRS chunks
  uint32_t sounds = 0;       // AUDI chunks
  uint64_t pack_bytes = 0;
  double seconds = 0;        // wall time of the whole run
  std::vector<std::string> warnings;
};

struct PackRun {
  std::vector<std::byte> bytes;
  PackReport report;
};

// Packs INPUTS: exactly one model (today's single-model pack: instances placed as the model places them, no
// catalogue), one or more relic manifests, or exactly one exhibition. Errors name the file (with line:column for
// documents) and are the same whatever OPTIONS.jobs is: with several failures, the first input's.
Result<PackRun> pack_inputs(const std::vector<std::filesystem::path>& inputs, const PipelineOptions& options);

}  // namespace liyuan::packer
