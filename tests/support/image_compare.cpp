#include "support/image_compare.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "support/test_support.h"

namespace liyuan::test {

ImageComparison compare_images(const RgbaImage& actual, const RgbaImage& golden, const ImageTolerance& tolerance) {
  ImageComparison result;
  if (actual.width != golden.width || actual.height != golden.height) {
    result.summary = "size " + std::to_string(actual.width) + "x" + std::to_string(actual.height) + " differs from " +
                     std::to_string(golden.width) + "x" + std::to_string(golden.height);
    return result;
  }
  size_t differing = 0;
  int max_difference = 0;
  size_t pixels = size_t(actual.width) * actual.height;
  for (size_t i = 0; i < pixels; ++i) {
    int pixel_max = 0;
    for (int c = 0; c < 4; ++c)
      pixel_max = std::max(pixel_max, std::abs(int(actual.pixels[i * 4 + c]) - int(golden.pixels[i * 4 + c])));
    max_difference = std::max(max_difference, pixel_max);
    if (pixel_max > tolerance.channel_tolerance) ++differing;
  }
  result.differing_fraction = pixels ? double(differing) / double(pixels) : 0.0;
  result.max_channel_difference = max_difference;
  result.matches = result.differing_fraction <= tolerance.max_differing_fraction;
  result.summary = std::to_string(differing) + " of " + std::to_string(pixels) + " pixels (" +
                   std::to_string(result.differing_fraction * 100.0) + " %) differ by more than " +
                   std::to_string(tolerance.channel_tolerance) + "; largest channel difference " +
                   std::to_string(max_difference) + "; allowed " +
                   std::to_string(tolerance.max_differing_fraction * 100.0) + " %";
  return result;
}

RgbaImage difference_image(const RgbaImage& a, const RgbaImage& b) {
  RgbaImage diff{a.width, a.height, std::vector<uint8_t>(a.pixels.size(), 0)};
  if (a.width != b.width || a.height != b.height) return diff;
  for (size_t i = 0; i < a.pixels.size(); i += 4) {
    for (int c = 0; c < 3; ++c)
      diff.pixels[i + c] = uint8_t(std::min(255, 4 * std::abs(int(a.pixels[i + c]) - int(b.pixels[i + c]))));
    diff.pixels[i + 3] = 255;
  }
  return diff;
}

std::string check_against_golden(const std::filesystem::path& actual_png, const std::string& name,
                                 const std::filesystem::path& output_dir, const ImageTolerance& tolerance) {
  std::filesystem::path golden_png = data_dir().parent_path() / "render" / "golden" / (name + ".png");
  auto actual = read_png(actual_png);
  if (!actual) return actual.error().to_string();
  const char* update = std::getenv("LIYUAN_UPDATE_GOLDEN");
  if (update && std::strcmp(update, "1") == 0) {
    std::filesystem::create_directories(golden_png.parent_path());
    if (Status s = write_png(golden_png, *actual); !s) return s.error().to_string();
    return {};
  }
  auto golden = read_png(golden_png);
  if (!golden) return golden.error().to_string() + " (run with LIYUAN_UPDATE_GOLDEN=1 to create it)";
  ImageComparison comparison = compare_images(*actual, *golden, tolerance);
  if (comparison.matches) return {};
  std::filesystem::path actual_copy = output_dir / (name + ".actual.png");
  std::filesystem::path diff_png = output_dir / (name + ".diff.png");
  (void)write_png(actual_copy, *actual);
  (void)write_png(diff_png, difference_image(*actual, *golden));
  return name + " does not match its golden image: " + comparison.summary + ". Actual: " + actual_copy.string() +
         ", difference: " + diff_png.string();
}

}  // namespace liyuan::test
