// Parallel and incremental packing: the same bytes whatever -j and whatever the cache holds, and a repack that
// reprocesses exactly the relics whose inputs changed (counted through --report-json).
#include "pack_test_util.h"
#include "progress.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

namespace liyuan::test {
namespace {

std::filesystem::path gallery() { return data_dir() / "exhibitions/gallery"; }

struct Packed {
  std::vector<std::byte> bytes;
  nlohmann::json report;
};

Packed pack(const std::filesystem::path& input, const std::filesystem::path& out, std::vector<std::string> extra) {
  const auto report_file = out.parent_path() / (out.stem().string() + ".report.json");
  std::vector<std::string> args = {"pack", input.string(), "-o", out.string(), "--report-json", report_file.string()};
  if (std::find(extra.begin(), extra.end(), "--max-texture-size") == extra.end()) {
    extra.insert(extra.end(), {"--max-texture-size", "64"});
  }
  args.insert(args.end(), extra.begin(), extra.end());
  const CommandResult r = pack_tool(args);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  Packed packed;
  packed.bytes = read_file_bytes(out);
  packed.report = nlohmann::json::parse(read_text(report_file), nullptr, false);
  return packed;
}

std::vector<std::string> reprocessed(const nlohmann::json& report) {
  std::vector<std::string> names;
  for (const auto& relic : report["relics"]) {
    if (relic["reprocessed"].get<bool>()) names.push_back(relic["name"].get<std::string>());
  }
  return names;
}

TEST(PackIncremental, SameBytesWhateverJobsAndCache) {
  const auto dir = output_dir();
  const auto input = gallery() / "exhibition.yaml";
  const Packed serial = pack(input, dir / "j1.lypak", {"-j", "1", "--no-cache"});
  const Packed parallel = pack(input, dir / "j4.lypak", {"-j", "4", "--no-cache"});
  const Packed cold = pack(input, dir / "cold.lypak", {"-j", "2", "--cache", (dir / "cache").string()});
  const Packed warm = pack(input, dir / "warm.lypak", {"-j", "3", "--cache", (dir / "cache").string()});
  ASSERT_FALSE(serial.bytes.empty());
  EXPECT_TRUE(serial.bytes == parallel.bytes) << "-j1 and -j4 differ";
  EXPECT_TRUE(serial.bytes == cold.bytes) << "a cold cache changed the bytes";
  EXPECT_TRUE(serial.bytes == warm.bytes) << "a warm cache changed the bytes";
  EXPECT_EQ(cold.report["reprocessed"], 3);
  EXPECT_EQ(warm.report["reprocessed"], 0);
  EXPECT_EQ(warm.report["cached"], 3);
  // Single-model packs are parallel too (textures), and just as deterministic.
  const auto model = water_bottle_gltf();
  EXPECT_TRUE(pack(model, dir / "m1.lypak", {"-j", "1"}).bytes == pack(model, dir / "m4.lypak", {"-j", "4"}).bytes);
}

TEST(PackIncremental, ReprocessesOnlyWhatChanged) {
  const auto dir = output_dir();
  // Spot's sources are copied so the test can change one; the other two relics use the shared models in place.
  const auto spot_dir = dir / "spot";
  std::filesystem::create_directories(spot_dir);
  for (const char* file : {"spot_triangulated.obj", "spot_texture.png"}) {
    std::filesystem::copy_file(model_path("spot") / file, spot_dir / file);
  }
  auto manifest = [&](const std::string& id, const std::filesystem::path& model, const std::string& title) {
    write_text(dir / (id + ".yaml"), "id: " + id + "\nsource: " + std::filesystem::relative(model, dir).generic_string() +
                                         "\ntitle: {en: " + title + "}\ncredit: test\nlicence: CC0-1.0\nheight: 0.5\n");
  };
  manifest("cow", spot_dir / "spot_triangulated.obj", "Cow");
  manifest("fox", model_path("Fox/glTF-Binary/Fox.glb"), "Fox");
  manifest("bottle", water_bottle_gltf(), "Bottle");
  write_text(dir / "exhibition.yaml", "id: inc\nrelics: [cow.yaml, fox.yaml, bottle.yaml]\n");
  const auto input = dir / "exhibition.yaml";
  const auto out = dir / "show.lypak";

  const Packed first = pack(input, out, {});
  EXPECT_EQ(reprocessed(first.report), (std::vector<std::string>{"cow", "fox", "bottle"}));
  EXPECT_TRUE(std::filesystem::is_directory(dir / ".liyuan-cache")) << "the default cache sits next to the output";

  const Packed again = pack(input, out, {});
  EXPECT_TRUE(reprocessed(again.report).empty());
  EXPECT_TRUE(again.bytes == first.bytes);

  manifest("fox", model_path("Fox/glTF-Binary/Fox.glb"), "Red fox");  // the manifest changed
  const Packed retitled = pack(input, out, {});
  EXPECT_EQ(reprocessed(retitled.report), std::vector<std::string>{"fox"});
  EXPECT_EQ(retitled.report["cached"], 2);

  {  // a source file changed
    std::ofstream obj(spot_dir / "spot_triangulated.obj", std::ios::app);
    obj << "# touched\n";
  }
  const Packed touched = pack(input, out, {});
  EXPECT_EQ(reprocessed(touched.report), std::vector<std::string>{"cow"});
  EXPECT_TRUE(touched.bytes == retitled.bytes) << "a comment in the OBJ changes nothing in the pack";

  const Packed resized = pack(input, out, {"--max-texture-size", "32"});  // options changed: everything
  EXPECT_EQ(reprocessed(resized.report).size(), 3u);

  // A damaged entry is a miss, never an error, and the output does not change.
  for (const auto& entry : std::filesystem::directory_iterator(dir / ".liyuan-cache")) {
    std::filesystem::resize_file(entry.path(), std::filesystem::file_size(entry.path()) / 2);
  }
  const Packed repaired = pack(input, out, {});
  EXPECT_EQ(reprocessed(repaired.report).size(), 3u);
  EXPECT_TRUE(repaired.bytes == touched.bytes);

  const CommandResult r = pack_tool({"pack", input.string(), "-o", out.string(), "--max-texture-size", "64"});
  EXPECT_NE(r.output.find("0 relic(s) built, 3 from the cache"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("cached"), std::string::npos) << r.output;
}

TEST(PackIncremental, ProgressIsPlainLinesWhenNotATerminal) {
  const auto dir = output_dir();
  const CommandResult r = pack_tool({"pack", (gallery() / "exhibition.yaml").string(), "-o",
                                     (dir / "g.lypak").string(), "--max-texture-size", "16", "--no-cache", "-j", "1"});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("liyuan-pack: [1/"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find('\r'), std::string::npos) << "no carriage returns outside a terminal";
}

TEST(PackProgress, TerminalBarRedrawsInPlaceAndWarningsClearIt) {
  std::FILE* out = std::tmpfile();
  ASSERT_NE(out, nullptr);
  {
    packer::Progress progress(out, /*interactive=*/1);
    progress.add_work(4);
    progress.advance("cow: meshes");
    progress.advance("cow: texture 1/3");
    progress.warn("cow.yaml: something");
    progress.advance("cow: texture 2/3", 2);
    progress.finish();
  }
  std::rewind(out);
  std::string text;
  for (int c; (c = std::fgetc(out)) != EOF;) text += char(c);
  std::fclose(out);
  EXPECT_NE(text.find("\r\x1b[2K[######..................] 1/4  cow: meshes"), std::string::npos) << text;
  EXPECT_NE(text.find("\r\x1b[2Kliyuan-pack: warning: cow.yaml: something\n"), std::string::npos) << text;
  EXPECT_NE(text.find("[########################] 4/4  cow: texture 2/3"), std::string::npos) << text;
  EXPECT_EQ(text.substr(text.size() - 5), "\r\x1b[2K") << "the bar is cleared at the end";
}

}  // namespace
}  // namespace liyuan::test
