// The OpenXR instance and the headset it drives: the instance with XR_KHR_vulkan_enable2 (plus the optional
// extensions a runtime may offer), a debug messenger that counts validation messages, the HMD system and its stereo
// view configuration.
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include "core/error.h"
#include "present/openxr/xr_headers.h"

namespace liyuan::present::xr {

// Counts what the OpenXR core validation layer (or the runtime) reported through XR_EXT_debug_utils.
struct XrMessageCount {
  std::atomic<uint32_t> warnings_and_errors{0};
};

struct HmdSystem {
  XrSystemId id = XR_NULL_SYSTEM_ID;
  std::string name;                   // the runtime's name for the headset
  XrViewConfigurationView eyes[2]{};  // recommended and largest image sizes per eye
  bool user_presence = false;         // XR_EXT_user_presence enabled: the headset may say when it is put on or off
};

// The instance and what it was created with. Destroying it destroys the messenger and the instance; sessions on it
// must be gone by then.
class XrRuntime {
 public:
  XrRuntime() = default;
  XrRuntime(const XrRuntime&) = delete;
  XrRuntime& operator=(const XrRuntime&) = delete;
  ~XrRuntime();

  XrInstance instance = XR_NULL_HANDLE;
  std::string runtime_name;              // "xrsim 0.1.0", "Monado …"
  bool depth_layers = false;             // XR_KHR_composition_layer_depth was offered and enabled
  bool user_presence_extension = false;  // XR_EXT_user_presence was offered and enabled
  std::shared_ptr<XrMessageCount> messages = std::make_shared<XrMessageCount>();
  XrDebugUtilsMessengerEXT messenger = XR_NULL_HANDLE;
  HmdSystem system;

  // The extension function NAME, or null when the instance lacks it.
  PFN_xrVoidFunction function(const char* name) const;
};

// Why there is no headset: the result (for the one-line message) and what failed.
struct XrUnavailable {
  XrResult result = XR_ERROR_RUNTIME_UNAVAILABLE;
  std::string call;
};

// Creates the instance through the loader, then finds the HMD and checks it offers the stereo view configuration.
// On failure returns null and fills WHY. The loader's own stderr chatter is captured while it looks for a runtime and
// shown only at debug level (LIYUAN_LOG=debug) or when XR_LOADER_DEBUG is set.
std::unique_ptr<XrRuntime> connect_to_runtime(XrUnavailable& why);

// Finds the HMD system on RUNTIME's instance and its two stereo views (again after a session was lost). Returns the
// failing XrResult, or XR_SUCCESS.
XrResult find_hmd(XrRuntime& runtime);

}  // namespace liyuan::present::xr
