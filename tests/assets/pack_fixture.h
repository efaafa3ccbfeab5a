// A small pack built in memory through liyuan_packlib (no Assimp, no files read), and byte-level helpers for
// corrupting packs on purpose.
#pragma once

#include "assets/pack_format.h"
#include "imported_model.h"

#include <cstddef>
#include <filesystem>
#include <vector>

namespace liyuan::test {

// A pack holding META, MATL (1 material), INST (1), MESH#0 (a 3x3-vertex grid, 8 triangles, meshopt-encoded) and
// TEXR#0 (8x4 RGBA8 sRGB with 4 mips, zstd-compressed: a flat colour compresses well; --target rgba8).
std::vector<std::byte> make_small_pack();
// The model make_small_pack packs.
packer::ImportedModel small_model();

// A catalogued pack of two relics (each the small model, RGBA8): CATL with "amphora" (en, zh-Hans; clips open,
// close) and "bowl" (ar), RELC, SCEN#0 "exhibition.yaml", SCEN#1 "halls/a.yaml", STRS#0 "strings.yaml". The short
// CATL, RELC, SCEN and STRS payloads are stored uncompressed, so tests can damage them in place.
std::vector<std::byte> make_catalogue_pack();

void write_bytes(const std::filesystem::path& path, const std::vector<std::byte>& bytes);
std::vector<std::byte> read_bytes(const std::filesystem::path& path);

// Header and table of contents of BYTES (copies, for reading offsets).
pack::FileHeader header_of(const std::vector<std::byte>& bytes);
std::vector<pack::ChunkEntry> toc_of(const std::vector<std::byte>& bytes);
void set_toc_entry(std::vector<std::byte>& bytes, size_t i, const pack::ChunkEntry& entry);
void set_header(std::vector<std::byte>& bytes, const pack::FileHeader& header);

// Recomputes every chunk checksum, the TOC checksum and the header checksum, so that a structural corruption gets
// past the checksums and reaches the structural checks.
void reseal(std::vector<std::byte>& bytes);

}  // namespace liyuan::test
