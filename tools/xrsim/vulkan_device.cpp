#include "vulkan_device.h"

#include <string>

namespace xrsim {
namespace {

liyuan::Error vulkan_error(const char* what, VkResult result) {
  return liyuan::make_error(std::string("xrsim: ") + what + " failed with VkResult " + std::to_string(int(result)));
}

}  // namespace

liyuan::Result<VulkanDevice> open_vulkan_device(PFN_vkGetInstanceProcAddr get_instance_proc_addr,
                                                const XrGraphicsBindingVulkan2KHR& binding) {
  VulkanDevice d;
  d.instance = binding.instance;
  d.physical_device = binding.physicalDevice;
  d.device = binding.device;
  d.queue_family = binding.queueFamilyIndex;
  const auto get_device_proc_addr =
      reinterpret_cast<PFN_vkGetDeviceProcAddr>(get_instance_proc_addr(d.instance, "vkGetDeviceProcAddr"));
  if (!get_device_proc_addr) return liyuan::make_error("xrsim: vkGetDeviceProcAddr is not available");
  bool missing = false;
  const auto device_fn = [&](auto& slot, const char* name) {
    slot = reinterpret_cast<std::remove_reference_t<decltype(slot)>>(get_device_proc_addr(d.device, name));
    missing = missing || slot == nullptr;
  };
  d.fn.GetPhysicalDeviceMemoryProperties = reinterpret_cast<PFN_vkGetPhysicalDeviceMemoryProperties>(
      get_instance_proc_addr(d.instance, "vkGetPhysicalDeviceMemoryProperties"));
  missing = d.fn.GetPhysicalDeviceMemoryProperties == nullptr;
  device_fn(d.fn.GetDeviceQueue, "vkGetDeviceQueue");
  device_fn(d.fn.CreateImage, "vkCreateImage");
  device_fn(d.fn.DestroyImage, "vkDestroyImage");
  device_fn(d.fn.GetImageMemoryRequirements, "vkGetImageMemoryRequirements");
  device_fn(d.fn.AllocateMemory, "vkAllocateMemory");
  device_fn(d.fn.FreeMemory, "vkFreeMemory");
  device_fn(d.fn.BindImageMemory, "vkBindImageMemory");
  device_fn(d.fn.CreateBuffer, "vkCreateBuffer");
  device_fn(d.fn.DestroyBuffer, "vkDestroyBuffer");
  device_fn(d.fn.GetBufferMemoryRequirements, "vkGetBufferMemoryRequirements");
  device_fn(d.fn.BindBufferMemory, "vkBindBufferMemory");
  device_fn(d.fn.MapMemory, "vkMapMemory");
  device_fn(d.fn.UnmapMemory, "vkUnmapMemory");
  device_fn(d.fn.CreateCommandPool, "vkCreateCommandPool");
  device_fn(d.fn.DestroyCommandPool, "vkDestroyCommandPool");
  device_fn(d.fn.AllocateCommandBuffers, "vkAllocateCommandBuffers");
  device_fn(d.fn.FreeCommandBuffers, "vkFreeCommandBuffers");
  device_fn(d.fn.BeginCommandBuffer, "vkBeginCommandBuffer");
  device_fn(d.fn.EndCommandBuffer, "vkEndCommandBuffer");
  device_fn(d.fn.CmdPipelineBarrier, "vkCmdPipelineBarrier");
  device_fn(d.fn.CmdCopyImageToBuffer, "vkCmdCopyImageToBuffer");
  device_fn(d.fn.QueueSubmit, "vkQueueSubmit");
  device_fn(d.fn.CreateFence, "vkCreateFence");
  device_fn(d.fn.DestroyFence, "vkDestroyFence");
  device_fn(d.fn.WaitForFences, "vkWaitForFences");
  if (missing) return liyuan::make_error("xrsim: a Vulkan entry point is missing on the application's device");
  d.fn.GetPhysicalDeviceMemoryProperties(d.physical_device, &d.memory);
  d.fn.GetDeviceQueue(d.device, d.queue_family, binding.queueIndex, &d.queue);
  VkCommandPoolCreateInfo pool_info{VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO};
  pool_info.flags = VK_COMMAND_POOL_CREATE_TRANSIENT_BIT;
  pool_info.queueFamilyIndex = d.queue_family;
  if (VkResult r = d.fn.CreateCommandPool(d.device, &pool_info, nullptr, &d.command_pool); r != VK_SUCCESS)
    return vulkan_error("vkCreateCommandPool", r);
  return d;
}

void close_vulkan_device(VulkanDevice& device) {
  if (device.command_pool) device.fn.DestroyCommandPool(device.device, device.command_pool, nullptr);
  device.command_pool = VK_NULL_HANDLE;
}

liyuan::Result<uint32_t> find_memory_type(const VulkanDevice& device, uint32_t type_bits,
                                          VkMemoryPropertyFlags properties) {
  for (uint32_t i = 0; i < device.memory.memoryTypeCount; ++i)
    if ((type_bits & (1u << i)) && (device.memory.memoryTypes[i].propertyFlags & properties) == properties) return i;
  return liyuan::make_error("xrsim: no Vulkan memory type fits");
}

liyuan::Status submit_and_wait(VulkanDevice& device, const std::function<void(VkCommandBuffer)>& record) {
  const VulkanFunctions& fn = device.fn;
  VkCommandBufferAllocateInfo alloc{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
  alloc.commandPool = device.command_pool;
  alloc.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
  alloc.commandBufferCount = 1;
  VkCommandBuffer cmd = VK_NULL_HANDLE;
  if (VkResult r = fn.AllocateCommandBuffers(device.device, &alloc, &cmd); r != VK_SUCCESS)
    return vulkan_error("vkAllocateCommandBuffers", r);
  VkCommandBufferBeginInfo begin{VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
  begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
  fn.BeginCommandBuffer(cmd, &begin);
  record(cmd);
  fn.EndCommandBuffer(cmd);
  VkFenceCreateInfo fence_info{VK_STRUCTURE_TYPE_FENCE_CREATE_INFO};
  VkFence fence = VK_NULL_HANDLE;
  VkResult r = fn.CreateFence(device.device, &fence_info, nullptr, &fence);
  if (r == VK_SUCCESS) {
    VkSubmitInfo submit{VK_STRUCTURE_TYPE_SUBMIT_INFO};
    submit.commandBufferCount = 1;
    submit.pCommandBuffers = &cmd;
    r = fn.QueueSubmit(device.queue, 1, &submit, fence);
    if (r == VK_SUCCESS) r = fn.WaitForFences(device.device, 1, &fence, VK_TRUE, UINT64_MAX);
    fn.DestroyFence(device.device, fence, nullptr);
  }
  fn.FreeCommandBuffers(device.device, device.command_pool, 1, &cmd);
  if (r != VK_SUCCESS) return vulkan_error("submitting xrsim's commands", r);
  return {};
}

}  // namespace xrsim
