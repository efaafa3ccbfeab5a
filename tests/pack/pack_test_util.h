// Helpers for tests that drive the real `liyuan-pack` binary and read its output back through liyuan_assets.
#pragma once

#include "assets/pack_format.h"
#include "core/math.h"
#include "support/test_support.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace liyuan::test {

std::filesystem::path model_path(const std::string& relative);  // tests/data/models/RELATIVE

// Runs `liyuan-pack ARGS...`.
CommandResult pack_tool(const std::vector<std::string>& args);

// `liyuan-pack inspect PACK --json`, parsed; fails the test (and returns null) when it does not exit 0.
nlohmann::json inspect_json(const std::filesystem::path& pack);

// Mesh 0 of PACK, decoded through PackReader + load_pack_contents + decode_*; fails the test on any error.
// Mesh 0 of a pack, decoded and dequantised (assets/vertex_format.h).
struct DecodedMesh {
  pack::MeshHeader header{};
  std::vector<vec3> positions;
  std::vector<vec3> normals;
  std::vector<vec4> tangents;
  std::vector<vec2> uvs;
  std::vector<vec4> colors;      // sRGB-encoded, 0..1
  std::vector<uint32_t> indices;  // level of detail 0 only
  std::vector<uint32_t> all_indices;  // every level
};
DecodedMesh decode_mesh0(const std::filesystem::path& pack);

std::vector<std::byte> read_file_bytes(const std::filesystem::path& path);
void write_file_bytes(const std::filesystem::path& path, const std::vector<std::byte>& bytes);
void write_text(const std::filesystem::path& path, const std::string& text);
std::string read_text(const std::filesystem::path& path);

}  // namespace liyuan::test
