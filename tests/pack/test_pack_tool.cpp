// `liyuan-pack` end to end: pack, inspect, verify, determinism, atomic output, exit codes.
#include "assets/pack_reader.h"
#include "core/hash.h"
#include "pack_test_util.h"

#include <gtest/gtest.h>

#include <map>

namespace liyuan::test {
namespace {

TEST(PackTool, PacksWaterBottle) {
  const auto out = output_dir() / "WaterBottle.lypak";
  const CommandResult r = pack_tool({"pack", water_bottle_gltf().string(), "-o", out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.output;

  const nlohmann::json report = inspect_json(out);
  ASSERT_TRUE(report.is_object());
  ASSERT_EQ(report["meshes"].size(), 1u) << report.dump(2);
  EXPECT_EQ(report["meshes"][0]["triangles"], 4510) << "Assimp should keep every triangle of the glTF";
  EXPECT_EQ(report["meta"]["triangles"], 4510);
  EXPECT_EQ(report["meta"]["source"], "WaterBottle.gltf");
  EXPECT_EQ(report["meta"]["generator"], "liyuan-pack 0.1.0");
  // Occlusion and metallic-roughness share one image and one colour space: 4 textures, not 5.
  ASSERT_EQ(report["textures"].size(), 4u) << report.dump(2);
  ASSERT_EQ(report["materials"].size(), 1u);
  const auto& material = report["materials"][0];
  EXPECT_EQ(material["occlusion_texture"], material["metallic_roughness_texture"]);
  EXPECT_GE(material["normal_texture"].get<int>(), 0);
  EXPECT_GE(material["emissive_texture"].get<int>(), 0);
  const int base = material["base_color_texture"].get<int>();
  ASSERT_GE(base, 0);
  const auto& texture = report["textures"][size_t(base)];
  EXPECT_EQ(texture["format"], "Bc1Srgb") << "opaque base colour on desktop: BC1";
  EXPECT_EQ(texture["width"], 2048);
  EXPECT_EQ(texture["mips"], 12) << "a full chain 2048 .. 1";
  EXPECT_EQ(report["textures"][material["normal_texture"].get<size_t>()]["format"], "Bc5Unorm") << "normals: two-channel BC5";
  EXPECT_EQ(report["textures"][material["emissive_texture"].get<size_t>()]["format"], "Bc1Srgb");
  EXPECT_EQ(report["textures"][material["metallic_roughness_texture"].get<size_t>()]["format"], "Bc1Unorm")
      << "occlusion-roughness-metallic in one image: BC1";
  ASSERT_EQ(report["instances"].size(), 1u);

  const CommandResult text = pack_tool({"inspect", out.string()});
  ASSERT_EQ(text.exit_code, 0) << text.output;
  EXPECT_NE(text.output.find("meshes: 1"), std::string::npos) << text.output;
  EXPECT_NE(text.output.find("4510 triangles"), std::string::npos) << text.output;
  EXPECT_NE(text.output.find("TEXR#3 (entry 7)"), std::string::npos) << text.output;
  EXPECT_NE(text.output.find("2048x2048, 12 mips, Bc1Srgb"), std::string::npos) << text.output;
}

TEST(PackTool, MaxTextureSizeScalesTexturesDown) {
  const auto out = output_dir() / "small.lypak";
  const CommandResult r = pack_tool({"pack", water_bottle_gltf().string(), "-o", out.string(),
                                     "--max-texture-size", "256"});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const nlohmann::json report = inspect_json(out);
  for (const auto& t : report["textures"]) {
    EXPECT_EQ(t["width"], 256);
    EXPECT_EQ(t["height"], 256);
    EXPECT_EQ(t["mips"], 9);
  }
}

TEST(PackTool, PackingTwiceGivesIdenticalBytes) {
  const auto dir = output_dir();
  for (const auto& model : {water_bottle_gltf(), model_path("spot/spot_triangulated.obj")}) {
    const auto a = dir / "a.lypak", b = dir / "b.lypak";
    ASSERT_EQ(pack_tool({"pack", model.string(), "-o", a.string()}).exit_code, 0);
    ASSERT_EQ(pack_tool({"pack", model.string(), "-o", b.string()}).exit_code, 0);
    const auto bytes_a = read_file_bytes(a), bytes_b = read_file_bytes(b);
    ASSERT_EQ(bytes_a.size(), bytes_b.size()) << model;
    EXPECT_TRUE(bytes_a == bytes_b) << model << ": two packs of the same input differ";
  }
}

TEST(PackTool, LeavesSourcesUnchangedAndNoTemporaryFiles) {
  const auto source_dir = water_bottle_gltf().parent_path();
  auto snapshot = [&] {
    std::map<std::string, uint64_t> hashes;
    for (const auto& entry : std::filesystem::directory_iterator(source_dir)) {
      hashes[entry.path().filename().string()] = hash_bytes(read_file_bytes(entry.path()));
    }
    return hashes;
  };
  const auto before = snapshot();
  const auto dir = output_dir();
  const auto out = dir / "bottle.lypak";
  ASSERT_EQ(pack_tool({"pack", (source_dir / "WaterBottle.gltf").string(), "-o", out.string(), "--max-texture-size",
                       "128"}).exit_code,
            0);
  // Packing over an existing pack replaces it in place, also without leftovers.
  ASSERT_EQ(pack_tool({"pack", (source_dir / "WaterBottle.gltf").string(), "-o", out.string(), "--max-texture-size",
                       "128"}).exit_code,
            0);
  EXPECT_EQ(snapshot(), before) << "packing changed files in the source folder";
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) names.push_back(entry.path().filename().string());
  EXPECT_EQ(names, std::vector<std::string>{"bottle.lypak"}) << "temporary files left next to the output";
}

TEST(PackTool, VerifyAcceptsAGoodPack) {
  const auto out = output_dir() / "spot.lypak";
  ASSERT_EQ(pack_tool({"pack", model_path("spot/spot_triangulated.obj").string(), "-o", out.string()}).exit_code, 0);
  const CommandResult r = pack_tool({"verify", out.string()});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find(out.string() + ": ok (5 chunks)"), std::string::npos) << r.output;
}

TEST(PackTool, VerifyNamesTheDamagedChunk) {
  const auto dir = output_dir();
  const auto good = dir / "good.lypak";
  ASSERT_EQ(pack_tool({"pack", model_path("spot/spot_triangulated.obj").string(), "-o", good.string()}).exit_code, 0);
  auto reader = PackReader::open(good);
  ASSERT_TRUE(reader) << reader.error().to_string();
  const auto bytes = read_file_bytes(good);
  for (auto type : {pack::ChunkType::Mesh, pack::ChunkType::Texture, pack::ChunkType::Material}) {
    const int i = reader->find(type, 0);
    ASSERT_GE(i, 0);
    const pack::ChunkEntry& entry = reader->chunks()[size_t(i)];
    auto bad = bytes;
    bad[entry.offset + entry.size / 3] ^= std::byte{0x40};
    const auto bad_path = dir / "bad.lypak";
    write_file_bytes(bad_path, bad);
    const CommandResult r = pack_tool({"verify", bad_path.string()});
    const std::string name = std::string(pack::chunk_type_name(uint32_t(type))) + "#0";
    EXPECT_EQ(r.exit_code, 1) << name << ": " << r.output;
    EXPECT_NE(r.output.find("liyuan-pack: error: " + bad_path.string() + ": chunk " + name), std::string::npos)
        << r.output;
  }
}

TEST(PackTool, VerifyReportsTruncationAndNonPacks) {
  const auto dir = output_dir();
  const auto good = dir / "good.lypak";
  ASSERT_EQ(pack_tool({"pack", model_path("spot/spot_triangulated.obj").string(), "-o", good.string()}).exit_code, 0);
  auto bytes = read_file_bytes(good);
  bytes.resize(bytes.size() - 100);
  const auto cut = dir / "cut.lypak";
  write_file_bytes(cut, bytes);
  CommandResult r = pack_tool({"verify", cut.string()});
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("truncated"), std::string::npos) << r.output;

  r = pack_tool({"verify", model_path("spot/spot_texture.png").string()});
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("not a Liyuan pack"), std::string::npos) << r.output;

  r = pack_tool({"inspect", cut.string()});
  EXPECT_EQ(r.exit_code, 1) << r.output;
}

TEST(PackTool, UsageErrorsExitWithTwoAndHelpWithZero) {
  EXPECT_EQ(pack_tool({}).exit_code, 2);
  EXPECT_EQ(pack_tool({"frobnicate"}).exit_code, 2);
  EXPECT_EQ(pack_tool({"pack", "model.obj"}).exit_code, 2) << "missing -o";
  EXPECT_EQ(pack_tool({"pack", "model.obj", "-o", "x.lypak", "--max-texture-size", "0"}).exit_code, 2);
  EXPECT_EQ(pack_tool({"verify"}).exit_code, 2);
  for (const char* command : {"pack", "inspect", "verify"}) {
    const CommandResult r = pack_tool({command, "--help"});
    EXPECT_EQ(r.exit_code, 0) << command << ": " << r.output;
    EXPECT_NE(r.output.find(command), std::string::npos) << r.output;
  }
  EXPECT_EQ(pack_tool({"--help"}).exit_code, 0);
}

}  // namespace
}  // namespace liyuan::test

namespace liyuan::test {
namespace {

TEST(PackTool, InspectListsSkeletonsAndClips) {
  const auto out = output_dir() / "fox.lypak";
  ASSERT_EQ(pack_tool({"pack", model_path("Fox/glTF-Binary/Fox.glb").string(), "-o", out.string(),
                       "--max-texture-size", "16"}).exit_code,
            0);
  const nlohmann::json report = inspect_json(out);
  ASSERT_EQ(report["skeletons"].size(), 1u);
  EXPECT_EQ(report["skeletons"][0]["joints"], 24);
  ASSERT_EQ(report["clips"].size(), 3u);
  EXPECT_EQ(report["clips"][1]["name"], "Walk");
  EXPECT_NEAR(report["clips"][1]["duration"].get<double>(), 0.7083, 1e-3);
  const CommandResult text = pack_tool({"inspect", out.string()});
  EXPECT_NE(text.output.find("clip 2: 'Run' on skeleton 0"), std::string::npos) << text.output;
}

}  // namespace
}  // namespace liyuan::test
