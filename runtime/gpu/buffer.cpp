#include "gpu/buffer.h"

#include "gpu/vk_result.h"

namespace liyuan::gpu {

Result<Buffer> create_buffer(Gpu& gpu, VkDeviceSize size, VkBufferUsageFlags usage, MemoryUsage memory) {
  Buffer buffer;
  buffer.size = size;
  VkBufferCreateInfo info{VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO};
  info.size = size;
  info.usage = usage;
  info.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
  if (Status s = vk_check(vkCreateBuffer(gpu.device(), &info, nullptr, &buffer.handle), "vkCreateBuffer"); !s)
    return s.error();
  VkMemoryRequirements requirements;
  vkGetBufferMemoryRequirements(gpu.device(), buffer.handle, &requirements);
  VkMemoryPropertyFlags required = 0, preferred = 0;
  switch (memory) {
    case MemoryUsage::GpuOnly: preferred = VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT; break;
    case MemoryUsage::Upload:
      required = VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT;
      break;
    case MemoryUsage::Readback:
      required = VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT;
      preferred = VK_MEMORY_PROPERTY_HOST_CACHED_BIT;
      break;
  }
  auto allocation = gpu.memory->allocate(requirements, required, preferred, ResourceKind::Linear);
  if (!allocation) {
    vkDestroyBuffer(gpu.device(), buffer.handle, nullptr);
    return allocation.error();
  }
  buffer.memory = *allocation;
  if (Status s = vk_check(vkBindBufferMemory(gpu.device(), buffer.handle, buffer.memory.memory, buffer.memory.offset),
                          "vkBindBufferMemory");
      !s) {
    destroy_buffer(gpu, buffer);
    return s.error();
  }
  return buffer;
}

void destroy_buffer(Gpu& gpu, Buffer& buffer) {
  if (buffer.handle) vkDestroyBuffer(gpu.device(), buffer.handle, nullptr);
  gpu.memory->free(buffer.memory);
  buffer = Buffer{};
}

}  // namespace liyuan::gpu
