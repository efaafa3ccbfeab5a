// `liyuan play --presenter window|auto` as a new user runs it: under a plain X server, and with no display at all.
#include <gtest/gtest.h>

#include <cstdlib>
#include <regex>
#include <sstream>

#include "support/test_support.h"
#include "window_fixture.h"

namespace liyuan::test {
namespace {

// Runs `liyuan ARGS` with DISPLAY unset (and restored afterwards).
CommandResult run_without_display(const std::vector<std::string>& args) {
  std::string display = std::getenv("DISPLAY") ? std::getenv("DISPLAY") : "";
  unsetenv("DISPLAY");
  CommandResult result = run_command(runtime_exe(), args);
  if (!display.empty()) setenv("DISPLAY", display.c_str(), 1);
  return result;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_F(WindowTest, PlaysThreeSecondsInAWindowUnderAPlainXServer) {
  CommandResult result = run_command(runtime_exe(), {"play", water_bottle_pack().string(), "--presenter", "window",
                                                     "--duration", "3", "--size", "320x240"});
  EXPECT_EQ(result.exit_code, 0) << result.output;
  std::smatch match;
  ASSERT_TRUE(std::regex_search(result.output, match,
                                std::regex(R"(played (\d+\.\d+) s on the window presenter: (\d+) frames)")))
      << result.output;
  EXPECT_GE(std::stod(match[1]), 3.0) << "the clock ran the show for --duration";
  EXPECT_GE(std::stoi(match[2]), 1) << "frames presented (how many depends on the machine's speed)";
}

// Lines of OUTPUT that contain TEXT.
size_t count_lines_with(const std::string& output, const std::string& text) {
  size_t count = 0;
  for (const std::string& line : lines_of(output)) count += line.find(text) != std::string::npos;
  return count;
}

TEST_F(WindowTest, WithoutAHeadsetAutoSaysWhyAndTheWindowTakesOver) {
  unsetenv("XR_RUNTIME_JSON");  // no OpenXR runtime here: the headset is passed over in one line
  CommandResult result = run_command(runtime_exe(), {"play", water_bottle_pack().string(), "--duration", "0.2",
                                                     "--size", "160x120", "--fixed-step", "--no-vsync"});
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_EQ(count_lines_with(result.output, "no OpenXR runtime (XR_ERROR_RUNTIME_UNAVAILABLE): set XR_RUNTIME_JSON"),
            1u)
      << result.output;
  EXPECT_NE(result.output.find("falling back to a window or offscreen"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("presenter: window"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("on the window presenter"), std::string::npos) << result.output;
}

TEST_F(WindowTest, WithoutADisplayTheWindowSaysSoInOneLineAndSuggestsOffscreen) {
  CommandResult result = run_without_display({"play", water_bottle_pack().string(), "--presenter", "window"});
  EXPECT_EQ(result.exit_code, 2);
  std::vector<std::string> lines = lines_of(result.output);
  ASSERT_EQ(lines.size(), 1u) << result.output;
  EXPECT_NE(lines[0].find("no display (DISPLAY is not set)"), std::string::npos) << lines[0];
  EXPECT_NE(lines[0].find("--presenter offscreen"), std::string::npos) << lines[0];
}

TEST_F(WindowTest, WithoutADisplayTheKioskSaysSoToo) {
  CommandResult result = run_without_display({"play", water_bottle_pack().string(), "--presenter", "kiosk"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(lines_of(result.output).size(), 1u) << result.output;
  EXPECT_NE(result.output.find("no display"), std::string::npos) << result.output;
}

TEST_F(WindowTest, WithoutADisplayAutoFallsBackToOffscreen) {
  CommandResult result =
      run_without_display({"play", water_bottle_pack().string(), "--duration", "0.1", "--size", "64x64"});
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("presenter: offscreen (no display"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("on the offscreen presenter"), std::string::npos) << result.output;
}

}  // namespace liyuan::test
