// Chunk layout, checksums and compression for .lypak files.
#include "pack_writer.h"

#include "core/atomic_file.h"
#include "core/hash.h"

#include <zstd.h>

#include <cstring>

namespace liyuan::packer {
namespace {

constexpr int kZstdLevel = 9;

uint64_t align_up(uint64_t value, uint64_t alignment) { return (value + alignment - 1) / alignment * alignment; }

}  // namespace

StoredChunk store_chunk(std::vector<std::byte> raw, bool try_zstd) {
  StoredChunk chunk;
  chunk.raw_size = raw.size();
  if (try_zstd && !raw.empty()) {
    std::vector<std::byte> compressed(ZSTD_compressBound(raw.size()));
    const size_t n = ZSTD_compress(compressed.data(), compressed.size(), raw.data(), raw.size(), kZstdLevel);
    if (!ZSTD_isError(n) && n * 10 < raw.size() * 9) {
      compressed.resize(n);
      chunk.bytes = std::move(compressed);
      chunk.compression = pack::Compression::Zstd;
      return chunk;
    }
  }
  chunk.bytes = std::move(raw);
  return chunk;
}

void PackWriter::add(pack::ChunkType type, std::vector<std::byte> raw, bool try_zstd) {
  add_stored(type, store_chunk(std::move(raw), try_zstd));
}

void PackWriter::add_stored(pack::ChunkType type, StoredChunk stored) {
  Chunk chunk;
  std::memset(&chunk.entry, 0, sizeof chunk.entry);
  chunk.entry.type = uint32_t(type);
  uint32_t index = 0;
  for (const Chunk& c : chunks_) index += c.entry.type == uint32_t(type) ? 1 : 0;
  chunk.entry.index = index;
  chunk.entry.raw_size = stored.raw_size;
  chunk.entry.compression = uint32_t(stored.compression);
  chunk.stored = std::move(stored.bytes);
  chunk.entry.size = chunk.stored.size();
  chunk.entry.checksum = hash_bytes(chunk.stored);
  chunks_.push_back(std::move(chunk));
}

std::vector<std::byte> PackWriter::finish() const {
  std::vector<pack::ChunkEntry> toc;
  uint64_t offset = sizeof(pack::FileHeader);
  for (const Chunk& c : chunks_) {
    offset = align_up(offset, pack::kChunkAlignment);
    pack::ChunkEntry entry = c.entry;
    entry.offset = offset;
    toc.push_back(entry);
    offset += c.stored.size();
  }
  const uint64_t toc_offset = align_up(offset, pack::kChunkAlignment);
  const uint64_t toc_size = toc.size() * sizeof(pack::ChunkEntry);
  std::vector<std::byte> file(toc_offset + toc_size, std::byte{0});
  for (size_t i = 0; i < chunks_.size(); ++i) {
    if (!chunks_[i].stored.empty()) std::memcpy(file.data() + toc[i].offset, chunks_[i].stored.data(), chunks_[i].stored.size());
  }
  if (toc_size > 0) std::memcpy(file.data() + toc_offset, toc.data(), toc_size);

  pack::FileHeader header;
  std::memset(&header, 0, sizeof header);
  std::memcpy(header.magic, pack::kMagic, sizeof header.magic);
  header.version = pack::kVersion;
  header.chunk_count = uint32_t(toc.size());
  header.toc_offset = toc_offset;
  header.toc_checksum = hash_bytes(std::span<const std::byte>(file).subspan(toc_offset, toc_size));
  header.file_size = file.size();
  header.header_checksum =
      hash_bytes(std::span<const std::byte>(reinterpret_cast<const std::byte*>(&header),
                                            offsetof(pack::FileHeader, header_checksum)));
  std::memcpy(file.data(), &header, sizeof header);
  return file;
}

Status write_pack_file(const std::filesystem::path& path, std::span<const std::byte> bytes) {
  return write_file_atomically(path, bytes);
}

}  // namespace liyuan::packer
