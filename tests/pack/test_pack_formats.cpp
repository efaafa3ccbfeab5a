// Every source format curators bring goes through Assimp into a correct relic: the same model exported by Assimp's
// own exporters to PLY, STL, COLLADA, FBX, OBJ and glTF packs to the same triangles (FBX as ASCII: Assimp 5.2 cannot
// read back the binary FBX its own exporter writes — "FBX-Tokenize: block offset is out of range"), normalised to metres, +Y up and
// a pivot at its base centre. Hand-written scans check vertex colours, and plainly wrong imports fail clearly.
#include <assimp/Exporter.hpp>
#include <assimp/Importer.hpp>
#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <gtest/gtest.h>

#include <fstream>

#include "pack_test_util.h"

namespace liyuan::test {
namespace {

struct Format {
  const char* exporter;  // Assimp export format id
  const char* extension;
  float metres_per_unit = 1.0f;  // FBX files are in centimetres unless they say otherwise
};

// The world-space box of PACK's first instance (decoded and dequantised).
Aabb packed_box(const std::filesystem::path& pack) {
  const nlohmann::json report = inspect_json(pack);
  const DecodedMesh mesh = decode_mesh0(pack);
  Aabb box;
  if (report["instances"].empty()) return box;
  const auto& world = report["instances"][0]["world_from_mesh"];
  mat4 m(1.0f);
  for (int c = 0; c < 4; ++c)
    for (int r = 0; r < 4; ++r) m[c][r] = world[c * 4 + r].get<float>();
  for (const vec3& p : mesh.positions) box.expand(vec3(m * vec4(p, 1.0f)));
  return box;
}

// gtest prints the parameter in test names: the exporter id reads better than the bytes of the struct.
void PrintTo(const Format& format, std::ostream* out) { *out << format.exporter; }

class PackFormats : public ::testing::TestWithParam<Format> {};

TEST_P(PackFormats, SpotExportedToThisFormatPacksToTheSameRelic) {
  const Format format = GetParam();
  const auto dir = output_dir();
  Assimp::Importer importer;
  const aiScene* scene =
      importer.ReadFile(model_path("spot/spot_triangulated.obj").string(), aiProcess_Triangulate | aiProcess_GenNormals);
  ASSERT_NE(scene, nullptr) << importer.GetErrorString();
  const auto source = dir / (std::string("spot.") + format.extension);
  Assimp::Exporter exporter;
  ASSERT_EQ(exporter.Export(scene, format.exporter, source.string()), AI_SUCCESS) << exporter.GetErrorString();

  const auto out = dir / "spot.lypak";
  const CommandResult r = pack_tool({"pack", source.string(), "-o", out.string()});
  ASSERT_EQ(r.exit_code, 0) << format.exporter << ":\n" << r.output;
  const nlohmann::json report = inspect_json(out);
  size_t triangles = 0;
  for (const auto& mesh : report["meshes"]) triangles += mesh["triangles"].get<size_t>();
  EXPECT_EQ(triangles, 5856u) << format.exporter;

  // Normalised: the base centre at the origin, standing on y = 0, as tall as the OBJ it came from (in metres).
  ASSERT_EQ(report["instances"].size(), 1u) << format.exporter;
  const Aabb box = packed_box(out);
  EXPECT_NEAR(box.min.y, 0.0f, 1e-3f) << format.exporter << ": not standing on y = 0";
  EXPECT_NEAR(box.center().x, 0.0f, 1e-3f) << format.exporter;
  EXPECT_NEAR(box.center().z, 0.0f, 1e-3f) << format.exporter;
  const auto reference = dir / "reference.lypak";
  ASSERT_EQ(pack_tool({"pack", model_path("spot/spot_triangulated.obj").string(), "-o", reference.string()}).exit_code, 0);
  const float reference_height = packed_box(reference).extent().y;
  EXPECT_NEAR(box.extent().y, reference_height * format.metres_per_unit, reference_height * format.metres_per_unit * 0.01f)
      << format.exporter << ": wrong units";
}

INSTANTIATE_TEST_SUITE_P(Assimp, PackFormats,
                         ::testing::Values(Format{"ply", "ply"}, Format{"plyb", "ply"}, Format{"stl", "stl"},
                                           Format{"stlb", "stl"}, Format{"collada", "dae"}, Format{"fbxa", "fbx", 0.01f},
                                           Format{"obj", "obj"}, Format{"gltf2", "gltf"}, Format{"glb2", "glb"}),
                         [](const ::testing::TestParamInfo<Format>& param_info) {
                           return std::string(param_info.param.exporter);
                         });

// A coloured tetrahedron as a scanner writes it: ASCII PLY, per-vertex colours, no normals, Z up, millimetres.
std::string coloured_ply() {
  return "ply\nformat ascii 1.0\nelement vertex 4\nproperty float x\nproperty float y\nproperty float z\n"
         "property uchar red\nproperty uchar green\nproperty uchar blue\nelement face 4\n"
         "property list uchar int vertex_indices\nend_header\n"
         "0 0 0 255 0 0\n100 0 0 0 255 0\n0 100 0 0 0 255\n0 0 100 200 200 200\n"
         "3 0 2 1\n3 0 1 3\n3 0 3 2\n3 1 2 3\n";
}

TEST(PackScans, VertexColoursOfAPlyScanAreKept) {
  const auto dir = output_dir();
  write_text(dir / "scan.ply", coloured_ply());
  const auto out = dir / "scan.lypak";
  const CommandResult r = pack_tool({"pack", (dir / "scan.ply").string(), "-o", out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const nlohmann::json report = inspect_json(out);
  EXPECT_TRUE(report["meshes"][0]["vertex_colors"].get<bool>());
  const DecodedMesh mesh = decode_mesh0(out);
  bool red = false, green = false, blue = false;
  for (const vec4& c : mesh.colors) {
    red |= c.r > 0.99f && c.g < 0.01f && c.b < 0.01f;
    green |= c.g > 0.99f && c.r < 0.01f && c.b < 0.01f;
    blue |= c.b > 0.99f && c.r < 0.01f && c.g < 0.01f;
  }
  EXPECT_TRUE(red && green && blue) << "the scan's vertex colours did not survive packing";
}

TEST(PackScans, MeshesWithoutColoursAreWhite) {
  const DecodedMesh mesh = [] {
    const auto out = output_dir() / "spot.lypak";
    EXPECT_EQ(pack_tool({"pack", model_path("spot/spot_triangulated.obj").string(), "-o", out.string()}).exit_code, 0);
    return decode_mesh0(out);
  }();
  ASSERT_FALSE(mesh.colors.empty());
  for (const vec4& c : mesh.colors) ASSERT_EQ(c, vec4(1.0f));
}

TEST(PackScans, LargeFileYieldingAlmostNothingIsRefused) {
  const auto dir = output_dir();
  std::string obj = "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n";
  obj += "# " + std::string(2 << 20, 'x') + "\n";  // 2 MB that the importer skips
  write_text(dir / "misread.obj", obj);
  const CommandResult r = pack_tool({"pack", (dir / "misread.obj").string(), "-o", (dir / "x.lypak").string()});
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("misread.obj"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("yields only 1 triangles"), std::string::npos) << r.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "x.lypak"));
}

TEST(PackScans, ExplodedScanIsRefused) {
  const auto dir = output_dir();
  std::string obj;
  for (int y = 0; y <= 12; ++y)
    for (int x = 0; x <= 12; ++x) obj += "v " + std::to_string(x * 0.01) + " " + std::to_string(y * 0.01) + " 0\n";
  obj += "v 100000 0 0\n";  // one vertex a kilometre and more away
  for (int y = 0; y < 12; ++y)
    for (int x = 0; x < 12; ++x) {
      int a = y * 13 + x + 1;
      obj += "f " + std::to_string(a) + " " + std::to_string(a + 1) + " " + std::to_string(a + 14) + "\n";
    }
  obj += "f 1 2 170\n";
  write_text(dir / "exploded.obj", obj);
  const CommandResult r = pack_tool({"pack", (dir / "exploded.obj").string(), "-o", (dir / "x.lypak").string()});
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("exploded.obj"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("exploded import"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace liyuan::test
