#include "pack_test_util.h"

#include "assets/vertex_format.h"

#include "assets/pack_contents.h"
#include "assets/pack_reader.h"

#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <iterator>

namespace liyuan::test {

std::filesystem::path model_path(const std::string& relative) { return data_dir() / "models" / relative; }

CommandResult pack_tool(const std::vector<std::string>& args) { return run_command(pack_exe(), args); }

nlohmann::json inspect_json(const std::filesystem::path& pack) {
  const CommandResult r = pack_tool({"inspect", pack.string(), "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  if (r.exit_code != 0) return nullptr;
  auto doc = nlohmann::json::parse(r.output, nullptr, false);
  EXPECT_FALSE(doc.is_discarded()) << "inspect --json printed something that is not JSON:\n" << r.output;
  return doc;
}

DecodedMesh decode_mesh0(const std::filesystem::path& pack) {
  DecodedMesh out;
  auto reader = PackReader::open(pack);
  EXPECT_TRUE(reader) << reader.error().to_string();
  if (!reader) return out;
  auto contents = load_pack_contents(*reader);
  EXPECT_TRUE(contents) << contents.error().to_string();
  if (!contents || contents->meshes.empty()) return out;
  const MeshChunk& mesh = contents->meshes[0];
  out.header = *mesh.header;
  std::vector<pack::PackedVertex> vertices(mesh.header->vertex_count);
  out.all_indices.resize(mesh.header->index_count);
  auto v = decode_vertices(mesh, vertices);
  EXPECT_TRUE(v) << v.error().to_string();
  auto i = decode_indices(mesh, out.all_indices);
  EXPECT_TRUE(i) << i.error().to_string();
  for (const pack::PackedVertex& q : vertices) {
    out.positions.push_back(vertex::position(out.header, q));
    out.normals.push_back(vertex::normal(q));
    out.tangents.push_back(vertex::tangent(q));
    out.uvs.push_back(vertex::uv(out.header, q));
    out.colors.push_back(vec4(q.color[0], q.color[1], q.color[2], q.color[3]) / 255.0f);
  }
  const pack::LodRecord& lod0 = out.header.lods[0];
  out.indices.assign(out.all_indices.begin() + lod0.first_index,
                     out.all_indices.begin() + lod0.first_index + lod0.index_count);
  return out;
}

std::vector<std::byte> read_file_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<char> chars((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::byte> bytes(chars.size());
  if (!chars.empty()) std::memcpy(bytes.data(), chars.data(), chars.size());
  return bytes;
}

void write_file_bytes(const std::filesystem::path& path, const std::vector<std::byte>& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
}

void write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace liyuan::test
