// The machine-readable log xrsim writes on xrDestroyInstance to the file named by XRSIM_REPORT: submitted frames,
// session state transitions, haptic pulses, captures and every error code returned, so tests can assert on them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "openxr_includes.h"

namespace xrsim {

struct Report {
  struct Frame {
    uint64_t index = 0;    // the xrWaitFrame index of the frame
    uint32_t session = 0;  // session serial number, 1 for the first session of the instance
    XrTime predicted_display_time = 0;
    XrTime display_time = 0;  // as submitted in xrEndFrame
    uint32_t layer_count = 0;
    bool depth = false;  // a projection view carried XrCompositionLayerDepthInfoKHR
  };
  struct Transition {
    uint64_t frame = 0;
    uint32_t session = 0;
    std::string state;  // XR_SESSION_STATE_...
  };
  struct Haptic {
    uint64_t frame = 0;
    std::string action;
    std::string hand;  // /user/hand/left or /user/hand/right
    int64_t duration_ns = 0;
    float frequency = 0;
    float amplitude = 0;
  };
  struct ErrorReturned {
    std::string function;
    std::string result;  // XR_ERROR_...
  };

  std::vector<Frame> frames;
  std::vector<Transition> transitions;
  std::vector<Haptic> haptics;
  std::vector<std::string> captures;  // PNG paths written
  std::vector<ErrorReturned> errors;
  std::vector<std::string> messages;  // problems xrsim met that are not error codes (script, capture failures)

  // The report as JSON text (see README.md for its fields).
  std::string to_json() const;
  // Writes the report to PATH (atomically).
  liyuan::Status write(const std::string& path) const;
};

// The spec name of RESULT, e.g. "XR_ERROR_CALL_ORDER_INVALID", or "XR_UNKNOWN_RESULT_<n>".
std::string result_name(XrResult result);
// The spec name of STATE, e.g. "XR_SESSION_STATE_FOCUSED".
std::string session_state_name(XrSessionState state);

}  // namespace xrsim
