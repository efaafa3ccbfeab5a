// `liyuan demo [--presenter auto|xr|window|offscreen] [--out DIR] [--locale TAG] [--exhibition FILE]`: plays the
// bundled Tang Palace exhibition (scenes/tang-palace) on the best presenter available — a headset when an OpenXR
// runtime answers, else a window when there is a display — packing it first when its pack is missing or stale (the
// user cache keeps it; only what changed is packed again). With neither a headset nor a display it records the tour
// offscreen instead: a contact sheet and, when ffmpeg is installed, an MP4, and prints where they are.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace liyuan::app {

struct DemoOptions {
  std::string presenter = "auto";
  std::filesystem::path exhibition;  // empty: the bundled one (find_bundled_exhibition)
  std::filesystem::path out;         // offscreen: where the recording goes (empty: the user cache's demo folder)
  std::string locale;                // the visitor's language (empty: the exhibition's default)
  // Offscreen recording: lavapipe draws the hall at a few frames a second, so the default keeps the whole tour to a
  // few minutes of rendering.
  uint32_t width = 480;
  uint32_t height = 270;
  double fps = 6.0;
};

// The bundled exhibition: scenes/tang-palace/exhibition.yaml in the source tree this executable was built from, or
// under share/liyuan beside an installed one. Empty when neither exists.
std::filesystem::path find_bundled_exhibition();

// Runs the command; returns an exit code from exit_codes.h.
int run_demo(const DemoOptions& options);

}  // namespace liyuan::app
