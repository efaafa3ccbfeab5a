// PackReader on a pack built in the test: it opens, and every kind of damage is reported, attributed, never a crash.
#include "assets/pack_reader.h"

#include "core/hash.h"

#include "pack_fixture.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <cstring>
#include <random>

namespace liyuan {
namespace {

using test::header_of;
using test::make_small_pack;
using test::toc_of;

// Writes BYTES to a file in this test's output directory and opens it.
Result<PackReader> open_bytes(const std::vector<std::byte>& bytes, const char* name = "pack.lypak") {
  const auto path = test::output_dir() / name;
  test::write_bytes(path, bytes);
  return PackReader::open(path);
}

TEST(PackReader, OpensAPackBuiltByThePacker) {
  auto reader = open_bytes(make_small_pack());
  ASSERT_TRUE(reader) << reader.error().to_string();
  EXPECT_EQ(reader->header().version, pack::kVersion);
  ASSERT_EQ(reader->chunks().size(), 5u);
  EXPECT_EQ(reader->count(pack::ChunkType::Mesh), 1u);
  EXPECT_EQ(reader->count(pack::ChunkType::Texture), 1u);
  EXPECT_EQ(reader->find(pack::ChunkType::Meta), 0);
  EXPECT_EQ(reader->find(pack::ChunkType::Mesh, 1), -1);
  const int texture = reader->find(pack::ChunkType::Texture);
  ASSERT_GE(texture, 0);
  EXPECT_EQ(reader->chunk_label(size_t(texture)), "TEXR#0 (entry 4)");
  EXPECT_EQ(reader->chunks()[size_t(texture)].compression, uint32_t(pack::Compression::Zstd));
  for (const pack::ChunkEntry& e : reader->chunks()) EXPECT_EQ(e.offset % pack::kChunkAlignment, 0u);
  auto verified = reader->verify_all();
  EXPECT_TRUE(verified) << verified.error().to_string();
  auto loaded = reader->load(size_t(texture));
  ASSERT_TRUE(loaded) << loaded.error().to_string();
  EXPECT_EQ(loaded->size(), reader->chunks()[size_t(texture)].raw_size);
}

TEST(PackReader, ChunkBytesStayValidWhenMoved) {
  std::vector<std::byte> owned(100, std::byte{7});
  ChunkBytes a(std::move(owned));
  ChunkBytes b(std::move(a));
  ASSERT_EQ(b.size(), 100u);
  EXPECT_EQ(b.bytes()[99], std::byte{7});
  ChunkBytes c;
  c = std::move(b);
  ASSERT_EQ(c.size(), 100u);
  EXPECT_EQ(c.bytes()[0], std::byte{7});
}

TEST(PackReader, FlippedByteInAChunkIsAttributedToThatChunk) {
  const std::vector<std::byte> good = make_small_pack();
  const auto toc = toc_of(good);
  for (size_t i = 0; i < toc.size(); ++i) {
    std::vector<std::byte> bad = good;
    bad[toc[i].offset + toc[i].size / 2] ^= std::byte{0x01};
    auto reader = open_bytes(bad);
    ASSERT_TRUE(reader) << "chunk damage must not stop open(): " << reader.error().to_string();
    const std::string label = reader->chunk_label(i);
    auto status = reader->verify_chunk(i);
    ASSERT_FALSE(status) << "flipped byte in " << label << " went unnoticed";
    EXPECT_NE(status.error().to_string().find(label), std::string::npos) << status.error().to_string();
    EXPECT_NE(status.error().to_string().find("pack.lypak"), std::string::npos) << status.error().to_string();
    auto all = reader->verify_all();
    ASSERT_FALSE(all);
    EXPECT_EQ(all.error().where.chunk, label);
    auto loaded = reader->load(i);
    EXPECT_FALSE(loaded) << "load() of a corrupt chunk must fail";
    for (size_t j = 0; j < toc.size(); ++j) {
      if (j == i) continue;
      EXPECT_TRUE(reader->verify_chunk(j)) << "chunk " << j << " blamed for damage in chunk " << i;
    }
  }
}

TEST(PackReader, FlippedByteInTheTableOfContentsIsReported) {
  std::vector<std::byte> bad = make_small_pack();
  bad[header_of(bad).toc_offset + 5] ^= std::byte{0x10};
  auto reader = open_bytes(bad);
  ASSERT_FALSE(reader);
  EXPECT_NE(reader.error().to_string().find("table of contents"), std::string::npos) << reader.error().to_string();
}

TEST(PackReader, FlippedByteInTheHeaderIsReported) {
  std::vector<std::byte> bad = make_small_pack();
  bad[20] ^= std::byte{0x01};  // inside toc_offset
  auto reader = open_bytes(bad);
  ASSERT_FALSE(reader);
  EXPECT_NE(reader.error().to_string().find("header checksum"), std::string::npos) << reader.error().to_string();
}

TEST(PackReader, TruncatedFileIsReported) {
  const std::vector<std::byte> good = make_small_pack();
  for (size_t keep : {good.size() - 1, good.size() / 2, size_t(100), size_t(64), size_t(40), size_t(9)}) {
    std::vector<std::byte> cut(good.begin(), good.begin() + std::ptrdiff_t(keep));
    auto reader = open_bytes(cut);
    ASSERT_FALSE(reader) << "a pack cut to " << keep << " bytes opened";
    EXPECT_NE(reader.error().to_string().find("truncated"), std::string::npos)
        << keep << " bytes: " << reader.error().to_string();
  }
}

TEST(PackReader, RejectsAFileThatIsNotAPack) {
  auto png = PackReader::open(test::data_dir() / "models/spot/spot_texture.png");
  ASSERT_FALSE(png);
  EXPECT_NE(png.error().to_string().find("not a Liyuan pack"), std::string::npos) << png.error().to_string();
  EXPECT_NE(png.error().to_string().find("spot_texture.png"), std::string::npos) << png.error().to_string();

  auto empty = open_bytes({}, "empty.lypak");
  ASSERT_FALSE(empty);
  EXPECT_NE(empty.error().to_string().find("not a Liyuan pack"), std::string::npos) << empty.error().to_string();

  auto missing = PackReader::open(test::output_dir() / "missing.lypak");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().to_string().find("missing.lypak"), std::string::npos) << missing.error().to_string();
}

TEST(PackReader, UnsupportedVersionIsReported) {
  std::vector<std::byte> bad = make_small_pack();
  pack::FileHeader h = header_of(bad);
  h.version = 99;
  test::set_header(bad, h);
  test::reseal(bad);
  auto reader = open_bytes(bad);
  ASSERT_FALSE(reader);
  EXPECT_NE(reader.error().to_string().find("version 99"), std::string::npos) << reader.error().to_string();
}

TEST(PackReader, HugeChunkCountIsAnErrorNotACrash) {
  std::vector<std::byte> bad = make_small_pack();
  pack::FileHeader h = header_of(bad);
  h.chunk_count = 0xFFFFFFFFu;
  test::set_header(bad, h);
  // Only the header checksum is fixed: the TOC range check must fire before anything reads the huge table.
  h.header_checksum = hash_bytes(std::span<const std::byte>(bad).first(offsetof(pack::FileHeader, header_checksum)));
  test::set_header(bad, h);
  auto reader = open_bytes(bad);
  ASSERT_FALSE(reader);
  EXPECT_NE(reader.error().to_string().find("table of contents"), std::string::npos) << reader.error().to_string();
}

TEST(PackReader, TableOfContentsOffsetPastTheEndIsAnError) {
  for (uint64_t offset : {uint64_t(1) << 40, ~uint64_t(0) - 8, uint64_t(0), uint64_t(65)}) {
    std::vector<std::byte> bad = make_small_pack();
    pack::FileHeader h = header_of(bad);
    h.toc_offset = offset;
    test::set_header(bad, h);
    h.header_checksum = hash_bytes(std::span<const std::byte>(bad).first(offsetof(pack::FileHeader, header_checksum)));
    test::set_header(bad, h);
    auto reader = open_bytes(bad);
    ASSERT_FALSE(reader) << "toc_offset " << offset;
    EXPECT_NE(reader.error().to_string().find("table of contents"), std::string::npos) << reader.error().to_string();
  }
}

TEST(PackReader, ChunkOutsideTheFileIsAttributedToThatChunk) {
  struct Case {
    uint64_t offset;
    uint64_t size;
  };
  for (Case c : {Case{uint64_t(1) << 40, 16}, Case{64, ~uint64_t(0)}, Case{~uint64_t(0) - 63, 128}, Case{0, 16},
                 Case{100, 16}}) {
    std::vector<std::byte> bad = make_small_pack();
    auto toc = toc_of(bad);
    toc[3].offset = c.offset;
    toc[3].size = toc[3].raw_size = c.size;
    toc[3].compression = 0;
    test::set_toc_entry(bad, 3, toc[3]);
    test::reseal(bad);
    auto reader = open_bytes(bad);
    ASSERT_FALSE(reader) << "offset " << c.offset << " size " << c.size;
    EXPECT_NE(reader.error().to_string().find("MESH#0 (entry 3)"), std::string::npos) << reader.error().to_string();
  }
}

TEST(PackReader, OverlappingAndDuplicateChunksAreErrors) {
  std::vector<std::byte> bad = make_small_pack();
  auto toc = toc_of(bad);
  toc[2].offset = toc[1].offset;  // INST on top of MATL
  test::set_toc_entry(bad, 2, toc[2]);
  test::reseal(bad);
  auto overlapping = open_bytes(bad);
  ASSERT_FALSE(overlapping);
  EXPECT_NE(overlapping.error().to_string().find("overlaps"), std::string::npos) << overlapping.error().to_string();

  bad = make_small_pack();
  toc = toc_of(bad);
  toc[4].type = uint32_t(pack::ChunkType::Mesh);  // a second MESH#0
  test::set_toc_entry(bad, 4, toc[4]);
  test::reseal(bad);
  auto duplicate = open_bytes(bad);
  ASSERT_FALSE(duplicate);
  EXPECT_NE(duplicate.error().to_string().find("duplicate"), std::string::npos) << duplicate.error().to_string();
}

TEST(PackReader, RandomBytesNeverCrash) {
  std::mt19937 rng(1234);
  for (int round = 0; round < 200; ++round) {
    std::vector<std::byte> noise(size_t(rng() % 4096));
    for (auto& b : noise) b = std::byte(rng() & 0xFF);
    if (round % 2 == 0 && noise.size() >= 8) std::memcpy(noise.data(), pack::kMagic, 8);
    auto reader = open_bytes(noise);
    EXPECT_FALSE(reader) << "random bytes opened as a pack (round " << round << ")";
  }
}

}  // namespace
}  // namespace liyuan
