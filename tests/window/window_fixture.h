// Shared by the window tests: one real X server (Xvfb) per test executable, made current for the process, and the
// bundled relic's pack made once with the real liyuan-pack.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>

#include "core/image_file.h"
#include "support/xvfb.h"

namespace liyuan::test {

// A test suite whose tests run against one shared Xvfb server (started by the first test, stopped at exit).
class WindowTest : public ::testing::Test {
 public:
  static void SetUpTestSuite();
  // The shared server (SetUpTestSuite() started it).
  static XvfbServer& server();
};

// The water bottle's pack, packed once per test process into the build tree.
std::filesystem::path water_bottle_pack();

// Waits (up to 10 s) until the screen's WIDTHxHEIGHT area at X, Y holds a picture that is not all black and is the
// same in two captures a little apart: the X server has the last presented frame. Returns that area.
RgbaImage settled_screenshot(const XvfbServer& server, int x, int y, uint32_t width, uint32_t height);

}  // namespace liyuan::test
