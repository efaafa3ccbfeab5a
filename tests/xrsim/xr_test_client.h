// A tiny raw OpenXR client for xrsim's tests: it goes through the real loader (libopenxr_loader) with the OpenXR
// core validation layer, creates its Vulkan instance and device through XR_KHR_vulkan_enable2 with the Vulkan
// validation layer (synchronisation validation on) and counts every Vulkan validation message.
#pragma once

#include <vulkan/vulkan.h>

#include <filesystem>
#include <string>
#include <vector>
#define XR_USE_GRAPHICS_API_VULKAN
#include <openxr/openxr.h>
#include <openxr/openxr_platform.h>

#include <nlohmann/json.hpp>

namespace liyuan::test {

// Where one test's xrsim files live.
struct XrsimFiles {
  std::filesystem::path dir;            // the test's output directory
  std::filesystem::path script;         // the script written for the test
  std::filesystem::path report;         // XRSIM_REPORT
  std::filesystem::path xr_validation;  // the OpenXR core validation layer's message file
  std::filesystem::path captures;       // XRSIM_CAPTURE_DIR
};

// Points the loader at xrsim's manifest with the core validation layer enabled, writes SCRIPT_TEXT as the script,
// and names the report, validation and capture files in a fresh output directory (call once per test).
XrsimFiles use_xrsim(const std::string& script_text);
// The report xrsim wrote on xrDestroyInstance.
nlohmann::json read_report(const XrsimFiles& files);
// The OpenXR core validation layer's messages ("" when it wrote none).
std::string xr_validation_messages(const XrsimFiles& files);

class XrClient {
 public:
  XrClient() = default;
  XrClient(const XrClient&) = delete;
  XrClient& operator=(const XrClient&) = delete;
  ~XrClient();

  // xrCreateInstance with XR_KHR_vulkan_enable2 (+ EXTRA extensions), then xrGetSystem for an HMD.
  XrResult create_instance(const std::vector<const char*>& extra_extensions = {});
  // Vulkan through enable2: requirements, instance (validation on), physical device, device with multiview.
  void create_vulkan();
  // xrCreateSession with the Vulkan binding.
  XrResult create_session();
  // Polls every queued event; returns the session states announced, in order.
  std::vector<XrSessionState> poll_states();
  // xrBeginSession for the stereo configuration.
  XrResult begin_session();
  // A colour swapchain (R8G8B8A8_SRGB, arraySize 2, one layer per eye) and optionally a D32 depth swapchain.
  void create_swapchains(bool with_depth);
  // A reference space of TYPE.
  XrSpace create_space(XrReferenceSpaceType type);
  // One frame: wait, begin, locate views, clear eye k to COLORS[k] when shouldRender, end with a projection layer.
  // Returns the XrFrameState of the wait.
  XrFrameState render_frame(const float colors[2][4]);
  // Destroys the session and its objects (swapchains, spaces) but keeps the instance and Vulkan.
  void destroy_session();

  XrInstance instance = XR_NULL_HANDLE;
  XrSystemId system = XR_NULL_SYSTEM_ID;
  XrSession session = XR_NULL_HANDLE;
  XrSpace stage = XR_NULL_HANDLE;
  XrSwapchain color_swapchain = XR_NULL_HANDLE;
  XrSwapchain depth_swapchain = XR_NULL_HANDLE;
  std::vector<VkImage> color_images;
  uint32_t view_width = 0, view_height = 0;
  bool depth_enabled = false;
  XrSessionState state = XR_SESSION_STATE_UNKNOWN;
  std::vector<XrView> last_views;

  VkInstance vk_instance = VK_NULL_HANDLE;
  VkPhysicalDevice physical_device = VK_NULL_HANDLE;
  VkDevice device = VK_NULL_HANDLE;
  uint32_t queue_family = 0;
  VkQueue queue = VK_NULL_HANDLE;
  VkCommandPool command_pool = VK_NULL_HANDLE;
  VkDebugUtilsMessengerEXT messenger = VK_NULL_HANDLE;
  std::vector<std::string> vulkan_messages;  // every validation message, as text
  // Misbehaves on purpose: releases colour images in TRANSFER_DST_OPTIMAL instead of COLOR_ATTACHMENT_OPTIMAL.
  bool release_in_wrong_layout = false;

 private:
  void clear_eyes(uint32_t image_index, const float colors[2][4]);
};

// Calls an OpenXR function through the loader by name (extension functions).
template <typename Pfn>
Pfn xr_function(XrInstance instance, const char* name) {
  PFN_xrVoidFunction function = nullptr;
  xrGetInstanceProcAddr(instance, name, &function);
  return reinterpret_cast<Pfn>(function);
}

}  // namespace liyuan::test
