// PackReader: maps a .lypak, checks its header and table of contents, and hands out verified chunk bytes.
// Every check here is bounds-safe on arbitrary input: sizes are compared by subtraction, never by adding offsets.
#include "assets/pack_reader.h"

#include "core/hash.h"

#include <fmt/format.h>
#include <zstd.h>

#include <algorithm>
#include <cstring>
#include <utility>

namespace liyuan {
namespace {

// Largest decompressed chunk the reader accepts: a guard against a crafted raw_size asking for absurd allocations.
constexpr uint64_t kMaxRawChunkSize = uint64_t(4) << 30;

// True when [OFFSET, OFFSET + SIZE) lies inside [BEGIN, END), without overflowing.
bool range_inside(uint64_t offset, uint64_t size, uint64_t begin, uint64_t end) {
  return offset >= begin && offset <= end && size <= end - offset;
}

}  // namespace

ChunkBytes::ChunkBytes(ChunkBytes&& other) noexcept { *this = std::move(other); }

ChunkBytes& ChunkBytes::operator=(ChunkBytes&& other) noexcept {
  if (this != &other) {
    // A moved std::vector keeps its buffer, so a view into it stays valid after re-pointing.
    bool owns = !other.owned_.empty() && other.view_.data() == other.owned_.data();
    owned_ = std::move(other.owned_);
    view_ = owns ? std::span<const std::byte>(owned_) : other.view_;
    other.owned_.clear();
    other.view_ = {};
  }
  return *this;
}

Result<PackReader> PackReader::open(const std::filesystem::path& path) {
  const std::string name = path.string();
  auto mapped = MappedFile::open(path);
  if (!mapped) return mapped.error();

  PackReader reader;
  reader.path_ = path;
  reader.file_ = std::move(*mapped);
  const std::span<const std::byte> bytes = reader.file_.bytes();
  const uint64_t actual_size = bytes.size();

  // Magic first: a file that is not a pack at all deserves that message, not a truncation one.
  if (actual_size < sizeof(pack::kMagic) || std::memcmp(bytes.data(), pack::kMagic, sizeof(pack::kMagic)) != 0) {
    return make_chunk_error(name, "header", "not a Liyuan pack (the file does not start with the LYPAK signature)");
  }
  if (actual_size < sizeof(pack::FileHeader)) {
    return make_chunk_error(name, "header",
                            fmt::format("truncated: the file is {} bytes, shorter than the {}-byte header", actual_size,
                                        sizeof(pack::FileHeader)));
  }
  const pack::FileHeader& h = reader.header();
  const uint64_t header_sum = hash_bytes(bytes.first(offsetof(pack::FileHeader, header_checksum)));
  if (header_sum != h.header_checksum) {
    return make_chunk_error(name, "header",
                            fmt::format("header checksum mismatch (stored {:016x}, computed {:016x}): the header is "
                                        "corrupt",
                                        h.header_checksum, header_sum));
  }
  if (h.version != pack::kVersion) {
    return make_chunk_error(name, "header",
                            fmt::format("unsupported pack version {} (this build reads version {})", h.version,
                                        pack::kVersion));
  }
  if (actual_size < h.file_size) {
    return make_chunk_error(name, "header",
                            fmt::format("truncated: the file is {} bytes but its header records {}", actual_size,
                                        h.file_size));
  }
  if (actual_size > h.file_size) {
    return make_chunk_error(name, "header",
                            fmt::format("{} unexpected bytes after the end recorded in the header ({} bytes)",
                                        actual_size - h.file_size, h.file_size));
  }

  const uint64_t toc_size = uint64_t(h.chunk_count) * sizeof(pack::ChunkEntry);  // cannot overflow: 2^32 * 48
  if (!range_inside(h.toc_offset, toc_size, sizeof(pack::FileHeader), actual_size)) {
    return make_chunk_error(name, "table of contents",
                            fmt::format("the table of contents ({} entries at offset {}) does not fit in the {}-byte "
                                        "file",
                                        h.chunk_count, h.toc_offset, actual_size));
  }
  if (h.toc_offset % alignof(pack::ChunkEntry) != 0) {
    return make_chunk_error(name, "table of contents",
                            fmt::format("the table of contents offset {} is not {}-byte aligned", h.toc_offset,
                                        alignof(pack::ChunkEntry)));
  }
  const uint64_t toc_sum = hash_bytes(bytes.subspan(h.toc_offset, toc_size));
  if (toc_sum != h.toc_checksum) {
    return make_chunk_error(name, "table of contents",
                            fmt::format("table of contents checksum mismatch (stored {:016x}, computed {:016x})",
                                        h.toc_checksum, toc_sum));
  }

  // Every chunk: aligned, between the header and the table, known compression, sane sizes.
  const auto entries = reader.chunks();
  for (size_t i = 0; i < entries.size(); ++i) {
    const pack::ChunkEntry& e = entries[i];
    auto fail = [&](std::string message) { return make_chunk_error(name, reader.chunk_label(i), std::move(message)); };
    if (e.offset % pack::kChunkAlignment != 0) {
      return fail(fmt::format("offset {} is not a multiple of {}", e.offset, pack::kChunkAlignment));
    }
    if (!range_inside(e.offset, e.size, sizeof(pack::FileHeader), h.toc_offset)) {
      return fail(fmt::format("bytes [{}, +{}) lie outside the chunk area [{}, {})", e.offset, e.size,
                              sizeof(pack::FileHeader), h.toc_offset));
    }
    if (e.compression == uint32_t(pack::Compression::None)) {
      if (e.raw_size != e.size) return fail(fmt::format("uncompressed but raw size {} != size {}", e.raw_size, e.size));
    } else if (e.compression == uint32_t(pack::Compression::Zstd)) {
      if (e.raw_size > kMaxRawChunkSize) return fail(fmt::format("raw size {} exceeds the 4 GiB limit", e.raw_size));
    } else {
      return fail(fmt::format("unknown compression {}", e.compression));
    }
  }

  // No two chunks overlap.
  std::vector<size_t> order(entries.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return entries[a].offset < entries[b].offset; });
  for (size_t k = 1; k < order.size(); ++k) {
    const pack::ChunkEntry& prev = entries[order[k - 1]];
    if (entries[order[k]].offset - prev.offset < prev.size) {
      return make_chunk_error(name, reader.chunk_label(order[k]),
                              fmt::format("overlaps chunk {}", reader.chunk_label(order[k - 1])));
    }
  }

  // Per type, indices are exactly 0..n-1 (so find() is unambiguous and MESH#3 means the fourth mesh).
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return std::pair(entries[a].type, entries[a].index) < std::pair(entries[b].type, entries[b].index);
  });
  for (size_t k = 0; k < order.size(); ++k) {
    const pack::ChunkEntry& e = entries[order[k]];
    bool first_of_type = k == 0 || entries[order[k - 1]].type != e.type;
    uint32_t expected = first_of_type ? 0 : entries[order[k - 1]].index + 1;
    if (!first_of_type && e.index == entries[order[k - 1]].index) {
      return make_chunk_error(name, reader.chunk_label(order[k]), "duplicate chunk index");
    }
    if (e.index != expected) {
      return make_chunk_error(name, reader.chunk_label(order[k]),
                              fmt::format("index {} leaves a gap (expected {})", e.index, expected));
    }
  }
  return reader;
}

const pack::FileHeader& PackReader::header() const {
  return *reinterpret_cast<const pack::FileHeader*>(file_.bytes().data());
}

std::span<const pack::ChunkEntry> PackReader::chunks() const {
  const pack::FileHeader& h = header();
  const auto* first = reinterpret_cast<const pack::ChunkEntry*>(file_.bytes().data() + h.toc_offset);
  return {first, h.chunk_count};
}

int PackReader::find(pack::ChunkType type, uint32_t index) const {
  const auto entries = chunks();
  for (size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].type == uint32_t(type) && entries[i].index == index) return static_cast<int>(i);
  }
  return -1;
}

uint32_t PackReader::count(pack::ChunkType type) const {
  uint32_t n = 0;
  for (const pack::ChunkEntry& e : chunks()) n += e.type == uint32_t(type) ? 1 : 0;
  return n;
}

std::string PackReader::chunk_label(size_t i) const {
  const auto entries = chunks();
  if (i >= entries.size()) return fmt::format("entry {}", i);
  return fmt::format("{}#{} (entry {})", pack::chunk_type_name(entries[i].type), entries[i].index, i);
}

std::span<const std::byte> PackReader::stored_bytes(size_t i) const {
  const auto entries = chunks();
  if (i >= entries.size()) return {};
  return file_.bytes().subspan(entries[i].offset, entries[i].size);
}

Status PackReader::verify_chunk(size_t i) const {
  const auto entries = chunks();
  if (i >= entries.size()) {
    return make_error(fmt::format("{}: no chunk entry {} (the pack has {})", path_.string(), i, entries.size()));
  }
  const uint64_t sum = hash_bytes(stored_bytes(i));
  if (sum != entries[i].checksum) {
    return make_chunk_error(path_.string(), chunk_label(i),
                            fmt::format("checksum mismatch (stored {:016x}, computed {:016x}): the chunk is corrupt",
                                        entries[i].checksum, sum));
  }
  return {};
}

Status PackReader::verify_all() const {
  for (size_t i = 0; i < chunks().size(); ++i) {
    if (auto status = verify_chunk(i); !status) return status;
  }
  return {};
}

Result<ChunkBytes> PackReader::load(size_t i) const {
  if (auto status = verify_chunk(i); !status) return status.error();
  const pack::ChunkEntry& e = chunks()[i];
  const std::span<const std::byte> stored = stored_bytes(i);
  if (e.compression == uint32_t(pack::Compression::None)) return ChunkBytes(stored);

  auto fail = [&](std::string message) { return make_chunk_error(path_.string(), chunk_label(i), std::move(message)); };
  const unsigned long long frame_size = ZSTD_getFrameContentSize(stored.data(), stored.size());
  if (frame_size == ZSTD_CONTENTSIZE_ERROR) return fail("not a zstd frame");
  if (frame_size == ZSTD_CONTENTSIZE_UNKNOWN) return fail("zstd frame without a content size");
  if (frame_size != e.raw_size) {
    return fail(fmt::format("zstd frame holds {} bytes but the table of contents says {}", frame_size, e.raw_size));
  }
  std::vector<std::byte> raw(e.raw_size);
  const size_t got = ZSTD_decompress(raw.data(), raw.size(), stored.data(), stored.size());
  if (ZSTD_isError(got)) return fail(fmt::format("zstd: {}", ZSTD_getErrorName(got)));
  if (got != e.raw_size) return fail(fmt::format("decompressed to {} bytes, expected {}", got, e.raw_size));
  return ChunkBytes(std::move(raw));
}

}  // namespace liyuan
