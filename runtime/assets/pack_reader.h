// Opens a .lypak through mmap and hands out its chunks, checked. Nothing is copied unless a chunk is compressed.
#pragma once

#include "assets/pack_format.h"
#include "core/error.h"
#include "core/mapped_file.h"

#include <cstddef>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace liyuan {

// A chunk's bytes after checksum verification and decompression. Either a view into the mapping (uncompressed
// chunks) or a buffer it owns (compressed chunks). Valid as long as the PackReader that made it.
class ChunkBytes {
 public:
  ChunkBytes() = default;
  explicit ChunkBytes(std::span<const std::byte> view) : view_(view) {}
  explicit ChunkBytes(std::vector<std::byte> owned) : owned_(std::move(owned)), view_(owned_) {}
  ChunkBytes(ChunkBytes&& other) noexcept;
  ChunkBytes& operator=(ChunkBytes&& other) noexcept;

  std::span<const std::byte> bytes() const { return view_; }
  size_t size() const { return view_.size(); }

 private:
  std::vector<std::byte> owned_;
  std::span<const std::byte> view_;
};

class PackReader {
 public:
  // Maps PATH and checks everything but the chunk payloads: magic, version, header checksum, file size (truncation),
  // table-of-contents checksum, and that every chunk lies inside the file, aligned, without overlapping the header or
  // the table. Errors name the file and, where one is at fault, the chunk (e.g. "chunk TEXR#1 (entry 4)").
  static Result<PackReader> open(const std::filesystem::path& path);

  const std::filesystem::path& path() const { return path_; }
  const pack::FileHeader& header() const;
  std::span<const pack::ChunkEntry> chunks() const;

  // The position in chunks() of the INDEX-th chunk of TYPE, or -1 when there is none.
  int find(pack::ChunkType type, uint32_t index = 0) const;
  // How many chunks of TYPE the pack holds.
  uint32_t count(pack::ChunkType type) const;

  // Name of chunk I for messages: "TEXR#1 (entry 4)".
  std::string chunk_label(size_t i) const;

  // The stored (possibly compressed) bytes of chunk I, unverified.
  std::span<const std::byte> stored_bytes(size_t i) const;

  // Checks chunk I's checksum. The error names the chunk.
  Status verify_chunk(size_t i) const;
  // Checks every chunk; the first failure is returned.
  Status verify_all() const;

  // Chunk I verified and decompressed. Errors (bad checksum, bad zstd frame, size mismatch) name the chunk.
  Result<ChunkBytes> load(size_t i) const;

 private:
  std::filesystem::path path_;
  MappedFile file_;
};

}  // namespace liyuan
