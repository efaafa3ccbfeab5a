// Buffers, sub-allocated from the GPU's memory blocks.
#pragma once

#include <vulkan/vulkan.h>

#include "core/error.h"
#include "gpu/gpu.h"
#include "gpu/memory.h"

namespace liyuan::gpu {

enum class MemoryUsage {
  GpuOnly,   // device-local; filled through staging uploads
  Upload,    // host-visible and coherent, written by the CPU (staging, per-frame uniforms)
  Readback,  // host-visible, read by the CPU (offscreen frames); cached where the device offers it
};

struct Buffer {
  VkBuffer handle = VK_NULL_HANDLE;
  Allocation memory;
  VkDeviceSize size = 0;

  // Host pointer for Upload/Readback buffers, nullptr otherwise.
  void* mapped() const { return memory.mapped; }
};

// Creates a buffer of SIZE bytes for USAGE flags in memory suited to MEMORY.
Result<Buffer> create_buffer(Gpu& gpu, VkDeviceSize size, VkBufferUsageFlags usage, MemoryUsage memory);
// Destroys BUFFER and returns its memory; leaves BUFFER empty. Safe on an empty buffer.
void destroy_buffer(Gpu& gpu, Buffer& buffer);

}  // namespace liyuan::gpu
