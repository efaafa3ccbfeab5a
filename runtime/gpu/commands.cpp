#include "gpu/commands.h"

#include <cstdint>

#include "gpu/vk_result.h"

namespace liyuan::gpu {

Result<VkCommandBuffer> begin_commands(Gpu& gpu) {
  VkCommandBufferAllocateInfo info{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
  info.commandPool = gpu.command_pool;
  info.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
  info.commandBufferCount = 1;
  VkCommandBuffer commands = VK_NULL_HANDLE;
  if (Status s = vk_check(vkAllocateCommandBuffers(gpu.device(), &info, &commands), "vkAllocateCommandBuffers"); !s)
    return s.error();
  VkCommandBufferBeginInfo begin{VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
  begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
  if (Status s = vk_check(vkBeginCommandBuffer(commands, &begin), "vkBeginCommandBuffer"); !s) {
    vkFreeCommandBuffers(gpu.device(), gpu.command_pool, 1, &commands);
    return s.error();
  }
  return commands;
}

Status submit_and_wait(Gpu& gpu, VkCommandBuffer commands) {
  struct FreeOnExit {
    Gpu& gpu;
    VkCommandBuffer commands;
    VkFence fence = VK_NULL_HANDLE;
    ~FreeOnExit() {
      if (fence) vkDestroyFence(gpu.device(), fence, nullptr);
      vkFreeCommandBuffers(gpu.device(), gpu.command_pool, 1, &commands);
    }
  } cleanup{gpu, commands};
  if (Status s = vk_check(vkEndCommandBuffer(commands), "vkEndCommandBuffer"); !s) return s;
  VkFenceCreateInfo fence_info{VK_STRUCTURE_TYPE_FENCE_CREATE_INFO};
  if (Status s = vk_check(vkCreateFence(gpu.device(), &fence_info, nullptr, &cleanup.fence), "vkCreateFence"); !s)
    return s;
  VkCommandBufferSubmitInfo command_info{VK_STRUCTURE_TYPE_COMMAND_BUFFER_SUBMIT_INFO};
  command_info.commandBuffer = commands;
  VkSubmitInfo2 submit{VK_STRUCTURE_TYPE_SUBMIT_INFO_2};
  submit.commandBufferInfoCount = 1;
  submit.pCommandBufferInfos = &command_info;
  if (Status s = vk_check(vkQueueSubmit2(gpu.context->queue, 1, &submit, cleanup.fence), "vkQueueSubmit2"); !s)
    return s;
  return vk_check(vkWaitForFences(gpu.device(), 1, &cleanup.fence, VK_TRUE, UINT64_MAX), "vkWaitForFences");
}

}  // namespace liyuan::gpu
