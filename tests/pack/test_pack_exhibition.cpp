// Exhibition packing end to end: relics with their catalogue and RELC ranges, scene files (with nested includes) and
// string tables carried verbatim, and the errors for malformed exhibitions; a single-model pack stays as it was.
#include "assets/pack_contents.h"
#include "assets/pack_reader.h"
#include "pack_test_util.h"

#include <gtest/gtest.h>

#include <set>

namespace liyuan::test {
namespace {

std::filesystem::path gallery() { return data_dir() / "exhibitions/gallery"; }

std::set<std::string> chunk_labels(const nlohmann::json& report) {
  std::set<std::string> labels;
  for (const auto& c : report["chunks"]) labels.insert(c["type"].get<std::string>() + "#" + std::to_string(c["index"].get<int>()));
  return labels;
}

// A manifest in DIR for MODEL (named relative to DIR), with ID and EXTRA lines.
std::filesystem::path write_manifest(const std::filesystem::path& dir, const std::string& id,
                                     const std::filesystem::path& model, const std::string& extra = "") {
  const auto file = dir / (id + ".yaml");
  write_text(file, "id: " + id + "\nsource: " + std::filesystem::relative(model, dir).generic_string() +
                       "\ntitle: {en: " + id + "}\ncredit: test\nlicence: CC0-1.0\nheight: 0.5\n" + extra);
  return file;
}

TEST(PackExhibition, GalleryHoldsRelicsScenesAndStrings) {
  const auto out = output_dir() / "gallery.lypak";
  const CommandResult r = pack_tool({"pack", (gallery() / "exhibition.yaml").string(), "-o", out.string(),
                                     "--max-texture-size", "64", "--no-cache"});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(pack_tool({"verify", out.string()}).exit_code, 0);
  const nlohmann::json report = inspect_json(out);
  const auto labels = chunk_labels(report);
  for (const char* label : {"CATL#0", "RELC#0", "SCEN#0", "SCEN#1", "SCEN#2", "STRS#0", "MESH#2", "TEXR#5"}) {
    EXPECT_TRUE(labels.count(label)) << label << " missing from\n" << report["chunks"].dump(1);
  }
  EXPECT_EQ(report["meta"]["title"], "gallery");
  EXPECT_EQ(report["meta"]["relics"], 3);

  const auto& catalogue = report["catalogue"];
  ASSERT_EQ(catalogue.size(), 3u);
  EXPECT_EQ(catalogue[0]["id"], "water-bottle");
  EXPECT_EQ(catalogue[1]["id"], "spot");
  EXPECT_EQ(catalogue[2]["id"], "fox");
  EXPECT_EQ(catalogue[0]["texts"]["zh-Hans"]["title"], "水瓶");
  EXPECT_EQ(catalogue[0]["texts"]["ar"]["title"], "قارورة ماء");
  EXPECT_EQ(catalogue[0]["texts"]["en"]["period"], "21st century");
  EXPECT_EQ(catalogue[0]["inventory"], "TEST-0001");
  EXPECT_EQ(catalogue[2]["clips"], nlohmann::json({"Survey", "Walk", "Run"}));
  EXPECT_NEAR(catalogue[0]["size"][1].get<double>(), 0.26, 1e-4) << "scaled to its real height";
  EXPECT_NEAR(catalogue[1]["size"][2].get<double>(), 0.75, 1e-4) << "the size box's largest axis matches";
  EXPECT_NEAR(catalogue[2]["size"][1].get<double>(), 0.45, 1e-4);
  // Every relic owns its own contiguous ranges, in order, and stands on the origin (base centre).
  uint32_t next_mesh = 0, next_instance = 0;
  for (const auto& relic : catalogue) {
    EXPECT_EQ(relic["meshes"][0], next_mesh);
    EXPECT_EQ(relic["instances"][0], next_instance);
    next_mesh += relic["meshes"][1].get<uint32_t>();
    next_instance += relic["instances"][1].get<uint32_t>();
    EXPECT_NEAR(relic["bounds_min"][1].get<double>(), 0.0, 1e-4) << relic["id"];
    EXPECT_NEAR(relic["bounds_min"][0].get<double>() + relic["bounds_max"][0].get<double>(), 0.0, 1e-3) << relic["id"];
  }
  EXPECT_EQ(next_mesh, report["meshes"].size());
  EXPECT_EQ(next_instance, report["instances"].size());

  // Scene files, then the relic manifests, and string tables are carried byte for byte under their
  // exhibition-relative paths: the pack alone is the whole exhibition.
  auto reader = PackReader::open(out);
  ASSERT_TRUE(reader) << reader.error().to_string();
  auto contents = load_pack_contents(*reader);
  ASSERT_TRUE(contents) << contents.error().to_string();
  ASSERT_EQ(contents->scenes.size(), 6u);
  const std::vector<std::string> scene_paths = {"exhibition.yaml",         "hall.yaml",        "timelines/tour.yaml",
                                                "relics/water-bottle.yaml", "relics/spot.yaml", "relics/fox.yaml"};
  for (size_t i = 0; i < scene_paths.size(); ++i) {
    EXPECT_EQ(contents->scenes[i].path, scene_paths[i]);
    EXPECT_EQ(contents->scenes[i].text, read_text(gallery() / scene_paths[i])) << scene_paths[i];
  }
  ASSERT_EQ(contents->strings.size(), 1u);
  EXPECT_EQ(contents->strings[0].path, "strings.yaml");
  EXPECT_EQ(contents->strings[0].text, read_text(gallery() / "strings.yaml"));
  EXPECT_EQ(contents->catalogue.find("fox"), 2);
  EXPECT_EQ(contents->catalogue.find("wolf"), -1);
}

TEST(PackExhibition, SingleModelPackHasNoExhibitionChunks) {
  const auto out = output_dir() / "spot.lypak";
  ASSERT_EQ(pack_tool({"pack", model_path("spot/spot_triangulated.obj").string(), "-o", out.string()}).exit_code, 0);
  const nlohmann::json report = inspect_json(out);
  EXPECT_EQ(chunk_labels(report), (std::set<std::string>{"META#0", "MATL#0", "INST#0", "MESH#0", "TEXR#0"}));
  EXPECT_TRUE(report["catalogue"].empty());
  EXPECT_FALSE(std::filesystem::exists(output_dir() / ".liyuan-cache")) << "a plain model is never cached";
}

TEST(PackExhibition, ManifestsAloneMakeACataloguedPack) {
  const auto dir = output_dir();
  const auto a = write_manifest(dir, "cow", model_path("spot/spot_triangulated.obj"), "front: -z\n");
  const auto b = write_manifest(dir, "bunny", model_path("stanford-bunny/stanford-bunny.obj"));
  const auto out = dir / "two.lypak";
  const CommandResult r = pack_tool({"pack", a.string(), b.string(), "-o", out.string(), "--max-texture-size", "32"});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const nlohmann::json report = inspect_json(out);
  ASSERT_EQ(report["catalogue"].size(), 2u);
  EXPECT_EQ(report["catalogue"][1]["id"], "bunny");
  EXPECT_TRUE(chunk_labels(report).count("RELC#0"));
  EXPECT_FALSE(chunk_labels(report).count("SCEN#0"));

  // A size box the model's proportions cannot meet, and a key the packer does not know: warnings naming the file.
  const auto odd = write_manifest(dir, "flat", model_path("spot/spot_triangulated.obj"), "licence_url: x\n");
  write_text(odd, read_text(odd).replace(read_text(odd).find("height: 0.5"), 11, "size: [1, 0.1, 1]"));
  const CommandResult warned = pack_tool({"pack", odd.string(), "-o", (dir / "odd.lypak").string(), "--max-texture-size", "16"});
  ASSERT_EQ(warned.exit_code, 0) << warned.output;
  EXPECT_NE(warned.output.find("liyuan-pack: warning: " + odd.string() + ":7:1: unknown key 'licence_url' ignored"),
            std::string::npos) << warned.output;
  EXPECT_NE(warned.output.find("liyuan-pack: warning: " + odd.string() + ": scaled to 'size' along"), std::string::npos)
      << warned.output;

  const CommandResult mixed = pack_tool({"pack", a.string(), model_path("spot/spot_triangulated.obj").string(), "-o",
                                         out.string()});
  EXPECT_EQ(mixed.exit_code, 1);
  EXPECT_NE(mixed.output.find("liyuan-pack: error: give one model, one exhibition, or any number of relic manifests"),
            std::string::npos)
      << mixed.output;
}

TEST(PackExhibition, DuplicateRelicIdsNameBothManifests) {
  const auto dir = output_dir();
  const auto a = write_manifest(dir, "cow", model_path("spot/spot_triangulated.obj"));
  std::filesystem::create_directories(dir / "again");
  const auto b = write_manifest(dir / "again", "cow", model_path("spot/spot_triangulated.obj"));
  const CommandResult r = pack_tool({"pack", a.string(), b.string(), "-o", (dir / "x.lypak").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("liyuan-pack: error: " + b.string() + ": relic id 'cow' is already used by " + a.string()),
            std::string::npos)
      << r.output;
}

TEST(PackExhibition, IncludeCyclesAreFollowedOnce) {
  const auto dir = output_dir();
  write_manifest(dir, "cow", model_path("spot/spot_triangulated.obj"));
  write_text(dir / "exhibition.yaml", "id: loop\nrelics: [cow.yaml]\ninclude: [a.yaml]\n");
  std::filesystem::create_directories(dir / "sub");
  write_text(dir / "a.yaml", "include: [sub/b.yaml]\nnodes: []\n");
  write_text(dir / "sub/b.yaml", "include: [../a.yaml, ../exhibition.yaml]\n");
  const auto out = dir / "loop.lypak";
  const CommandResult r = pack_tool({"pack", (dir / "exhibition.yaml").string(), "-o", out.string(),
                                     "--max-texture-size", "16"});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  auto reader = PackReader::open(out);
  ASSERT_TRUE(reader);
  auto contents = load_pack_contents(*reader);
  ASSERT_TRUE(contents) << contents.error().to_string();
  ASSERT_GE(contents->scenes.size(), 3u);  // then the carried manifest
  EXPECT_EQ(contents->scenes[1].path, "a.yaml");
  EXPECT_EQ(contents->scenes[2].path, "sub/b.yaml");
}

TEST(PackExhibition, MalformedExhibitionsFailAtTheirPosition) {
  const auto dir = output_dir();
  write_manifest(dir, "cow", model_path("spot/spot_triangulated.obj"));
  const auto file = dir / "exhibition.yaml";
  const std::string f = file.string();
  const struct {
    std::string text, error;
  } cases[] = {
      {"id: show\nrelics: [nope.yaml]\n", f + ":2:10: 'nope.yaml' not found (looked for " + (dir / "nope.yaml").string() + ")"},
      {"id: show\nrelics: [cow.yaml]\ninclude: [../outside.yaml]\n", f + ":3:11: '../outside.yaml' leaves the exhibition's folder"},
      {"id: show\nrelics: [/etc/passwd]\n", f + ":2:10: 'relics' must be a path relative to the file, not '/etc/passwd'"},
      {"id: show\nrelics: [cow.yaml, ./cow.yaml]\n", f + ":2:20: relic manifest 'cow.yaml' is listed twice"},
      {"relics: [cow.yaml]\n", f + ":1:1: missing required field 'id'"},
      {"id: Show\nrelics: [cow.yaml]\n", f + ":1:5: id 'Show' is not a lowercase slug"},
      {"id: show\nrelics: {cow: cow.yaml}\n", f + ":2:9: 'relics' must be a list, not a map"},
      {"id: show\nrelics: [cow.yaml]\nstrings: [missing.yaml]\n", f + ":3:11: 'missing.yaml' not found"},
  };
  for (const auto& c : cases) {
    write_text(file, c.text);
    const CommandResult r = pack_tool({"pack", f, "-o", (dir / "x.lypak").string()});
    EXPECT_EQ(r.exit_code, 1) << c.text;
    EXPECT_NE(r.output.find("liyuan-pack: error: " + c.error), std::string::npos) << c.text << "\n" << r.output;
  }
  // A scene file with a syntax error is reported where it is, through the include chain.
  write_text(file, "id: show\nrelics: [cow.yaml]\ninclude: [hall.yaml]\n");
  write_text(dir / "hall.yaml", "nodes: [\n");
  const CommandResult r = pack_tool({"pack", f, "-o", (dir / "x.lypak").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("liyuan-pack: error: " + (dir / "hall.yaml").string() + ":"), std::string::npos) << r.output;
  // Unknown keys in the exhibition are the linter's business, not the packer's.
  write_text(file, "id: show\nrelics: [cow.yaml]\ncurator: someone\n");
  EXPECT_EQ(pack_tool({"pack", f, "-o", (dir / "x.lypak").string(), "--max-texture-size", "16"}).exit_code, 0);
}

}  // namespace
}  // namespace liyuan::test
