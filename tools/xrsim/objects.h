// The runtime's objects behind each OpenXR handle, and the one global Runtime that owns the instance. A handle is
// the address of its object; every entry point checks it against the live set before use (XR_ERROR_HANDLE_INVALID).
// Every entry point runs under Runtime::mutex, so the objects need no locks of their own.
#pragma once

#include <array>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "openxr_includes.h"
#include "report.h"
#include "script.h"
#include "vulkan_device.h"

namespace xrsim {

struct Instance;
struct Session;
struct ActionSet;

inline constexpr XrSystemId kSystemId = 1;
inline constexpr uint32_t kViewCount = 2;
inline constexpr uint32_t kMaxLayerCount = 16;
inline constexpr uint32_t kMaxImageSize = 4096;
inline constexpr uint32_t kSwapchainImageCount = 3;
// The predicted display time of frame 0; frame N is displayed at kEpoch + N * period.
inline constexpr XrTime kEpoch = 1'000'000'000;

struct Action {
  ActionSet* set = nullptr;
  std::string name;
  std::string localized_name;
  XrActionType type = XR_ACTION_TYPE_BOOLEAN_INPUT;
  std::vector<XrPath> subaction_paths;
};

struct ActionSet {
  Instance* instance = nullptr;
  std::string name;
  std::string localized_name;
  uint32_t priority = 0;
  bool attached = false;
  std::vector<std::unique_ptr<Action>> actions;
};

// One action's state as of the last xrSyncActions, for one subaction path (XR_NULL_PATH: all of them).
struct ActionValue {
  bool active = false;
  float x = 0, y = 0;  // bool as 0/1, float in x, vector2 in x and y
  bool changed = false;
  XrTime last_change_time = 0;
};

struct Swapchain {
  Session* session = nullptr;
  XrSwapchainCreateInfo info{};                      // as created; next is cleared
  VkImageLayout layout = VK_IMAGE_LAYOUT_UNDEFINED;  // the layout images have while the application holds them
  struct Image {
    VkImage image = VK_NULL_HANDLE;
    VkDeviceMemory memory = VK_NULL_HANDLE;
    bool handed_over = false;  // moved to `layout` (on its first acquisition, where the queue may be used)
  };
  std::vector<Image> images;
  uint32_t next_to_acquire = 0;
  struct Held {
    uint32_t index = 0;
    bool waited = false;
  };
  std::deque<Held> held;  // acquired and not yet released, oldest first
  std::optional<uint32_t> last_released;
};

struct Space {
  Session* session = nullptr;
  bool is_action_space = false;
  XrReferenceSpaceType reference_type = XR_REFERENCE_SPACE_TYPE_LOCAL;  // reference spaces
  Action* action = nullptr;                                             // action spaces
  XrPath subaction_path = XR_NULL_PATH;                                 // action spaces
  XrPosef offset{};                                                     // poseInReferenceSpace or poseInActionSpace
};

struct Session {
  Instance* instance = nullptr;
  uint32_t serial = 0;  // 1 for the instance's first session
  VulkanDevice vulkan;
  XrSessionState state = XR_SESSION_STATE_UNKNOWN;
  bool running = false;  // between xrBeginSession and xrEndSession
  bool exit_requested = false;
  bool lost = false;           // LOSS_PENDING was sent: everything but destruction fails with XR_ERROR_SESSION_LOST
  uint64_t frames_waited = 0;  // xrWaitFrame calls since xrBeginSession
  // Frame loop.
  bool frame_waited = false;  // xrWaitFrame returned and xrBeginFrame has not consumed it
  bool frame_begun = false;   // xrBeginFrame called and xrEndFrame not yet
  uint64_t waited_frame = 0, begun_frame = 0;
  XrTime waited_time = 0, begun_time = 0;
  std::vector<std::unique_ptr<Swapchain>> swapchains;
  std::vector<std::unique_ptr<Space>> spaces;
  // Input.
  bool action_sets_attached = false;
  std::vector<ActionSet*> attached_sets;
  XrPath current_profile = XR_NULL_PATH;
  std::map<std::pair<const Action*, XrPath>, ActionValue> action_values;
};

// The simulated controllers' inputs, by component ("trigger/value", "thumbstick/x", "a/click"...).
using ControllerInputs = std::array<std::map<std::string, float>, 2>;

struct Instance {
  bool vulkan_enable2 = false;
  bool depth_extension = false;
  bool user_presence = false;  // XR_EXT_user_presence enabled
  std::string application_name;
  Script script;
  // Paths: XrPath N names path_strings[N - 1].
  std::vector<std::string> path_strings;
  std::unordered_map<std::string, XrPath> path_ids;
  std::deque<XrEventDataBuffer> events;
  // Vulkan enable2.
  bool graphics_requirements_queried = false;
  PFN_vkGetInstanceProcAddr vk_get_instance_proc_addr = nullptr;
  VkInstance vk_instance = VK_NULL_HANDLE;
  VkPhysicalDevice vk_physical_device = VK_NULL_HANDLE;
  // Simulation.
  uint64_t frame_counter = 0;  // xrWaitFrame calls over the instance's life; the next frame's index
  size_t next_script_event = 0;
  bool focus_lost = false;
  bool visitor_absent = false;
  std::vector<const ScriptEvent*> pending_captures;  // capture events whose frame has been waited, not yet ended
  ControllerInputs inputs;
  // Children.
  uint32_t sessions_created = 0;
  std::unique_ptr<Session> session;  // at most one at a time
  std::vector<std::unique_ptr<ActionSet>> action_sets;
  // Suggested bindings by interaction profile: (action, binding path).
  std::map<XrPath, std::vector<std::pair<Action*, XrPath>>> suggested_bindings;
};

enum class HandleKind : uint8_t { Instance, Session, Space, Swapchain, ActionSet, Action };

struct Runtime {
  std::recursive_mutex mutex;
  std::unique_ptr<Instance> instance;
  std::unordered_map<const void*, HandleKind> live;
  Report report;
};

// The process-wide runtime state.
Runtime& runtime();

// The object behind HANDLE when it is live and of kind KIND, else nullptr.
template <typename T>
T* lookup(const void* handle, HandleKind kind) {
  const auto it = runtime().live.find(handle);
  if (handle == nullptr || it == runtime().live.end() || it->second != kind) return nullptr;
  return static_cast<T*>(const_cast<void*>(handle));
}
inline Instance* lookup_instance(XrInstance h) {
  return lookup<Instance>(h, HandleKind::Instance);
}
inline Session* lookup_session(XrSession h) {
  return lookup<Session>(h, HandleKind::Session);
}
inline Space* lookup_space(XrSpace h) {
  return lookup<Space>(h, HandleKind::Space);
}
inline Swapchain* lookup_swapchain(XrSwapchain h) {
  return lookup<Swapchain>(h, HandleKind::Swapchain);
}
inline ActionSet* lookup_action_set(XrActionSet h) {
  return lookup<ActionSet>(h, HandleKind::ActionSet);
}
inline Action* lookup_action(XrAction h) {
  return lookup<Action>(h, HandleKind::Action);
}

// Frame timing: the simulated display period and the display time of frame INDEX.
XrDuration display_period(const Instance& instance);
XrTime frame_display_time(const Instance& instance, uint64_t index);
// Seconds of script time at display time TIME.
double script_seconds(const Instance& instance, XrTime time);

}  // namespace xrsim
