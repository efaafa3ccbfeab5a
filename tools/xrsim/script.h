// The xrsim script: runtime options, head and controller poses over time, input changes, session requests and
// capture requests. The text format is documented in README.md; parse errors name file:line:column.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "openxr_includes.h"

namespace xrsim {

enum class Hand : uint8_t { Left = 0, Right = 1 };

// A pose keyframe at TIME_S seconds of simulated display time (frame N is at N / refresh_hz).
struct PoseKey {
  double time_s = 0;
  XrPosef pose{};
};

// Keyframed poses, linearly interpolated, held constant before the first and after the last key.
struct PoseTrack {
  std::vector<PoseKey> keys;  // sorted by time

  // The pose at TIME_S; FALLBACK when the track has no keys.
  XrPosef at(double time_s, const XrPosef& fallback) const;
};

// What happens at a frame: a controller input changes, the session is asked to change, or the frame is captured.
struct ScriptEvent {
  enum class Kind : uint8_t { Input, Session, Capture };
  uint64_t frame = 0;  // the index of the xrWaitFrame call (0-based, counted over the whole instance)
  Kind kind = Kind::Input;
  Hand hand = Hand::Right;  // Input
  std::string name;         // Input: trigger, select, squeeze, thumbstick, thumbstick_click, menu, a, b, x, y,
                            // system; Session: focus_loss, focus_return, visitor_absent, visitor_present,
                            // request_exit, loss_pending
  float x = 0, y = 0;       // Input values (y only for thumbstick)
  uint32_t line = 0;        // where the event was written, for messages
};

struct Script {
  std::string source;  // file the script came from ("" for the built-in default)
  uint32_t view_width = 640;
  uint32_t view_height = 640;
  bool stage_space = true;
  bool depth_extension = true;
  float ipd_m = 0.064f;
  double refresh_hz = 90.0;
  std::string controller_profile = "/interaction_profiles/oculus/touch_controller";
  std::string capture_dir;  // where captures go, relative to the script's folder; XRSIM_CAPTURE_DIR overrides
  PoseTrack head;
  std::array<PoseTrack, 2> aim;     // by Hand
  std::array<PoseTrack, 2> grip;    // by Hand
  std::vector<ScriptEvent> events;  // sorted by frame, stable
};

// Parses script TEXT; FILE_NAME is used in error messages ("file:line:column: message").
liyuan::Result<Script> parse_script(std::string_view text, const std::string& file_name);
// Reads and parses the script at PATH.
liyuan::Result<Script> load_script(const std::filesystem::path& path);

}  // namespace xrsim
