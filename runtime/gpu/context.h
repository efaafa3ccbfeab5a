// The Vulkan instance, physical device, device and graphics queue the renderer runs on.
//
// Creation goes through hooks so that another owner can create the objects: the OpenXR presenter creates both through
// xrCreateVulkanInstanceKHR / xrCreateVulkanDeviceKHR and picks the physical device with
// xrGetVulkanGraphicsDevice2KHR. Without hooks, vkCreateInstance / vkCreateDevice and the best device are used.
#pragma once

#include <vulkan/vulkan.h>

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/error.h"

namespace liyuan::gpu {

// Counts what the validation layer reported; any warning or error is a bug to fix.
struct ValidationReport {
  std::atomic<uint32_t> warnings{0};
  std::atomic<uint32_t> errors{0};
  uint32_t total() const { return warnings.load() + errors.load(); }
};

struct ContextHooks {
  // Creates the instance from INFO (which already carries the layers and extensions Liyuan needs).
  std::function<VkResult(const VkInstanceCreateInfo& info, VkInstance* instance)> create_instance;
  // Picks the physical device; returns VK_NULL_HANDLE to fall back to Liyuan's own choice.
  std::function<VkPhysicalDevice(VkInstance instance)> pick_physical_device;
  // Creates the device from INFO on PHYSICAL.
  std::function<VkResult(VkPhysicalDevice physical, const VkDeviceCreateInfo& info, VkDevice* device)> create_device;
};

struct ContextDesc {
  // Enables VK_LAYER_KHRONOS_validation with synchronisation validation and counts its messages. Defaults to on in
  // debug builds; LIYUAN_VALIDATION=1 (or 0) overrides.
  bool validation = false;
  std::vector<const char*> instance_extensions;  // extra, e.g. surface extensions for a window
  std::vector<const char*> device_extensions;    // extra, e.g. VK_KHR_swapchain
  ContextHooks hooks;
};

// Whether validation is wanted by default: LIYUAN_VALIDATION if set, else true in debug builds.
bool validation_requested_by_environment();

struct Context {
  VkInstance instance = VK_NULL_HANDLE;
  VkDebugUtilsMessengerEXT messenger = VK_NULL_HANDLE;
  VkPhysicalDevice physical_device = VK_NULL_HANDLE;
  VkDevice device = VK_NULL_HANDLE;
  VkQueue queue = VK_NULL_HANDLE;
  uint32_t queue_family = 0;
  VkPhysicalDeviceProperties properties{};
  bool anisotropy = false;
  bool validation = false;
  // Shared so that a caller can read the count after the context (and its final messages) is gone.
  std::shared_ptr<ValidationReport> validation_report = std::make_shared<ValidationReport>();

  Context() = default;
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;
  ~Context();

  // "llvmpipe (LLVM 15.0.6, 256 bits), Vulkan 1.3.230" for logs.
  std::string describe() const;
};

// Creates instance, device and queue. Needs Vulkan 1.3 with dynamic rendering, synchronization2 and multiview.
// Errors say what is missing (no Vulkan driver, no suitable device, a failed call and its VkResult).
Result<std::unique_ptr<Context>> create_context(const ContextDesc& desc);

}  // namespace liyuan::gpu
