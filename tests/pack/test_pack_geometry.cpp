// What the packer does to geometry: UV orientation, tangent handedness, generated normals, folder textures,
// embedded textures. Each test decodes the real tool's output through liyuan_assets.
#include "core/math.h"
#include "pack_test_util.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

namespace liyuan::test {
namespace {

std::vector<float> read_floats(const std::vector<std::byte>& bin, size_t offset, size_t count) {
  std::vector<float> out(count);
  std::memcpy(out.data(), bin.data() + offset, count * sizeof(float));
  return out;
}

// glTF stores UVs with v = 0 at the top row, like our packs: after Assimp's flip on import and FlipUVs, every packed
// vertex must carry exactly the UV (and the tangent handedness) of the source vertex at its position.
TEST(PackGeometry, WaterBottleUvsAndTangentsMatchTheSource) {
  const auto out = output_dir() / "bottle.lypak";
  ASSERT_EQ(pack_tool({"pack", water_bottle_gltf().string(), "-o", out.string(),
                       "--max-texture-size", "64"}).exit_code,
            0);
  const DecodedMesh mesh = decode_mesh0(out);
  ASSERT_EQ(mesh.positions.size(), 2549u);
  // Accessors of WaterBottle.gltf: TEXCOORD_0 at 0, TANGENT at 50980, POSITION at 91764; 2549 vertices each.
  const auto bin = read_file_bytes(water_bottle_gltf().parent_path() / "WaterBottle.bin");
  const auto uvs = read_floats(bin, 0, 2549 * 2);
  const auto tangents = read_floats(bin, 50980, 2549 * 4);
  const auto positions = read_floats(bin, 91764, 2549 * 3);
  // Packed vertices are quantised to 16 bits over the 26 cm bottle (4 µm steps) and UVs over their range: match
  // each to the source vertices at its position (within 10 µm), then compare UV and tangent handedness.
  size_t uv_mismatch = 0, handedness_mismatch = 0, unmatched = 0;
  for (size_t k = 0; k < mesh.positions.size(); ++k) {
    const vec3 p = mesh.positions[k];
    const vec2 uv = mesh.uvs[k];
    float best = 1e9f;
    size_t best_index = SIZE_MAX;
    for (size_t i = 0; i < 2549; ++i) {
      const vec3 s(positions[3 * i], positions[3 * i + 1], positions[3 * i + 2]);
      if (glm::length(s - p) > 1e-5f) continue;
      const float d = std::abs(uvs[2 * i] - uv.x) + std::abs(uvs[2 * i + 1] - uv.y);
      if (d < best) best = d, best_index = i;
    }
    if (best_index == SIZE_MAX) ++unmatched;
    else if (best > 1e-4f) ++uv_mismatch;
    else if ((tangents[4 * best_index + 3] < 0) != (mesh.tangents[k].w < 0)) ++handedness_mismatch;
  }
  EXPECT_EQ(unmatched, 0u) << "packed positions not found in the source";
  EXPECT_EQ(uv_mismatch, 0u) << "UVs differ from the glTF's (flipped V?)";
  EXPECT_EQ(handedness_mismatch, 0u) << "tangent w differs from the glTF's";
}

// A raw scan without normals must come out smooth: generated normals agree across each triangle and are never zero.
TEST(PackGeometry, BunnyGetsSmoothGeneratedNormals) {
  const auto out = output_dir() / "bunny.lypak";
  const CommandResult r = pack_tool({"pack", model_path("stanford-bunny/stanford-bunny.obj").string(), "-o", out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const DecodedMesh mesh = decode_mesh0(out);
  ASSERT_EQ(mesh.indices.size(), 69451u * 3);
  for (size_t k = 0; k < mesh.normals.size(); ++k) {
    // 8-bit normals: unit length and orthogonality hold to about 1/127.
    ASSERT_NEAR(glm::length(mesh.normals[k]), 1.f, 0.02f) << "a vertex with a zero or unnormalised normal";
    ASSERT_NEAR(glm::dot(vec3(mesh.tangents[k]), mesh.normals[k]), 0.f, 0.03f) << "tangent not orthogonal to the normal";
  }
  size_t smooth = 0, facing = 0;
  const size_t triangles = mesh.indices.size() / 3;
  for (size_t t = 0; t < triangles; ++t) {
    const uint32_t a = mesh.indices[3 * t], b = mesh.indices[3 * t + 1], c = mesh.indices[3 * t + 2];
    const vec3 na = mesh.normals[a], nb = mesh.normals[b], nc = mesh.normals[c];
    if (glm::dot(na, nb) > 0.5f && glm::dot(nb, nc) > 0.5f && glm::dot(na, nc) > 0.5f) ++smooth;
    const vec3 face = glm::cross(mesh.positions[b] - mesh.positions[a], mesh.positions[c] - mesh.positions[a]);
    if (glm::dot(face, na + nb + nc) > 0.f) ++facing;
  }
  EXPECT_GT(double(smooth) / double(triangles), 0.95) << smooth << " of " << triangles << " triangles are smooth";
  EXPECT_GT(double(facing) / double(triangles), 0.99) << "normals disagree with the winding";
  // Welded: a smooth closed-ish scan has about half as many vertices as triangles, not three per triangle.
  EXPECT_LT(mesh.positions.size(), triangles) << "vertices were not joined";
}

// spot: an OBJ (V up, GL convention) with no MTL and one PNG beside it.
TEST(PackGeometry, SpotTakesTheImageFromItsFolderAndFlipsV) {
  const auto out = output_dir() / "spot.lypak";
  const CommandResult r = pack_tool({"pack", model_path("spot/spot_triangulated.obj").string(), "-o", out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("spot_texture.png"), std::string::npos) << "no note naming the chosen texture:\n" << r.output;
  const nlohmann::json report = inspect_json(out);
  ASSERT_EQ(report["materials"].size(), 1u);
  const int base = report["materials"][0]["base_color_texture"].get<int>();
  ASSERT_GE(base, 0) << "spot has no base colour texture";
  EXPECT_EQ(report["textures"][size_t(base)]["format"], "Bc1Srgb") << "opaque colour on desktop";
  EXPECT_EQ(report["textures"][size_t(base)]["width"], 1024);
  EXPECT_EQ(report["materials"][0]["base_color_factor"][0], 1.0) << "a texture on the default material is not tinted";

  std::vector<vec2> source_uvs;
  std::ifstream obj(model_path("spot/spot_triangulated.obj"));
  for (std::string line; std::getline(obj, line);) {
    if (line.rfind("vt ", 0) != 0) continue;
    std::istringstream in(line.substr(3));
    vec2 uv;
    in >> uv.x >> uv.y;
    source_uvs.push_back(uv);
  }
  ASSERT_EQ(source_uvs.size(), 3225u);
  const DecodedMesh mesh = decode_mesh0(out);
  ASSERT_FALSE(mesh.uvs.empty());
  size_t flipped = 0;
  for (const vec2& uv : mesh.uvs) {
    // In [0, 1], give or take the 0.06 by which four of spot's own vt lines stray outside it.
    ASSERT_GE(uv.x, -0.06f);
    ASSERT_LE(uv.x, 1.06f);
    ASSERT_GE(uv.y, -0.06f);
    ASSERT_LE(uv.y, 1.06f);
    // UVs are quantised to 16 bits over their range (steps of 1.7e-5 here).
    for (const vec2& s : source_uvs) {
      if (std::abs(s.x - uv.x) < 1e-4f && std::abs((1.f - s.y) - uv.y) < 1e-4f) {
        ++flipped;
        break;
      }
    }
  }
  EXPECT_EQ(flipped, mesh.uvs.size()) << "packed UVs are not the OBJ's (u, 1 - v)";
}

// A GLB whose base colour image lives in its binary chunk ("*0" in Assimp).
TEST(PackGeometry, EmbeddedGlbTexturesArePacked) {
  const auto dir = output_dir();
  const auto png = read_file_bytes(model_path("spot/spot_texture.png"));
  const float geometry[] = {0, 0, 0, 1, 0, 0, 0, 1, 0, /* uv */ 0, 1, 1, 1, 0, 0};
  std::vector<std::byte> bin(sizeof geometry);
  std::memcpy(bin.data(), geometry, sizeof geometry);
  bin.insert(bin.end(), png.begin(), png.end());
  while (bin.size() % 4) bin.push_back(std::byte{0});
  const nlohmann::json gltf = {
      {"asset", {{"version", "2.0"}}},
      {"buffers", {{{"byteLength", bin.size()}}}},
      {"bufferViews",
       {{{"buffer", 0}, {"byteOffset", 0}, {"byteLength", 36}},
        {{"buffer", 0}, {"byteOffset", 36}, {"byteLength", 24}},
        {{"buffer", 0}, {"byteOffset", 60}, {"byteLength", png.size()}}}},
      {"accessors",
       {{{"bufferView", 0}, {"componentType", 5126}, {"count", 3}, {"type", "VEC3"}, {"min", {0, 0, 0}}, {"max", {1, 1, 0}}},
        {{"bufferView", 1}, {"componentType", 5126}, {"count", 3}, {"type", "VEC2"}}}},
      {"images", {{{"bufferView", 2}, {"mimeType", "image/png"}}}},
      {"textures", {{{"source", 0}}}},
      {"materials", {{{"pbrMetallicRoughness", {{"baseColorTexture", {{"index", 0}}}, {"metallicFactor", 0.25}}}}}},
      {"meshes", {{{"primitives", {{{"attributes", {{"POSITION", 0}, {"TEXCOORD_0", 1}}}, {"material", 0}}}}}}},
      {"nodes", {{{"mesh", 0}, {"translation", {1, 2, 3}}, {"scale", {2, 2, 2}}}}},
      {"scenes", {{{"nodes", {0}}}}},
      {"scene", 0}};
  std::string json = gltf.dump();
  while (json.size() % 4) json += ' ';
  std::vector<std::byte> glb;
  auto put32 = [&](uint32_t v) {
    for (int k = 0; k < 4; ++k) glb.push_back(std::byte((v >> (8 * k)) & 0xFF));
  };
  put32(0x46546C67u);  // "glTF"
  put32(2);
  put32(uint32_t(12 + 8 + json.size() + 8 + bin.size()));
  put32(uint32_t(json.size()));
  put32(0x4E4F534Au);  // "JSON"
  for (char c : json) glb.push_back(std::byte(c));
  put32(uint32_t(bin.size()));
  put32(0x004E4942u);  // "BIN"
  glb.insert(glb.end(), bin.begin(), bin.end());
  const auto model = dir / "triangle.glb";
  write_file_bytes(model, glb);

  const auto out = dir / "triangle.lypak";
  const CommandResult r = pack_tool({"pack", model.string(), "-o", out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const nlohmann::json report = inspect_json(out);
  ASSERT_EQ(report["textures"].size(), 1u) << report.dump(2);
  EXPECT_EQ(report["textures"][0]["width"], 1024);
  EXPECT_EQ(report["materials"][0]["base_color_texture"], 0);
  EXPECT_EQ(report["materials"][0]["metallic"], 0.25);
  // The node's transform is kept (its scale of 2 is in the instance); normalisation then moves the base centre to
  // the origin, which replaces the node's translation.
  const auto& world = report["instances"][0]["world_from_mesh"];
  EXPECT_NEAR(glm::length(vec3(world[0].get<float>(), world[1].get<float>(), world[2].get<float>())), 2.0f, 1e-5f);
  EXPECT_EQ(report["meta"]["triangles"], 1);
}

}  // namespace
}  // namespace liyuan::test
