// The GPU services every renderer object uses: the context, memory sub-allocation, a command pool and the on-disk
// pipeline cache. Created once per process (or per presenter), destroyed last.
#pragma once

#include <vulkan/vulkan.h>

#include <filesystem>
#include <memory>

#include "core/error.h"
#include "gpu/context.h"
#include "gpu/memory.h"

namespace liyuan::gpu {

struct Gpu {
  std::unique_ptr<Context> context;
  std::unique_ptr<MemoryAllocator> memory;
  VkCommandPool command_pool = VK_NULL_HANDLE;
  VkPipelineCache pipeline_cache = VK_NULL_HANDLE;
  std::filesystem::path pipeline_cache_path;  // empty: not persisted

  VkDevice device() const { return context->device; }

  Gpu() = default;
  Gpu(const Gpu&) = delete;
  Gpu& operator=(const Gpu&) = delete;
  // Waits for the device to go idle, saves the pipeline cache, destroys what it owns.
  ~Gpu();
};

// Takes CONTEXT and sets up memory, a command pool on its queue family, and the pipeline cache loaded from
// default_pipeline_cache_path() (a missing or foreign cache file is ignored, never an error).
Result<std::unique_ptr<Gpu>> create_gpu(std::unique_ptr<Context> context);

}  // namespace liyuan::gpu
