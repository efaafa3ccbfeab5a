// Running `liyuan play --presenter xr` against xrsim through the real OpenXR loader, with the OpenXR core
// validation layer and the Vulkan validation layer on, and reading what xrsim reports.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/image_file.h"
#include "support/test_support.h"

namespace liyuan::test {

struct XrRun {
  CommandResult command;
  nlohmann::json report;                 // xrsim's report (empty when it wrote none)
  std::filesystem::path captures;        // where xrsim wrote captured eye images
  std::filesystem::path validation_log;  // the OpenXR core validation layer's messages, if it had any
};

// The hall tests/xr plays: tests/data/exhibitions/headset.
std::filesystem::path headset_hall();

// Writes SCRIPT (xrsim's script format) into DIR, points the loader at xrsim, and runs `liyuan play INPUT
// --presenter xr ARGS...`. An empty SCRIPT runs xrsim's defaults.
XrRun play_in_headset(const std::filesystem::path& dir, const std::string& script, const std::vector<std::string>& args,
                      const std::filesystem::path& input = headset_hall());

// Expects a clean run: exit status 0, no validation message from either layer, no error code returned by xrsim
// other than ALLOWED (e.g. XR_ERROR_SESSION_LOST after a scripted loss).
void expect_clean(const XrRun& run, const std::vector<std::string>& allowed = {});

// The captured eye image of xrsim frame FRAME, EYE 0 (left) or 1 (right).
RgbaImage read_capture(const XrRun& run, int frame, int eye);

// Mean luminance (0…255) of IMAGE.
double mean_luminance(const RgbaImage& image);

// The horizontal shift s (pixels, LEFT content at x appears in RIGHT at x - s) that best matches the patch of LEFT at
// X, Y, W x H, searched in [0, MAX_SHIFT].
int best_shift(const RgbaImage& left, const RgbaImage& right, int x, int y, int w, int h, int max_shift);

}  // namespace liyuan::test
