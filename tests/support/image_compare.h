// Golden-image comparison with a stated tolerance, and a diff image on failure.
#pragma once

#include <filesystem>
#include <string>

#include "core/image_file.h"

namespace liyuan::test {

// How different two renders may be and still match. Lavapipe is deterministic on one machine, but LLVM versions and
// CPU features can move edge pixels and the last bit of a colour: a channel within `channel_tolerance` of the golden
// value counts as equal, and up to `max_differing_fraction` of the pixels may differ by more.
struct ImageTolerance {
  int channel_tolerance = 8;                // of 255
  double max_differing_fraction = 0.005;    // 0.5 % of pixels
};

struct ImageComparison {
  bool matches = false;
  double differing_fraction = 1.0;
  int max_channel_difference = 255;
  std::string summary;  // for the failure message
};

// Compares ACTUAL with GOLDEN. Sizes must be equal, else no match.
ImageComparison compare_images(const RgbaImage& actual, const RgbaImage& golden, const ImageTolerance& tolerance);

// The absolute per-channel difference, scaled by 4 so small errors show, alpha opaque.
RgbaImage difference_image(const RgbaImage& a, const RgbaImage& b);

// Compares ACTUAL_PNG with tests/render/golden/NAME.png. When they differ, writes NAME.actual.png and NAME.diff.png
// into OUTPUT_DIR and says where in the message. With LIYUAN_UPDATE_GOLDEN=1 the golden file is (re)written from
// ACTUAL_PNG instead and the check passes. Returns an empty string on success, else the failure message.
std::string check_against_golden(const std::filesystem::path& actual_png, const std::string& name,
                                 const std::filesystem::path& output_dir, const ImageTolerance& tolerance = {});

}  // namespace liyuan::test
