// `liyuan play PACK|SCENE [--presenter auto|offscreen] [--start S] [--duration D] [--fps N] [--size WxH] [--stereo]`:
// plays an exhibition's timeline (or turns a bare relic once round) at a fixed time step. Until the window and headset
// presenters exist, `auto` chooses offscreen and says so. Chapters and captions are logged as they start; at the end
// the frame count and the CPU and total time per frame are printed.
#pragma once

#include <filesystem>
#include <string>

namespace liyuan::app {

struct PlayOptions {
  std::filesystem::path input;
  std::string presenter = "auto";
  double start = 0.0;
  double duration = -1.0;  // < 0: to the end of the timeline (10 s for a bare relic)
  double fps = 30.0;
  uint32_t width = 1280;
  uint32_t height = 720;
  bool stereo = false;
};

// Runs the command; returns an exit code from exit_codes.h.
int run_play(const PlayOptions& options);

}  // namespace liyuan::app
