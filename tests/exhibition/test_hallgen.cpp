// tools/hallgen is the real source of the hall and the replica relics: running it again gives the committed files
// under content/ byte for byte, and the hall it makes stays within a triangle budget lavapipe can draw.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/test_support.h"
#include "tang_palace.h"

namespace liyuan::test {
namespace {

std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// Every regular file under ROOT, by path relative to ROOT.
std::vector<std::filesystem::path> files_under(const std::filesystem::path& root) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root))
    if (entry.is_regular_file()) files.push_back(std::filesystem::relative(entry.path(), root));
  std::sort(files.begin(), files.end());
  return files;
}

TEST(Hallgen, RegeneratingGivesTheCommittedContentByteForByte) {
  auto out = output_dir();
  CommandResult result = run_command(hallgen_exe(), {out.string()});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  auto generated = files_under(out);
  // Ten pieces of the hall and four replicas, each a .gltf and a .bin; the floor also has two images.
  ASSERT_EQ(generated.size(), 30u);
  for (const auto& file : generated) {
    auto committed = content_dir() / file;
    ASSERT_TRUE(std::filesystem::exists(committed)) << committed << " is generated but not committed";
    EXPECT_TRUE(read_bytes(out / file) == read_bytes(committed))
        << committed << " differs from what liyuan-hallgen writes: run `liyuan-hallgen content` and commit";
  }
  // Nothing stale: every file under content/hall was generated.
  for (const auto& file : files_under(content_dir() / "hall"))
    EXPECT_TRUE(std::filesystem::exists(out / "hall" / file))
        << "content/hall/" << file.string() << " is not generated";
}

TEST(Hallgen, WithoutAFolderItPrintsUsageAndExitsTwo) {
  CommandResult result = run_command(hallgen_exe(), {});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.output.find("usage: liyuan-hallgen CONTENT_DIR"), std::string::npos) << result.output;
}

TEST(Hallgen, AFolderThatCannotBeMadeIsAClearError) {
  auto out = output_dir();
  std::ofstream(out / "not-a-folder") << "a file where the content folder should be";
  CommandResult result = run_command(hallgen_exe(), {(out / "not-a-folder").string()});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.output.find("not-a-folder/hall/hall-floor: cannot create the folder"), std::string::npos)
      << result.output;
}

// Triangles of a glTF file written by hallgen (indexed triangle lists).
size_t gltf_triangles(const std::filesystem::path& gltf) {
  auto document = nlohmann::json::parse(read_bytes(gltf));
  size_t triangles = 0;
  for (const auto& mesh : document["meshes"])
    for (const auto& primitive : mesh["primitives"])
      triangles += document["accessors"][primitive["indices"].get<size_t>()]["count"].get<size_t>() / 3;
  return triangles;
}

TEST(Hallgen, TheHallAsPlacedStaysUnder150kTriangles) {
  scene::Exhibition exhibition = load_tang_palace();
  ASSERT_FALSE(exhibition.graph.relics.empty());
  // Generated models by relic id (their manifests point at content/hall and content/relics).
  std::map<std::string, size_t> triangles_of;
  for (const char* folder : {"hall", "relics"}) {
    for (const auto& entry : std::filesystem::directory_iterator(content_dir() / folder)) {
      auto gltf = entry.path() / (entry.path().filename().string() + ".gltf");
      if (std::filesystem::exists(gltf)) triangles_of[entry.path().filename().string()] = gltf_triangles(gltf);
    }
  }
  size_t total = 0, placed = 0;
  for (const scene::RelicInstance& relic : exhibition.graph.relics) {
    // Unlit and lit lanterns are never shown together: count the lit ones only.
    if (relic.relic_id == "lantern") continue;
    auto found = triangles_of.find(relic.relic_id);
    if (found == triangles_of.end()) continue;  // the fox, a copied model
    total += found->second;
    ++placed;
  }
  EXPECT_GT(placed, 60u) << "columns, lanterns, tables, plinths, cases and relics should all be placed";
  EXPECT_LT(total, 150000u) << "the hall as placed has " << total << " triangles";
}

}  // namespace
}  // namespace liyuan::test
