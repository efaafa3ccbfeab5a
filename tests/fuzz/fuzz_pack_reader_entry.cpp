// The pack reader's fuzz entry. Input bytes go to a memfd and are opened through /proc/self/fd, so the real mmap path
// runs without touching the file system.
#include "fuzz_pack_reader_entry.h"

#include "assets/audio_chunks.h"
#include "assets/pack_contents.h"
#include "assets/pack_reader.h"
#include "core/hash.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstring>
#include <string>

namespace liyuan::fuzz {
namespace {

int memfd() {
  static const int fd = memfd_create("lypak-fuzz", 0);
  return fd;
}

uint64_t hash_range(const std::vector<uint8_t>& bytes, uint64_t offset, uint64_t size) {
  return hash_bytes(std::span(reinterpret_cast<const std::byte*>(bytes.data()) + offset, size_t(size)));
}

volatile size_t g_sink = 0;  // keeps reads from being optimised away

void touch(std::string_view text) {
  size_t sum = 0;
  for (char c : text) sum += uint8_t(c);
  g_sink = g_sink + sum;
}

void exercise(const PackReader& reader) {
  (void)reader.verify_all();
  for (uint32_t i = 0; i < reader.count(pack::ChunkType::Audio); ++i) {
    if (auto sound = load_pack_sound(reader, i)) {
      touch(sound->key);
      touch(sound->locale);
      touch(sound->path);
      g_sink = g_sink + sound->data.size();
    }
  }
  auto contents = load_pack_contents(reader);
  if (!contents) return;
  for (const MeshChunk& mesh : contents->meshes) {
    std::vector<pack::PackedVertex> vertices(mesh.header->vertex_count);
    std::vector<uint32_t> indices(mesh.header->index_count);
    (void)decode_vertices(mesh, vertices);
    (void)decode_indices(mesh, indices);
  }
  for (const TextureChunk& texture : contents->textures) {
    for (const auto& mip : texture.mips) g_sink = g_sink + (mip.empty() ? 0 : size_t(mip.back()));
  }
  const Catalogue& catalogue = contents->catalogue;
  for (const pack::CatalogueRelic& relic : catalogue.relics()) {
    for (pack::StringRef ref : {relic.id, relic.source, relic.inventory, relic.provenance, relic.credit, relic.licence}) {
      touch(catalogue.text(ref));
    }
    for (const pack::CatalogueText& text : catalogue.texts(relic)) {
      touch(catalogue.text(text.locale));
      touch(catalogue.text(text.title));
      touch(catalogue.text(text.description));
      touch(catalogue.text(text.period));
    }
    for (pack::StringRef clip : catalogue.clips(relic)) touch(catalogue.text(clip));
    if (const pack::CatalogueText* text = catalogue.texts_for(relic, "zh-Hans")) touch(catalogue.text(text->title));
    g_sink = g_sink + size_t(catalogue.find(catalogue.text(relic.id)));
  }
  for (const auto* files : {&contents->scenes, &contents->strings}) {
    for (const PackFile& file : *files) {
      touch(file.path);
      touch(file.text);
    }
  }
  g_sink = g_sink + size_t(contents->world_bounds().empty());
}

}  // namespace

void reseal_pack(std::vector<uint8_t>& bytes) {
  if (bytes.size() < sizeof(pack::FileHeader)) return;
  pack::FileHeader header;
  std::memcpy(&header, bytes.data(), sizeof header);
  const uint64_t toc_size = uint64_t(header.chunk_count) * sizeof(pack::ChunkEntry);
  if (header.chunk_count > (1u << 20) || header.toc_offset > bytes.size() || toc_size > bytes.size() - header.toc_offset) {
    return;
  }
  for (uint32_t i = 0; i < header.chunk_count; ++i) {
    pack::ChunkEntry entry;
    const size_t at = size_t(header.toc_offset) + i * sizeof entry;
    std::memcpy(&entry, bytes.data() + at, sizeof entry);
    if (entry.offset > bytes.size() || entry.size > bytes.size() - entry.offset) continue;
    entry.checksum = hash_range(bytes, entry.offset, entry.size);
    std::memcpy(bytes.data() + at, &entry, sizeof entry);
  }
  header.toc_checksum = hash_range(bytes, header.toc_offset, toc_size);
  header.header_checksum = hash_bytes(std::span(reinterpret_cast<const std::byte*>(&header),
                                                offsetof(pack::FileHeader, header_checksum)));
  std::memcpy(bytes.data(), &header, sizeof header);
}

int fuzz_pack_reader(const uint8_t* data, size_t size) {
  const int fd = memfd();
  if (fd < 0) return 0;
  std::vector<uint8_t> bytes(data, data + size);
  if (!bytes.empty() && (bytes[0] & 1u)) {
    bytes[0] = uint8_t(bytes[0] & ~1u);  // an even first byte: the magic's 'L' (0x4c) is even
    reseal_pack(bytes);
  }
  if (ftruncate(fd, 0) != 0) return 0;
  size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = pwrite(fd, bytes.data() + written, bytes.size() - written, off_t(written));
    if (n <= 0) return 0;
    written += size_t(n);
  }
  auto reader = PackReader::open("/proc/self/fd/" + std::to_string(fd));
  if (reader) exercise(*reader);
  return 0;
}

}  // namespace liyuan::fuzz
