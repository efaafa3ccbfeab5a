#include "xr/xr_run.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <limits>

namespace liyuan::test {

std::filesystem::path headset_hall() {
  return data_dir() / "exhibitions" / "headset" / "exhibition.yaml";
}

XrRun play_in_headset(const std::filesystem::path& dir, const std::string& script, const std::vector<std::string>& args,
                      const std::filesystem::path& input) {
  XrRun run;
  run.captures = dir / "captures";
  std::filesystem::path report = dir / "report.json";
  setenv("XR_RUNTIME_JSON", LIYUAN_XRSIM_MANIFEST, 1);
  setenv("XR_ENABLE_API_LAYERS", "XR_APILAYER_LUNARG_core_validation", 1);
  // The core validation layer also writes every message to this file (created only when there is one).
  run.validation_log = dir / "core-validation.txt";
  setenv("XR_CORE_VALIDATION_EXPORT_TYPE", "text", 1);
  setenv("XR_CORE_VALIDATION_FILE_NAME", run.validation_log.c_str(), 1);
  setenv("XRSIM_REPORT", report.c_str(), 1);
  setenv("XRSIM_CAPTURE_DIR", run.captures.c_str(), 1);
  if (script.empty()) {
    unsetenv("XRSIM_SCRIPT");
  } else {
    std::filesystem::path script_path = dir / "script.txt";
    std::ofstream(script_path) << script;
    setenv("XRSIM_SCRIPT", script_path.c_str(), 1);
  }
  std::vector<std::string> command{"play", input.string(), "--presenter", "xr"};
  command.insert(command.end(), args.begin(), args.end());
  run.command = run_command(runtime_exe(), command);
  std::ifstream report_file(report);
  if (report_file) run.report = nlohmann::json::parse(report_file, nullptr, false);
  return run;
}

void expect_clean(const XrRun& run, const std::vector<std::string>& allowed) {
  EXPECT_EQ(run.command.exit_code, 0) << run.command.output;
  EXPECT_EQ(run.command.output.find("validation:"), std::string::npos) << run.command.output;
  EXPECT_EQ(run.command.output.find("VUID"), std::string::npos) << run.command.output;
  std::error_code ec;
  EXPECT_TRUE(!std::filesystem::exists(run.validation_log) || std::filesystem::file_size(run.validation_log, ec) == 0)
      << "the OpenXR core validation layer reported messages: " << run.validation_log;
  ASSERT_TRUE(run.report.is_object()) << "xrsim wrote no report\n" << run.command.output;
  for (const auto& error : run.report["errors"])
    EXPECT_NE(std::find(allowed.begin(), allowed.end(), error["result"].get<std::string>()), allowed.end())
        << run.report["errors"].dump();
  EXPECT_TRUE(run.report["messages"].empty()) << run.report["messages"].dump();
}

RgbaImage read_capture(const XrRun& run, int frame, int eye) {
  auto image = read_png(run.captures / ("frame-" + std::to_string(frame) + "-eye-" + std::to_string(eye) + ".png"));
  EXPECT_TRUE(image) << (image ? "" : image.error().to_string());
  return image ? *image : RgbaImage{};
}

double mean_luminance(const RgbaImage& image) {
  if (image.pixels.empty()) return 0.0;
  double sum = 0.0;
  for (size_t p = 0; p + 3 < image.pixels.size(); p += 4)
    sum += 0.2126 * image.pixels[p] + 0.7152 * image.pixels[p + 1] + 0.0722 * image.pixels[p + 2];
  return sum / double(image.pixels.size() / 4);
}

int best_shift(const RgbaImage& left, const RgbaImage& right, int x, int y, int w, int h, int max_shift) {
  auto at = [](const RgbaImage& image, int px, int py, int channel) {
    return int(image.pixels[(size_t(py) * image.width + size_t(px)) * 4 + size_t(channel)]);
  };
  int best = -1;
  double best_cost = std::numeric_limits<double>::max();
  for (int s = 0; s <= max_shift && x - s >= 0; ++s) {
    double cost = 0.0;
    for (int py = y; py < y + h; ++py)
      for (int px = x; px < x + w; ++px)
        for (int c = 0; c < 3; ++c) cost += std::abs(at(left, px, py, c) - at(right, px - s, py, c));
    if (cost < best_cost) best_cost = cost, best = s;
  }
  return best;
}

}  // namespace liyuan::test
