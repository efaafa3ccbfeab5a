// An exhibition rendered from its sources at two times of its timeline (tests/data/exhibitions/tour): the camera path
// has moved the view, the lantern has brightened, the fox walks (its Walk clip, skinned on the GPU). Golden images at both times, and checks that say
// what changed.
#include <gtest/gtest.h>

#include <cstring>

#include "core/image_file.h"
#include "core/mapped_file.h"
#include "render_fixture.h"
#include "support/image_compare.h"

namespace liyuan::test {
namespace {

std::filesystem::path tour() { return data_dir() / "exhibitions" / "tour" / "exhibition.yaml"; }

// Renders the tour at TIME into DIR/NAME.png and compares it with golden/NAME.png.
RgbaImage render_tour_at(double time, const std::string& name, const std::filesystem::path& dir) {
  auto out = dir / (name + ".png");
  CommandResult result = run_liyuan(
      {"render", tour().string(), "--out", out.string(), "--size", "320x180", "--time", std::to_string(time)});
  EXPECT_EQ(result.exit_code, 0) << result.output;
  std::string failure = check_against_golden(out, name, dir);
  EXPECT_TRUE(failure.empty()) << failure;
  auto image = read_png(out);
  return image ? *image : RgbaImage{};
}

double mean_luminance(const RgbaImage& image) {
  double sum = 0;
  for (size_t i = 0; i < image.pixels.size(); i += 4)
    sum += 0.2126 * image.pixels[i] + 0.7152 * image.pixels[i + 1] + 0.0722 * image.pixels[i + 2];
  return image.pixels.empty() ? 0.0 : sum / double(image.pixels.size() / 4);
}

TEST(Scene, TourAtTwoTimesMatchesItsGoldenImagesAndChanges) {
  auto dir = output_dir();
  RgbaImage early = render_tour_at(1.0, "tour_t1", dir);
  RgbaImage late = render_tour_at(9.0, "tour_t9", dir);
  ASSERT_EQ(early.width, 320u);
  ASSERT_EQ(late.width, 320u);
  // The camera has moved: most of the picture is different.
  ImageComparison comparison = compare_images(early, late, {16, 0.0});
  EXPECT_GT(comparison.differing_fraction, 0.3) << "the camera path should have changed the view: " << comparison.summary;
  // The lantern went from 2 to about 13 candela: the hall is clearly brighter.
  EXPECT_GT(mean_luminance(late), mean_luminance(early) * 1.5)
      << "early " << mean_luminance(early) << ", late " << mean_luminance(late);
}

TEST(Scene, AnExhibitionPackAloneIsTheWholeShow) {
  // One file is one exhibition: the pack carries its scenes, strings and manifests, and renders as its sources do.
  auto dir = output_dir();
  auto pack = dir / "tour.lypak";
  CommandResult packed = run_command(pack_exe(), {"pack", tour().string(), "-o", pack.string(), "--no-cache", "-q"});
  ASSERT_EQ(packed.exit_code, 0) << packed.output;
  auto out = dir / "tour_t9.png";
  // Named with a "." part, as a user typing ./tour.lypak would: the carried files must still be found.
  CommandResult result = run_liyuan(
      {"render", (dir / "." / "tour.lypak").string(), "--out", out.string(), "--size", "320x180", "--time", "9"});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  std::string failure = check_against_golden(out, "tour_t9", dir);
  EXPECT_TRUE(failure.empty()) << failure;
}

TEST(Scene, TheFoxWalks) {
  // After 10 s the camera path has ended and the lantern holds its brightness: between 11.0 s and 11.35 s (half a
  // Walk cycle) only the fox can change, and it must.
  auto dir = output_dir();
  std::vector<RgbaImage> frames;
  for (const char* time : {"11.0", "11.354"}) {
    auto out = dir / (std::string("fox-") + time + ".png");
    CommandResult result =
        run_liyuan({"render", tour().string(), "--out", out.string(), "--size", "320x180", "--time", time});
    ASSERT_EQ(result.exit_code, 0) << result.output;
    auto image = read_png(out);
    ASSERT_TRUE(image);
    frames.push_back(*image);
  }
  ImageComparison comparison = compare_images(frames[0], frames[1], {16, 0.0});
  EXPECT_GT(comparison.differing_fraction, 0.002) << "the fox did not move: " << comparison.summary;
  EXPECT_LT(comparison.differing_fraction, 0.2) << "more than the fox changed: " << comparison.summary;
}

// Writes TEXT to PATH.
void write_text_file(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::FILE* f = std::fopen(path.c_str(), "wb");
  std::fwrite(text.data(), 1, text.size(), f);
  std::fclose(f);
}

bool uniform(const RgbaImage& image) {
  for (size_t i = 4; i < image.pixels.size(); i += 4)
    if (std::memcmp(&image.pixels[i], &image.pixels[0], 3) != 0) return false;
  return true;
}

// A one-cube exhibition in DIR whose hall.yaml is HALL (nodes, timeline); returns its exhibition.yaml.
std::filesystem::path write_cube_exhibition(const std::filesystem::path& dir, const std::string& hall) {
  std::filesystem::create_directories(dir / "relics");
  std::filesystem::copy_file(test_model("cube/cube.obj"), dir / "relics" / "cube.obj");
  write_text_file(dir / "relics" / "cube.yaml",
                  "id: cube\nsource: cube.obj\ntitle: {en: Cube}\ncredit: Liyuan project\nlicence: CC0-1.0\n"
                  "size: [1, 1, 1]\n");
  write_text_file(dir / "exhibition.yaml",
                  "id: cube-hall\ntitle: t\ndefault_locale: en\nlocales: [en]\nrelics: [relics/cube.yaml]\n"
                  "strings: [strings.yaml]\ninclude: [hall.yaml]\n");
  write_text_file(dir / "strings.yaml", "en:\n  t: Cube hall\n  c.intro: Intro\n  c.tour: Tour\n");
  write_text_file(dir / "hall.yaml", hall);
  return dir / "exhibition.yaml";
}

TEST(Scene, AFrameWithNoRelicShownDrawsNoRelic) {
  // One cube, hidden until 5 s: before then the hall is empty, and the pack's own placements of its relics must not
  // be drawn in their stead.
  auto dir = output_dir();
  write_cube_exhibition(dir,
                        "nodes:\n  - name: cube\n    relic: {id: cube}\n  - name: eye\n    translation: [0, 0.5, 3]\n"
                        "    viewpoint: {fov: 50}\ntimeline:\n  duration: 10\n  tracks:\n    - node: cube\n"
                        "      property: active\n      keys:\n        - {t: 0, value: false}\n"
                        "        - {t: 5, value: true}\n");
  std::vector<RgbaImage> frames;
  for (const char* time : {"1", "6"}) {
    auto out = dir / (std::string("t") + time + ".png");
    CommandResult result = run_liyuan(
        {"render", (dir / "exhibition.yaml").string(), "--out", out.string(), "--size", "64x64", "--time", time});
    ASSERT_EQ(result.exit_code, 0) << result.output;
    auto image = read_png(out);
    ASSERT_TRUE(image);
    frames.push_back(*image);
  }
  EXPECT_TRUE(uniform(frames[0])) << "something was drawn while the only relic was hidden";
  EXPECT_FALSE(uniform(frames[1])) << "the cube should be drawn once shown";
}

TEST(Scene, TimeIsAPureFunction) {
  // The same time twice gives the same picture: nothing in the frame depends on what was rendered before.
  auto dir = output_dir();
  auto a = dir / "a.png", b = dir / "b.png";
  for (const auto& out : {a, b}) {
    CommandResult result =
        run_liyuan({"render", tour().string(), "--out", out.string(), "--size", "160x90", "--time", "4.25"});
    ASSERT_EQ(result.exit_code, 0) << result.output;
  }
  auto image_a = read_png(a), image_b = read_png(b);
  ASSERT_TRUE(image_a && image_b);
  EXPECT_EQ(image_a->pixels, image_b->pixels);
}

TEST(Scene, ABrokenSceneNamesTheLineAndRendersNothing) {
  auto dir = output_dir();
  std::filesystem::copy(data_dir() / "exhibitions" / "tour", dir / "tour", std::filesystem::copy_options::recursive);
  // A typo in a key on line 9 of hall.yaml.
  std::string hall = *read_text_file(dir / "tour" / "hall.yaml");
  size_t at = hall.find("    relic: {id: cube}");
  ASSERT_NE(at, std::string::npos);
  hall.replace(at, 9, "    relik:");
  std::FILE* f = std::fopen((dir / "tour" / "hall.yaml").c_str(), "wb");
  std::fwrite(hall.data(), 1, hall.size(), f);
  std::fclose(f);
  auto out = dir / "never.png";
  CommandResult result = run_liyuan({"render", (dir / "tour" / "exhibition.yaml").string(), "--out", out.string()});
  EXPECT_EQ(result.exit_code, 1) << result.output;
  EXPECT_NE(result.output.find("hall.yaml:"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("did you mean 'relic'"), std::string::npos) << result.output;
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(Scene, AMissingRelicShowsAPlaceholderAndTheShowGoesOn) {
  // A copy of the tour laid out so its manifests' relative sources still resolve (models and content linked in),
  // with the fox's model gone.
  auto dir = output_dir();
  auto root = dir / "x" / "y";
  std::filesystem::create_directories(root / "exhibitions");
  std::filesystem::create_directory_symlink(data_dir() / "models", root / "models");
  std::filesystem::create_directory_symlink(content_dir(), dir / "content");
  std::filesystem::copy(data_dir() / "exhibitions" / "tour", root / "exhibitions" / "tour",
                        std::filesystem::copy_options::recursive);
  auto fox = root / "exhibitions" / "tour" / "relics" / "fox.yaml";
  std::string manifest = *read_text_file(fox);
  size_t at = manifest.find("Fox.glb");
  ASSERT_NE(at, std::string::npos);
  manifest.replace(at, 7, "Gone.glb");
  std::FILE* f = std::fopen(fox.c_str(), "wb");
  std::fwrite(manifest.data(), 1, manifest.size(), f);
  std::fclose(f);

  auto out = dir / "placeholder.png";
  CommandResult result = run_liyuan({"render", (root / "exhibitions" / "tour" / "exhibition.yaml").string(), "--out",
                                     out.string(), "--size", "320x180", "--time", "11"});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("Gone.glb"), std::string::npos) << "the warning should name the missing file:\n"
                                                               << result.output;
  EXPECT_NE(result.output.find("relic 'fox' is in the scene but not in the pack: a placeholder"), std::string::npos)
      << result.output;
  // The frame still shows the hall: the placeholder stands where the fox would, the rest is as usual.
  auto image = read_png(out);
  ASSERT_TRUE(image);
  EXPECT_GT(mean_luminance(*image), 20.0);
}

TEST(Play, PlaysTheTourOffscreenAndReportsFrames) {
  CommandResult result = run_liyuan({"play", tour().string(), "--duration", "1", "--fps", "10", "--size", "160x90"});
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("10 frames"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("caption 'caption.start'"), std::string::npos) << result.output;
}

TEST(Play, TheAttractSectionLoopsUntilAVisitorArrives) {
  auto dir = output_dir();
  auto exhibition = write_cube_exhibition(
      dir, "nodes:\n  - name: cube\n    relic: {id: cube}\n  - name: eye\n    translation: [0, 0.5, 3]\n"
           "    viewpoint: {fov: 50}\ntimeline:\n  duration: 10\n  attract: {start: 0, end: 2}\n  chapters:\n"
           "    - {name: intro, at: 0, title: c.intro}\n    - {name: tour, at: 2, title: c.tour}\n");
  std::vector<std::string> base = {"play", exhibition.string(), "--attract", "--duration", "4", "--fps", "10",
                                   "--size", "32x32"};
  CommandResult alone = run_liyuan(base);
  ASSERT_EQ(alone.exit_code, 0) << alone.output;
  EXPECT_NE(alone.output.find("chapter 'intro'"), std::string::npos) << alone.output;
  EXPECT_EQ(alone.output.find("chapter 'tour'"), std::string::npos) << "the attract loop let go without a visitor:\n"
                                                                   << alone.output;
  std::vector<std::string> with_visitor = base;
  with_visitor.insert(with_visitor.end(), {"--visitor-at", "1"});
  CommandResult visited = run_liyuan(with_visitor);
  ASSERT_EQ(visited.exit_code, 0) << visited.output;
  EXPECT_NE(visited.output.find("a visitor arrives"), std::string::npos) << visited.output;
  EXPECT_NE(visited.output.find("chapter 'tour'"), std::string::npos) << visited.output;
}

TEST(Play, AnUnavailablePresenterIsAUsageError) {
  CommandResult result = run_liyuan({"play", tour().string(), "--presenter", "xr", "--duration", "1"});
  EXPECT_EQ(result.exit_code, 2) << result.output;
}

}  // namespace
}  // namespace liyuan::test
