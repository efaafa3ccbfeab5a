// decode_vertices / decode_indices / mip_byte_size.
#include "assets/pack_contents.h"
#include "assets/vertex_format.h"

#include "mesh_builder.h"
#include "pack_fixture.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <set>
#include <tuple>

namespace liyuan {
namespace {

// A MeshChunk over hand-written raw streams.
struct RawMesh {
  pack::MeshHeader header{};
  std::vector<pack::PackedVertex> vertices;
  std::vector<uint32_t> indices;
  MeshChunk chunk;

  RawMesh(uint32_t vertex_count, std::vector<uint32_t> index_list) : vertices(vertex_count), indices(std::move(index_list)) {
    header.vertex_count = vertex_count;
    header.index_count = uint32_t(indices.size());
    header.vertex_format = pack::kVertexFormatQuantized24;
    header.vertex_stride = sizeof(pack::PackedVertex);
    header.lod_count = 1;
    header.vertex_encoding = header.index_encoding = uint32_t(pack::StreamEncoding::Raw);
    for (uint32_t v = 0; v < vertex_count; ++v) vertices[v].position[0] = uint16_t(v);
    chunk.header = &header;
    chunk.vertex_stream = std::as_bytes(std::span(vertices));
    chunk.index_stream = std::as_bytes(std::span(indices));
  }
};

TEST(AssetsDecode, RawStreamsDecode) {
  RawMesh mesh(3, {0, 1, 2});
  std::vector<pack::PackedVertex> vertices(3);
  std::vector<uint32_t> indices(3);
  ASSERT_TRUE(decode_vertices(mesh.chunk, vertices));
  ASSERT_TRUE(decode_indices(mesh.chunk, indices));
  EXPECT_EQ(vertices[2].position[0], 2u);
  EXPECT_EQ(indices, (std::vector<uint32_t>{0, 1, 2}));
}

TEST(AssetsDecode, DecodeIndicesRejectsAnOutOfRangeIndex) {
  RawMesh mesh(3, {0, 1, 3});
  std::vector<uint32_t> indices(3);
  auto status = decode_indices(mesh.chunk, indices);
  ASSERT_FALSE(status) << "index 3 of a 3-vertex mesh was accepted";
  EXPECT_NE(status.error().message.find("out of range"), std::string::npos) << status.error().message;
}

TEST(AssetsDecode, WrongOutputSizeIsRejected) {
  RawMesh mesh(3, {0, 1, 2});
  std::vector<pack::PackedVertex> vertices(2);
  std::vector<uint32_t> indices(6);
  EXPECT_FALSE(decode_vertices(mesh.chunk, vertices));
  EXPECT_FALSE(decode_indices(mesh.chunk, indices));
}

TEST(AssetsDecode, MeshoptStreamsRoundTripAndTruncationIsRejected) {
  packer::ImportedMesh source;
  for (int i = 0; i < 30; ++i) {
    source.positions.push_back(vec3(float(i % 6), float(i / 6), float(i % 3) * 0.1f));
    source.normals.push_back(vec3(0.f, 0.f, 1.f));
  }
  for (uint32_t y = 0; y < 4; ++y) {
    for (uint32_t x = 0; x < 5; ++x) {
      const uint32_t a = y * 6 + x;
      source.indices.insert(source.indices.end(), {a, a + 1, a + 7, a, a + 7, a + 6});
    }
  }
  std::vector<std::byte> payload = packer::build_mesh(source, 0).payload;
  MeshChunk mesh;
  mesh.header = reinterpret_cast<const pack::MeshHeader*>(payload.data());
  mesh.vertex_stream = std::span(payload).subspan(mesh.header->vertex_offset, mesh.header->vertex_size);
  mesh.index_stream = std::span(payload).subspan(mesh.header->index_offset, mesh.header->index_size);
  ASSERT_EQ(mesh.header->vertex_count, 30u);
  std::vector<pack::PackedVertex> vertices(30);
  std::vector<uint32_t> indices(source.indices.size());
  ASSERT_TRUE(decode_vertices(mesh, vertices));
  ASSERT_TRUE(decode_indices(mesh, indices));
  // The same triangles (as position triples on a millimetre grid, well above the 16-bit quantisation step), in
  // whatever order the optimiser chose.
  auto grid = [](const vec3& p) {
    return std::tuple(int(std::lround(p.x * 1000)), int(std::lround(p.y * 1000)), int(std::lround(p.z * 1000)));
  };
  std::multiset<std::vector<std::tuple<int, int, int>>> expected, got;
  for (size_t t = 0; t < indices.size(); t += 3) {
    std::vector<std::tuple<int, int, int>> e, g;
    for (int k = 0; k < 3; ++k) {
      e.push_back(grid(source.positions[source.indices[t + k]]));
      g.push_back(grid(vertex::position(*mesh.header, vertices[indices[t + k]])));
    }
    std::rotate(e.begin(), std::min_element(e.begin(), e.end()), e.end());
    std::rotate(g.begin(), std::min_element(g.begin(), g.end()), g.end());
    expected.insert(e);
    got.insert(g);
  }
  EXPECT_EQ(expected, got) << "decoded triangles differ from the source";

  MeshChunk cut;
  cut.header = mesh.header;
  cut.vertex_stream = mesh.vertex_stream.first(mesh.vertex_stream.size() / 2);
  cut.index_stream = mesh.index_stream.first(mesh.index_stream.size() / 2);
  EXPECT_FALSE(decode_vertices(cut, vertices));
  EXPECT_FALSE(decode_indices(cut, indices));
}

TEST(AssetsDecode, MipByteSize) {
  EXPECT_EQ(mip_byte_size(pack::TextureFormat::Rgba8Srgb, 1, 1), 4u);
  EXPECT_EQ(mip_byte_size(pack::TextureFormat::Rgba8Unorm, 3, 5), 60u);
  EXPECT_EQ(mip_byte_size(pack::TextureFormat::Rgba8Srgb, 2048, 2048), 16777216u);
  EXPECT_EQ(mip_byte_size(pack::TextureFormat::Rgba8Unorm, 32768, 32768), uint64_t(4) << 30);
}

}  // namespace
}  // namespace liyuan
