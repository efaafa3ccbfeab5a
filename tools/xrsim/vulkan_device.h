// The application's Vulkan device as xrsim uses it: entry points fetched through the application's loader (so the
// Vulkan validation layer sees every call xrsim makes), its queue, and one-shot command submission.
#pragma once

#include <functional>

#include "core/error.h"
#include "openxr_includes.h"

namespace xrsim {

struct VulkanFunctions {
  PFN_vkGetDeviceQueue GetDeviceQueue = nullptr;
  PFN_vkGetPhysicalDeviceMemoryProperties GetPhysicalDeviceMemoryProperties = nullptr;
  PFN_vkCreateImage CreateImage = nullptr;
  PFN_vkDestroyImage DestroyImage = nullptr;
  PFN_vkGetImageMemoryRequirements GetImageMemoryRequirements = nullptr;
  PFN_vkAllocateMemory AllocateMemory = nullptr;
  PFN_vkFreeMemory FreeMemory = nullptr;
  PFN_vkBindImageMemory BindImageMemory = nullptr;
  PFN_vkCreateBuffer CreateBuffer = nullptr;
  PFN_vkDestroyBuffer DestroyBuffer = nullptr;
  PFN_vkGetBufferMemoryRequirements GetBufferMemoryRequirements = nullptr;
  PFN_vkBindBufferMemory BindBufferMemory = nullptr;
  PFN_vkMapMemory MapMemory = nullptr;
  PFN_vkUnmapMemory UnmapMemory = nullptr;
  PFN_vkCreateCommandPool CreateCommandPool = nullptr;
  PFN_vkDestroyCommandPool DestroyCommandPool = nullptr;
  PFN_vkAllocateCommandBuffers AllocateCommandBuffers = nullptr;
  PFN_vkFreeCommandBuffers FreeCommandBuffers = nullptr;
  PFN_vkBeginCommandBuffer BeginCommandBuffer = nullptr;
  PFN_vkEndCommandBuffer EndCommandBuffer = nullptr;
  PFN_vkCmdPipelineBarrier CmdPipelineBarrier = nullptr;
  PFN_vkCmdCopyImageToBuffer CmdCopyImageToBuffer = nullptr;
  PFN_vkQueueSubmit QueueSubmit = nullptr;
  PFN_vkCreateFence CreateFence = nullptr;
  PFN_vkDestroyFence DestroyFence = nullptr;
  PFN_vkWaitForFences WaitForFences = nullptr;
};

struct VulkanDevice {
  VkInstance instance = VK_NULL_HANDLE;
  VkPhysicalDevice physical_device = VK_NULL_HANDLE;
  VkDevice device = VK_NULL_HANDLE;
  uint32_t queue_family = 0;
  VkQueue queue = VK_NULL_HANDLE;
  VkCommandPool command_pool = VK_NULL_HANDLE;
  VkPhysicalDeviceMemoryProperties memory{};
  VulkanFunctions fn;
};

// Opens the device named by BINDING through GET_INSTANCE_PROC_ADDR (the application's, or the Vulkan loader's) and
// creates a command pool on the binding's queue family.
liyuan::Result<VulkanDevice> open_vulkan_device(PFN_vkGetInstanceProcAddr get_instance_proc_addr,
                                                const XrGraphicsBindingVulkan2KHR& binding);
// Destroys what open_vulkan_device created (not the application's device).
void close_vulkan_device(VulkanDevice& device);
// The index of a memory type allowed by TYPE_BITS with all of PROPERTIES, or an error.
liyuan::Result<uint32_t> find_memory_type(const VulkanDevice& device, uint32_t type_bits,
                                          VkMemoryPropertyFlags properties);
// Records commands with RECORD into a one-shot command buffer, submits it on the application's queue and waits.
liyuan::Status submit_and_wait(VulkanDevice& device, const std::function<void(VkCommandBuffer)>& record);

}  // namespace xrsim
