// The incremental-build cache: a relic's processed chunks stored under a content hash of everything that decides
// them, so repacking an exhibition reprocesses only the relics whose inputs changed (docs/pack-format.md, "Cache").
#pragma once

#include "core/error.h"
#include "manifest.h"
#include "relic_builder.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <vector>

namespace liyuan::packer {

// Bumped whenever the packer's output for the same inputs changes; part of every key.
inline constexpr uint32_t kPackerCacheVersion = 3;

// XXH3 of the running executable (/proc/self/exe), so a rebuilt packer never reuses another build's entries; 0 when
// it cannot be read.
uint64_t tool_fingerprint();

// The files a model's import may read, found without importing it: the model; for .gltf the buffers and images its
// JSON names by relative URI; for other formats every image, .mtl and .bin file in the model's folder (a superset:
// OBJ material libraries, folder-image fallback). Sorted, existing files only.
std::vector<std::filesystem::path> model_dependencies(const std::filesystem::path& model);

// The cache key of MANIFEST's relic: XXH3 over kPackerCacheVersion, the pack format version, FINGERPRINT, OPTIONS,
// the manifest's bytes, and each dependency's name (relative to the model's folder) and bytes. Fails when a
// dependency cannot be read.
Result<uint64_t> relic_cache_key(const RelicManifest& manifest, const TextureOptions& options, uint64_t fingerprint);

// RELIC (with built textures) as bytes, and back. deserialize_relic returns nothing for bytes it did not write
// (truncated, damaged: a trailing XXH3 covers the whole entry).
std::vector<std::byte> serialize_relic(const RelicChunks& relic);
std::optional<RelicChunks> deserialize_relic(std::span<const std::byte> bytes);

// A folder of entries named <key as 16 hex digits>.relic, written atomically, so concurrent packers and interrupted
// runs never leave a half entry.
class RelicCache {
 public:
  explicit RelicCache(std::filesystem::path folder) : folder_(std::move(folder)) {}

  // The entry for KEY, or nothing when absent or unreadable (a damaged entry is a miss, never an error).
  std::optional<RelicChunks> load(uint64_t key) const;
  // Stores RELIC under KEY (creating the folder); the error names the entry.
  Status store(uint64_t key, const RelicChunks& relic) const;

  const std::filesystem::path& folder() const { return folder_; }

 private:
  std::filesystem::path entry(uint64_t key) const;
  std::filesystem::path folder_;
};

}  // namespace liyuan::packer
