// Pack writing: chunks laid out at 64-byte boundaries after the header, the table of contents at the end, XXH3-64
// checksums, optional zstd per chunk, and an atomic write. Same chunks in the same order → the same bytes.
#pragma once

#include "assets/pack_format.h"
#include "core/error.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <vector>

namespace liyuan::packer {

// A chunk's bytes as they will be stored: compressed or not, with the size they decompress to.
struct StoredChunk {
  pack::Compression compression = pack::Compression::None;
  uint64_t raw_size = 0;
  std::vector<std::byte> bytes;
};

// RAW as stored: with TRY_ZSTD, zstd-compressed (level 9, single-threaded, so deterministic) when that saves more
// than 10%, otherwise as is. Thread-safe: workers compress chunks in parallel.
StoredChunk store_chunk(std::vector<std::byte> raw, bool try_zstd);

class PackWriter {
 public:
  // Appends a chunk of TYPE holding RAW; its index is the number of TYPE chunks added before it. With TRY_ZSTD the
  // chunk is stored zstd-compressed (level 9) when that saves more than 10%, otherwise as is.
  void add(pack::ChunkType type, std::vector<std::byte> raw, bool try_zstd);
  // Appends a chunk of TYPE already in its stored form (store_chunk).
  void add_stored(pack::ChunkType type, StoredChunk chunk);

  // The whole file: FileHeader, chunks in the order added (each at a multiple of kChunkAlignment, gaps zeroed), then
  // the table of contents (also aligned). Every reserved field is zero.
  std::vector<std::byte> finish() const;

 private:
  struct Chunk {
    pack::ChunkEntry entry;  // offset filled in by finish()
    std::vector<std::byte> stored;
  };
  std::vector<Chunk> chunks_;
};

// Writes BYTES to PATH through a temporary file and a rename (core/atomic_file.h).
Status write_pack_file(const std::filesystem::path& path, std::span<const std::byte> bytes);

}  // namespace liyuan::packer
