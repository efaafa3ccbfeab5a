// glTF alpha modes through the whole path (packer → pack → renderer): blended surfaces are composited back to front,
// masked texels below the cutoff vanish. The scene is a glTF written by the test: quads stacked along +Z, seen
// from the front.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "core/image_file.h"
#include "render_fixture.h"

namespace liyuan::test {
namespace {

struct Quad {
  float z;
  float half_size;
  float rgba[4];
  const char* alpha_mode;
};

// Writes DIR/stack.gltf + stack.bin: one unit quad mesh per entry of QUADS, each with its own material.
std::filesystem::path write_quad_stack(const std::filesystem::path& dir, const std::vector<Quad>& quads) {
  std::vector<float> floats;
  std::vector<uint16_t> indices = {0, 1, 2, 0, 2, 3};
  nlohmann::json gltf;
  gltf["asset"] = {{"version", "2.0"}};
  gltf["scene"] = 0;
  gltf["scenes"] = {{{"nodes", nlohmann::json::array()}}};
  std::vector<float> bytes_positions, bytes_normals;
  for (size_t i = 0; i < quads.size(); ++i) {
    const Quad& q = quads[i];
    float s = q.half_size;
    float corners[4][3] = {{-s, -s, q.z}, {s, -s, q.z}, {s, s, q.z}, {-s, s, q.z}};
    for (auto& c : corners) bytes_positions.insert(bytes_positions.end(), c, c + 3);
    for (int k = 0; k < 4; ++k) bytes_normals.insert(bytes_normals.end(), {0.0f, 0.0f, 1.0f});
  }
  // Layout: indices (12 bytes, padded to 12), positions, normals.
  std::vector<char> bin(12);
  std::memcpy(bin.data(), indices.data(), 12);
  size_t positions_offset = bin.size();
  bin.insert(bin.end(), reinterpret_cast<char*>(bytes_positions.data()),
             reinterpret_cast<char*>(bytes_positions.data() + bytes_positions.size()));
  size_t normals_offset = bin.size();
  bin.insert(bin.end(), reinterpret_cast<char*>(bytes_normals.data()),
             reinterpret_cast<char*>(bytes_normals.data() + bytes_normals.size()));
  gltf["buffers"] = {{{"uri", "stack.bin"}, {"byteLength", bin.size()}}};
  gltf["bufferViews"] = {{{"buffer", 0}, {"byteOffset", 0}, {"byteLength", 12}, {"target", 34963}},
                         {{"buffer", 0}, {"byteOffset", positions_offset}, {"byteLength", bytes_positions.size() * 4},
                          {"target", 34962}},
                         {{"buffer", 0}, {"byteOffset", normals_offset}, {"byteLength", bytes_normals.size() * 4},
                          {"target", 34962}}};
  gltf["accessors"] = {{{"bufferView", 0}, {"componentType", 5123}, {"count", 6}, {"type", "SCALAR"}}};
  gltf["meshes"] = nlohmann::json::array();
  gltf["materials"] = nlohmann::json::array();
  gltf["nodes"] = nlohmann::json::array();
  for (size_t i = 0; i < quads.size(); ++i) {
    const Quad& q = quads[i];
    float s = q.half_size;
    gltf["accessors"].push_back({{"bufferView", 1}, {"byteOffset", i * 48}, {"componentType", 5126}, {"count", 4},
                                 {"type", "VEC3"}, {"min", {-s, -s, q.z}}, {"max", {s, s, q.z}}});
    gltf["accessors"].push_back(
        {{"bufferView", 2}, {"byteOffset", i * 48}, {"componentType", 5126}, {"count", 4}, {"type", "VEC3"}});
    nlohmann::json material = {
        {"pbrMetallicRoughness",
         {{"baseColorFactor", {q.rgba[0], q.rgba[1], q.rgba[2], q.rgba[3]}}, {"metallicFactor", 0.0},
          {"roughnessFactor", 1.0}}},
        {"alphaMode", q.alpha_mode},
        {"doubleSided", true}};
    if (std::string(q.alpha_mode) == "MASK") material["alphaCutoff"] = 0.5;
    gltf["materials"].push_back(material);
    gltf["meshes"].push_back(
        {{"primitives",
          {{{"attributes", {{"POSITION", 1 + 2 * i}, {"NORMAL", 2 + 2 * i}}}, {"indices", 0}, {"material", i}}}}});
    gltf["nodes"].push_back({{"mesh", i}});
    gltf["scenes"][0]["nodes"].push_back(i);
  }
  std::ofstream(dir / "stack.bin", std::ios::binary).write(bin.data(), std::streamsize(bin.size()));
  std::ofstream(dir / "stack.gltf") << gltf.dump(2);
  return dir / "stack.gltf";
}

// Packs and renders a quad stack seen straight from the front; returns the centre pixel.
std::array<int, 3> centre_colour(const std::vector<Quad>& quads) {
  auto dir = output_dir();
  auto gltf = write_quad_stack(dir, quads);
  auto pack = dir / "stack.lypak";
  CommandResult packed = run_command(pack_exe(), {"pack", gltf.string(), "-o", pack.string()});
  EXPECT_EQ(packed.exit_code, 0) << packed.output;
  auto png = dir / "stack.png";
  CommandResult rendered =
      run_liyuan({"render", pack.string(), "--out", png.string(), "--size", "64x64", "--turntable", "0"});
  EXPECT_EQ(rendered.exit_code, 0) << rendered.output;
  auto image = read_png(png);
  if (!image) {
    ADD_FAILURE() << image.error().to_string();
    return {0, 0, 0};
  }
  const uint8_t* p = image->pixel(32, 32);
  return {p[0], p[1], p[2]};
}

TEST(AlphaModes, BlendedSurfacesCompositeBackToFront) {
  // Far to near: opaque red, half-transparent blue, half-transparent green.
  auto c = centre_colour({{-0.2f, 0.5f, {1, 0, 0, 1}, "OPAQUE"},
                          {0.0f, 0.5f, {0, 0, 1, 0.5f}, "BLEND"},
                          {0.2f, 0.5f, {0, 1, 0, 0.5f}, "BLEND"}});
  // Correct order: green over (blue over red) → green weighs 1/2, blue and red 1/4 each.
  // Front to back would weigh blue 1/2 and green 1/4.
  EXPECT_GT(c[1], c[2] * 1.3) << "green should dominate blue: rgb " << c[0] << "," << c[1] << "," << c[2];
  EXPECT_GT(c[2], 20) << "blue should show through green";
  EXPECT_GT(c[0], 20) << "red should show through both";
}

TEST(AlphaModes, MaskedTexelsBelowTheCutoffVanish) {
  // A yellow quad in front whose alpha (0.2) is below its cutoff (0.5): it must not be drawn at all.
  auto c = centre_colour({{-0.2f, 0.5f, {1, 0, 0, 1}, "OPAQUE"}, {0.2f, 0.5f, {1, 1, 0, 0.2f}, "MASK"}});
  EXPECT_GT(c[0], 60) << "the red quad behind should be visible";
  EXPECT_LT(c[1], 30) << "the masked yellow quad was drawn: rgb " << c[0] << "," << c[1] << "," << c[2];
}

TEST(AlphaModes, MaskedTexelsAboveTheCutoffAreOpaque) {
  auto c = centre_colour({{-0.2f, 0.5f, {1, 0, 0, 1}, "OPAQUE"}, {0.2f, 0.5f, {1, 1, 0, 0.8f}, "MASK"}});
  EXPECT_GT(c[1], 60) << "the masked quad above its cutoff should cover the red one";
}

}  // namespace
}  // namespace liyuan::test
