// load_pack_contents: typed views of a good pack, and structural damage (past the checksums) named by chunk.
#include "assets/pack_contents.h"

#include "core/hash.h"
#include "mesh_builder.h"
#include "pack_fixture.h"
#include "pack_writer.h"
#include "support/test_support.h"
#include "texture_builder.h"

#include <gtest/gtest.h>

#include <cstring>
#include <random>

namespace liyuan {
namespace {

Result<PackReader> open_bytes(const std::vector<std::byte>& bytes) {
  const auto path = test::output_dir() / "pack.lypak";
  test::write_bytes(path, bytes);
  return PackReader::open(path);
}

template <typename T>
std::vector<std::byte> record_bytes(const T& record) {
  std::vector<std::byte> out(sizeof(T));
  std::memcpy(out.data(), &record, sizeof(T));
  return out;
}

// The pieces of a valid pack, for tests that break one of them: a material, an instance, the fixture's grid mesh and
// an uncompressed 4x2 texture.
struct Pieces {
  pack::MaterialRecord material{};
  pack::InstanceRecord instance{};
  std::vector<std::byte> mesh;
  std::vector<std::byte> texture;

  Pieces() {
    material.base_color_texture = 0;
    material.metallic_roughness_texture = material.normal_texture = material.occlusion_texture =
        material.emissive_texture = pack::kNoTexture;
    instance.world_from_mesh[0] = instance.world_from_mesh[5] = instance.world_from_mesh[10] =
        instance.world_from_mesh[15] = 1.f;
    packer::ImportedMesh m;
    m.positions = {vec3(0.f), vec3(1.f, 0.f, 0.f), vec3(0.f, 1.f, 0.f)};
    m.normals = {vec3(0, 0, 1), vec3(0, 0, 1), vec3(0, 0, 1)};
    m.indices = {0, 1, 2};
    mesh = packer::build_mesh(m, 0).payload;
    packer::Rgba8Image image{4, 2, std::vector<uint8_t>(32, 128)};
    texture = packer::texture_payload(packer::build_mip_chain(image, false), pack::TextureFormat::Rgba8Unorm);
  }

  std::vector<std::byte> write() const {
    packer::PackWriter writer;
    writer.add(pack::ChunkType::Meta, {}, false);
    writer.add(pack::ChunkType::Material, record_bytes(material), false);
    writer.add(pack::ChunkType::Instance, record_bytes(instance), false);
    writer.add(pack::ChunkType::Mesh, mesh, false);
    writer.add(pack::ChunkType::Texture, texture, false);
    return writer.finish();
  }
};

pack::MeshHeader& mesh_header(std::vector<std::byte>& payload) {
  return *reinterpret_cast<pack::MeshHeader*>(payload.data());
}
pack::TextureHeader& texture_header(std::vector<std::byte>& payload) {
  return *reinterpret_cast<pack::TextureHeader*>(payload.data());
}

// Expects load_pack_contents of PIECES to fail naming CHUNK and mentioning WHAT.
void expect_contents_error(const Pieces& pieces, const std::string& chunk, const std::string& what) {
  auto reader = open_bytes(pieces.write());
  ASSERT_TRUE(reader) << reader.error().to_string();
  auto contents = load_pack_contents(*reader);
  ASSERT_FALSE(contents) << "expected an error in " << chunk << " about " << what;
  const std::string message = contents.error().to_string();
  EXPECT_NE(message.find(chunk), std::string::npos) << message;
  EXPECT_NE(message.find(what), std::string::npos) << message;
}

TEST(PackContents, LoadsTheFixture) {
  auto reader = open_bytes(test::make_small_pack());
  ASSERT_TRUE(reader) << reader.error().to_string();
  auto contents = load_pack_contents(*reader);
  ASSERT_TRUE(contents) << contents.error().to_string();
  EXPECT_NE(contents->meta_json.find("\"title\":\"grid\""), std::string::npos) << contents->meta_json;
  ASSERT_EQ(contents->materials.size(), 1u);
  EXPECT_EQ(contents->materials[0].base_color_texture, 0);
  ASSERT_EQ(contents->meshes.size(), 1u);
  EXPECT_EQ(contents->meshes[0].header->index_count, 24u);
  ASSERT_EQ(contents->textures.size(), 1u);
  const pack::TextureHeader& t = *contents->textures[0].header;
  EXPECT_EQ(t.width, 8u);
  EXPECT_EQ(t.height, 4u);
  EXPECT_EQ(t.mip_count, 4u);  // 8x4, 4x2, 2x1, 1x1
  EXPECT_EQ(t.format, uint32_t(pack::TextureFormat::Rgba8Srgb));
  ASSERT_EQ(contents->textures[0].mips.size(), 4u);
  EXPECT_EQ(contents->textures[0].mips[3].size(), 4u);
  // A flat colour stays that colour all the way down the (gamma-correct) chain.
  for (const auto& mip : contents->textures[0].mips) {
    EXPECT_EQ(uint8_t(mip[0]), 200);
    EXPECT_EQ(uint8_t(mip[1]), 150);
  }
  const Aabb world = contents->world_bounds();
  EXPECT_EQ(world.min, vec3(1.f, 2.f, 3.f));
  EXPECT_EQ(world.max, vec3(3.f, 4.f, 3.f));
}

TEST(PackContents, GoodPiecesLoad) {
  auto reader = open_bytes(Pieces().write());
  ASSERT_TRUE(reader) << reader.error().to_string();
  auto contents = load_pack_contents(*reader);
  EXPECT_TRUE(contents) << contents.error().to_string();
}

TEST(PackContents, MeshNamingAMissingMaterialIsNamed) {
  Pieces p;
  mesh_header(p.mesh).material = 5;
  expect_contents_error(p, "MESH#0", "material 5");
}

TEST(PackContents, MeshStreamOutsideTheChunkIsNamed) {
  Pieces p;
  mesh_header(p.mesh).index_offset = ~uint64_t(0) - 4;
  expect_contents_error(p, "MESH#0", "index stream");
  Pieces q;
  mesh_header(q.mesh).vertex_size = q.mesh.size();
  expect_contents_error(q, "MESH#0", "vertex stream");
}

TEST(PackContents, MeshCountsBeyondTheStreamAreNamed) {
  Pieces p;
  mesh_header(p.mesh).vertex_count = 0x7FFFFFFF;
  expect_contents_error(p, "MESH#0", "vertices cannot fit");
  Pieces q;
  mesh_header(q.mesh).lods[0].index_count = 6;
  expect_contents_error(q, "MESH#0", "LOD 0");
  Pieces r;
  mesh_header(r.mesh).lod_count = 0;
  expect_contents_error(r, "MESH#0", "lod count");
}

TEST(PackContents, TextureWithAShortChainOrWrongMipSizeIsNamed) {
  Pieces p;
  texture_header(p.texture).mip_count = 2;
  expect_contents_error(p, "TEXR#0", "full chain");
  Pieces q;
  texture_header(q.texture).mip_size[1] = 4;
  expect_contents_error(q, "TEXR#0", "mip 1");
  Pieces r;
  texture_header(r.texture).mip_offset[2] = 1u << 30;
  expect_contents_error(r, "TEXR#0", "mip 2");
  Pieces s;
  texture_header(s.texture).format = 77;
  expect_contents_error(s, "TEXR#0", "format 77");
}

TEST(PackContents, MaterialNamingAMissingTextureIsNamed) {
  Pieces p;
  p.material.normal_texture = 3;
  expect_contents_error(p, "MATL#0", "texture 3");
}

TEST(PackContents, InstanceNamingAMissingMeshIsNamed) {
  Pieces p;
  p.instance.mesh = 2;
  expect_contents_error(p, "INST#0", "mesh 2");
}

TEST(PackContents, CorruptZstdFrameIsNamed) {
  std::vector<std::byte> bytes = test::make_small_pack();
  const auto toc = test::toc_of(bytes);
  ASSERT_EQ(toc[4].compression, uint32_t(pack::Compression::Zstd));
  for (uint64_t k = 4; k < toc[4].size; ++k) bytes[toc[4].offset + k] = std::byte{0x55};  // keep the frame magic
  test::reseal(bytes);
  auto reader = open_bytes(bytes);
  ASSERT_TRUE(reader) << reader.error().to_string();
  auto contents = load_pack_contents(*reader);
  ASSERT_FALSE(contents);
  EXPECT_NE(contents.error().to_string().find("TEXR#0"), std::string::npos) << contents.error().to_string();
}

// Random damage, resealed so it gets past the checksums: the reader, the loader and the decoders may refuse it but
// must never crash or read out of bounds (run under ASan to make the second half of that claim strict).
TEST(PackContents, ResealedRandomDamageNeverCrashes) {
  const std::vector<std::byte> good = Pieces().write();
  const uint64_t toc_offset = test::header_of(good).toc_offset;
  std::mt19937 rng(99);
  int refused = 0;
  for (int round = 0; round < 300; ++round) {
    std::vector<std::byte> bad = good;
    const int flips = 1 + int(rng() % 4);
    for (int f = 0; f < flips; ++f) bad[64 + rng() % (toc_offset - 64)] = std::byte(rng() & 0xFF);
    test::reseal(bad);
    auto reader = open_bytes(bad);
    if (!reader) {
      ++refused;
      continue;
    }
    auto contents = load_pack_contents(*reader);
    if (!contents) {
      ++refused;
      continue;
    }
    for (const MeshChunk& mesh : contents->meshes) {
      std::vector<pack::PackedVertex> vertices(mesh.header->vertex_count);
      std::vector<uint32_t> indices(mesh.header->index_count);
      if (!decode_vertices(mesh, vertices) || !decode_indices(mesh, indices)) ++refused;
    }
  }
  EXPECT_GT(refused, 0) << "no damage was ever detected";
}

}  // namespace
}  // namespace liyuan
