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
  auto pack = test_pack(water_bottle_gltf());
  ASSERT_FALSE(pack.empty());
  auto dir = output_dir();
  auto out = dir / "water_bottle.png";
  render(pack, out, {"--size", "256x256"});
  auto image = read_png(out);
  ASSERT_TRUE(image);
  double covered = coverage(*image);
  EXPECT_GT(covered, 0.12) << "the bottle should fill a sensible part of the frame";
  EXPECT_LT(covered, 0.7);
  std::string failure = check_against_golden(out, "water_bottle", dir);
  EXPECT_TRUE(failure.empty()) << failure;
}

TEST(Golden, SpotTextureIsTheRightWayUp) {
  auto pack = test_pack(test_model("spot/spot_triangulated.obj"));
  ASSERT_FALSE(pack.empty());
  auto dir = output_dir();
  auto out = dir / "spot.png";
  // Spot faces -Z in its source file: turn the camera round to see its face.
  render(pack, out, {"--size", "256x256", "--turntable", "205"});
  std::string failure = check_against_golden(out, "spot", dir);
  EXPECT_TRUE(failure.empty()) << failure;
}

TEST(Golden, RawScanWithoutNormalsIsSmoothlyLit) {
  auto pack = test_pack(test_model("stanford-bunny/stanford-bunny.obj"));
  ASSERT_FALSE(pack.empty());
  auto dir = output_dir();
  auto out = dir / "bunny.png";
  render(pack, out, {"--size", "256x256"});
  auto image = read_png(out);
  ASSERT_TRUE(image);
  // Faceted-black normals would leave most of the bunny dark.
  EXPECT_GT(covered_luminance(*image), 90.0) << "the scan should be lit, not black";
  std::string failure = check_against_golden(out, "bunny", dir);
  EXPECT_TRUE(failure.empty()) << failure;
}

TEST(Golden, MultiMaterialChairWithSeveralMeshes) {
  auto pack = test_pack(test_model("SheenChair/glTF/SheenChair.gltf"));
  ASSERT_FALSE(pack.empty());
  auto dir = output_dir();
  auto out = dir / "sheen_chair.png";
  render(pack, out, {"--size", "256x256"});
  std::string failure = check_against_golden(out, "sheen_chair", dir);
  EXPECT_TRUE(failure.empty()) << failure;
}

TEST(Golden, StereoHasTwoViewsWithParallax) {
  auto pack = test_pack(water_bottle_gltf());
  ASSERT_FALSE(pack.empty());
  auto dir = output_dir();
  auto out = dir / "water_bottle_stereo.png";
  render(pack, out, {"--size", "256x256", "--stereo"});
  auto image = read_png(out);
  ASSERT_TRUE(image);
  ASSERT_EQ(image->width, 512u);
  ASSERT_EQ(image->height, 256u);
  RgbaImage left{256, 256, {}}, right{256, 256, {}};
  for (uint32_t y = 0; y < 256; ++y) {
    left.pixels.insert(left.pixels.end(), image->pixel(0, y), image->pixel(0, y) + 256 * 4);
    right.pixels.insert(right.pixels.end(), image->pixel(256, y), image->pixel(256, y) + 256 * 4);
  }
  EXPECT_GT(coverage(left), 0.12) << "left eye is empty";
  EXPECT_GT(coverage(right), 0.12) << "right eye is empty";
  // Parallax: a near object sits further right in the left eye than in the right eye.
  double shift = centroid_x(left) - centroid_x(right);
  EXPECT_GT(shift, 4.0) << "no visible parallax between the eyes";
  std::string failure = check_against_golden(out, "water_bottle_stereo", dir);
  EXPECT_TRUE(failure.empty()) << failure;
}

}  // namespace
}  // namespace liyuan::test
