// Bad input to `liyuan-pack pack`: one clear line naming the file and the reason, exit 1; or a warning and a pack.
#include "pack_test_util.h"

#include <gtest/gtest.h>

#include <cstring>

namespace liyuan::test {
namespace {

// A one-triangle .gltf with its .bin beside it in DIR; EXTRA is merged into the top-level object and MODE is the
// primitive mode (4 triangles, 0 points).
std::filesystem::path write_triangle_gltf(const std::filesystem::path& dir, const nlohmann::json& extra, int mode = 4) {
  const float positions[] = {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 1, 1, 1, 0, 0};
  std::vector<std::byte> bin(sizeof positions);
  std::memcpy(bin.data(), positions, sizeof positions);
  write_file_bytes(dir / "triangle.bin", bin);
  nlohmann::json gltf = {
      {"asset", {{"version", "2.0"}}},
      {"buffers", {{{"byteLength", bin.size()}, {"uri", "triangle.bin"}}}},
      {"bufferViews", {{{"buffer", 0}, {"byteOffset", 0}, {"byteLength", 36}}, {{"buffer", 0}, {"byteOffset", 36}, {"byteLength", 24}}}},
      {"accessors",
       {{{"bufferView", 0}, {"componentType", 5126}, {"count", 3}, {"type", "VEC3"}, {"min", {0, 0, 0}}, {"max", {1, 1, 0}}},
        {{"bufferView", 1}, {"componentType", 5126}, {"count", 3}, {"type", "VEC2"}}}},
      {"meshes", {{{"primitives", {{{"attributes", {{"POSITION", 0}, {"TEXCOORD_0", 1}}}, {"mode", mode}}}}}}},
      {"nodes", {{{"mesh", 0}}}},
      {"scenes", {{{"nodes", {0}}}}},
      {"scene", 0}};
  gltf.update(extra);
  if (extra.contains("materials")) gltf["meshes"][0]["primitives"][0]["material"] = 0;
  const auto path = dir / "triangle.gltf";
  write_text(path, gltf.dump(1));
  return path;
}

TEST(PackErrors, MissingInputNamesThePath) {
  const auto missing = output_dir() / "no-such-model.gltf";
  const CommandResult r = pack_tool({"pack", missing.string(), "-o", (output_dir() / "x.lypak").string()});
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("liyuan-pack: error: " + missing.string()), std::string::npos) << r.output;
}

TEST(PackErrors, UnreadableModelIsAnError) {
  const auto dir = output_dir();
  write_text(dir / "broken.obj", "this is not\x01\x02 a model\n");
  const CommandResult r = pack_tool({"pack", (dir / "broken.obj").string(), "-o", (dir / "x.lypak").string()});
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("broken.obj"), std::string::npos) << r.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "x.lypak"));
}

TEST(PackErrors, GltfRequiringDracoIsRefused) {
  const auto dir = output_dir();
  const nlohmann::json extra = {{"extensionsUsed", {"KHR_draco_mesh_compression"}},
                                {"extensionsRequired", {"KHR_draco_mesh_compression"}}};
  const auto model = write_triangle_gltf(dir, extra);
  const CommandResult r = pack_tool({"pack", model.string(), "-o", (dir / "x.lypak").string()});
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("KHR_draco_mesh_compression"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("triangle.gltf"), std::string::npos) << r.output;
}

TEST(PackErrors, GlbRequiringMeshoptCompressionIsRefused) {
  const auto dir = output_dir();
  std::string json = nlohmann::json({{"asset", {{"version", "2.0"}}},
                                     {"extensionsRequired", {"EXT_meshopt_compression"}}}).dump();
  while (json.size() % 4) json += ' ';
  std::vector<std::byte> glb;
  auto put32 = [&](uint32_t v) {
    for (int k = 0; k < 4; ++k) glb.push_back(std::byte((v >> (8 * k)) & 0xFF));
  };
  put32(0x46546C67u);
  put32(2);
  put32(uint32_t(20 + json.size()));
  put32(uint32_t(json.size()));
  put32(0x4E4F534Au);
  for (char c : json) glb.push_back(std::byte(c));
  write_file_bytes(dir / "compressed.glb", glb);
  const CommandResult r = pack_tool({"pack", (dir / "compressed.glb").string(), "-o", (dir / "x.lypak").string()});
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("EXT_meshopt_compression"), std::string::npos) << r.output;
}

TEST(PackErrors, ModelWithoutTrianglesIsAnError) {
  const auto dir = output_dir();
  const auto model = write_triangle_gltf(dir, nlohmann::json::object(), /*mode=*/0);
  const CommandResult r = pack_tool({"pack", model.string(), "-o", (dir / "x.lypak").string()});
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("no triangles"), std::string::npos) << r.output;
}

TEST(PackErrors, MissingTextureWarnsAndStillPacks) {
  const auto dir = output_dir();
  const nlohmann::json extra = {
      {"images", {{{"uri", "missing_basecolor.png"}}}},
      {"textures", {{{"source", 0}}}},
      {"materials", {{{"pbrMetallicRoughness", {{"baseColorTexture", {{"index", 0}}}}}}}}};
  const auto model = write_triangle_gltf(dir, extra);
  const auto out = dir / "x.lypak";
  const CommandResult r = pack_tool({"pack", model.string(), "-o", out.string()});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("missing_basecolor.png"), std::string::npos) << "no warning naming the texture:\n" << r.output;
  EXPECT_EQ(pack_tool({"verify", out.string()}).exit_code, 0);
  EXPECT_EQ(inspect_json(out)["textures"].size(), 0u);
}

TEST(PackErrors, UndecodableTextureIsAnError) {
  const auto dir = output_dir();
  write_text(dir / "garbage.png", "this is not an image");
  const nlohmann::json extra = {
      {"images", {{{"uri", "garbage.png"}}}},
      {"textures", {{{"source", 0}}}},
      {"materials", {{{"pbrMetallicRoughness", {{"baseColorTexture", {{"index", 0}}}}}}}}};
  const auto model = write_triangle_gltf(dir, extra);
  const CommandResult r = pack_tool({"pack", model.string(), "-o", (dir / "x.lypak").string()});
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("garbage.png"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("cannot decode"), std::string::npos) << r.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "x.lypak"));
}

TEST(PackErrors, ForcedBaseColorMustExist) {
  const auto dir = output_dir();
  const CommandResult r = pack_tool({"pack", model_path("spot/spot_triangulated.obj").string(), "-o",
                                     (dir / "x.lypak").string(), "--base-color", (dir / "nope.png").string()});
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("nope.png"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace liyuan::test
