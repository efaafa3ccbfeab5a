// Golden images of `liyuan render` through the offscreen presenter on lavapipe, with validation on: any validation
// message makes `liyuan` exit 3, which fails the test before the image is even compared.
#include <gtest/gtest.h>

#include "core/image_file.h"
#include "render_fixture.h"
#include "support/image_compare.h"

namespace liyuan::test {
namespace {

// Renders PACK with EXTRA arguments to OUT and checks the command succeeded cleanly.
void render(const std::filesystem::path& pack, const std::filesystem::path& out, std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"render", pack.string(), "--out", out.string()};
  args.insert(args.end(), extra.begin(), extra.end());
  CommandResult result = run_liyuan(args);
  ASSERT_EQ(result.exit_code, 0) << result.output;
  ASSERT_TRUE(std::filesystem::exists(out)) << result.output;
}

// Packs MODEL, renders it with EXTRA arguments and compares the result with golden/NAME.png. Returns the image.
RgbaImage render_and_compare(const std::filesystem::path& model, const std::string& name,
                             std::vector<std::string> extra) {
  auto pack = test_pack(model);
  EXPECT_FALSE(pack.empty());
  auto dir = output_dir();
  auto out = dir / (name + ".png");
  render(pack, out, std::move(extra));
  std::string failure = check_against_golden(out, name, dir);
  EXPECT_TRUE(failure.empty()) << failure;
  auto image = read_png(out);
  return image ? *image : RgbaImage{};
}

// The fraction of pixels that differ from the background colour (the top-left pixel): how much of the frame the
// relic covers.
double coverage(const RgbaImage& image) {
  const uint8_t* background = image.pixel(0, 0);
  size_t covered = 0;
  for (uint32_t y = 0; y < image.height; ++y)
    for (uint32_t x = 0; x < image.width; ++x) {
      const uint8_t* p = image.pixel(x, y);
      if (std::abs(p[0] - background[0]) + std::abs(p[1] - background[1]) + std::abs(p[2] - background[2]) > 12)
        ++covered;
    }
  return double(covered) / double(image.width * image.height);
}

// The mean x of the pixels that differ from the background.
double centroid_x(const RgbaImage& image) {
  const uint8_t* background = image.pixel(0, 0);
  double sum = 0, count = 0;
  for (uint32_t y = 0; y < image.height; ++y)
    for (uint32_t x = 0; x < image.width; ++x) {
      const uint8_t* p = image.pixel(x, y);
      if (std::abs(p[0] - background[0]) + std::abs(p[1] - background[1]) + std::abs(p[2] - background[2]) > 12)
        sum += x, ++count;
    }
  return count > 0 ? sum / count : -1.0;
}

// The mean luminance (0..255) of the pixels the relic covers.
double covered_luminance(const RgbaImage& image) {
  const uint8_t* background = image.pixel(0, 0);
  double sum = 0, count = 0;
  for (uint32_t y = 0; y < image.height; ++y)
    for (uint32_t x = 0; x < image.width; ++x) {
      const uint8_t* p = image.pixel(x, y);
      if (std::abs(p[0] - background[0]) + std::abs(p[1] - background[1]) + std::abs(p[2] - background[2]) > 12)
        sum += 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2], ++count;
    }
  return count > 0 ? sum / count : 0.0;
}

TEST(Golden, WaterBottleIsLitTexturedAndFramed) {
  RgbaImage image = render_and_compare(water_bottle_gltf(), "water_bottle", {"--size", "256x256"});
  double covered = coverage(image);
  EXPECT_GT(covered, 0.12) << "the bottle should fill a sensible part of the frame";
  EXPECT_LT(covered, 0.7);
}

TEST(Golden, SpotTextureIsTheRightWayUp) {
  // Spot faces -Z in its source file: turn the camera round to see its face.
  render_and_compare(test_model("spot/spot_triangulated.obj"), "spot", {"--size", "256x256", "--turntable", "205"});
}

TEST(Golden, RawScanWithoutNormalsIsSmoothlyLit) {
  RgbaImage image = render_and_compare(test_model("stanford-bunny/stanford-bunny.obj"), "bunny", {"--size", "256x256"});
  // Faceted-black normals would leave most of the bunny dark.
  EXPECT_GT(covered_luminance(image), 90.0) << "the scan should be lit, not black";
}

TEST(Golden, MultiMaterialChairWithSeveralMeshes) {
  render_and_compare(test_model("SheenChair/glTF/SheenChair.gltf"), "sheen_chair", {"--size", "256x256"});
}

TEST(Golden, StereoHasTwoViewsWithParallax) {
  RgbaImage image = render_and_compare(water_bottle_gltf(), "water_bottle_stereo", {"--size", "256x256", "--stereo"});
  ASSERT_EQ(image.width, 512u);
  ASSERT_EQ(image.height, 256u);
  RgbaImage left{256, 256, {}}, right{256, 256, {}};
  for (uint32_t y = 0; y < 256; ++y) {
    left.pixels.insert(left.pixels.end(), image.pixel(0, y), image.pixel(0, y) + 256 * 4);
    right.pixels.insert(right.pixels.end(), image.pixel(256, y), image.pixel(256, y) + 256 * 4);
  }
  EXPECT_GT(coverage(left), 0.12) << "left eye is empty";
  EXPECT_GT(coverage(right), 0.12) << "right eye is empty";
  // Parallax: a near object sits further right in the left eye than in the right eye.
  double shift = centroid_x(left) - centroid_x(right);
  EXPECT_GT(shift, 4.0) << "no visible parallax between the eyes";
}

}  // namespace
}  // namespace liyuan::test
