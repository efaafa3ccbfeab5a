#include "gpu/gpu.h"

#include "core/log.h"
#include "gpu/pipeline_cache.h"
#include "gpu/vk_result.h"

namespace liyuan::gpu {

Gpu::~Gpu() {
  if (!context || !context->device) return;
  vkDeviceWaitIdle(context->device);
  if (pipeline_cache) {
    if (!pipeline_cache_path.empty()) {
      if (Status s = save_pipeline_cache(*context, pipeline_cache, pipeline_cache_path); !s)
        log::warn("pipeline cache not saved: {}", s.error().to_string());
    }
    vkDestroyPipelineCache(context->device, pipeline_cache, nullptr);
  }
  if (command_pool) vkDestroyCommandPool(context->device, command_pool, nullptr);
  memory.reset();
}

Result<std::unique_ptr<Gpu>> create_gpu(std::unique_ptr<Context> context) {
  auto gpu = std::make_unique<Gpu>();
  gpu->context = std::move(context);
  gpu->memory = std::make_unique<MemoryAllocator>(gpu->context->physical_device, gpu->context->device);
  VkCommandPoolCreateInfo pool_info{VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO};
  pool_info.flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT;
  pool_info.queueFamilyIndex = gpu->context->queue_family;
  if (Status s = vk_check(vkCreateCommandPool(gpu->device(), &pool_info, nullptr, &gpu->command_pool),
                          "vkCreateCommandPool");
      !s)
    return s.error();
  gpu->pipeline_cache_path = default_pipeline_cache_path(*gpu->context);
  auto cache = load_pipeline_cache(*gpu->context, gpu->pipeline_cache_path);
  if (!cache) return cache.error();
  gpu->pipeline_cache = *cache;
  return gpu;
}

}  // namespace liyuan::gpu
