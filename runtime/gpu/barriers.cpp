#include "gpu/barriers.h"

namespace liyuan::gpu {

void memory_barrier(VkCommandBuffer commands, VkPipelineStageFlags2 from_stages, VkAccessFlags2 from_access,
                    VkPipelineStageFlags2 to_stages, VkAccessFlags2 to_access) {
  VkMemoryBarrier2 barrier{VK_STRUCTURE_TYPE_MEMORY_BARRIER_2};
  barrier.srcStageMask = from_stages;
  barrier.srcAccessMask = from_access;
  barrier.dstStageMask = to_stages;
  barrier.dstAccessMask = to_access;
  VkDependencyInfo dependency{VK_STRUCTURE_TYPE_DEPENDENCY_INFO};
  dependency.memoryBarrierCount = 1;
  dependency.pMemoryBarriers = &barrier;
  vkCmdPipelineBarrier2(commands, &dependency);
}

void transition_image(VkCommandBuffer commands, const Image& image, const ImageUse& from, const ImageUse& to) {
  VkImageMemoryBarrier2 barrier{VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER_2};
  barrier.srcStageMask = from.stages;
  barrier.srcAccessMask = from.access;
  barrier.dstStageMask = to.stages;
  barrier.dstAccessMask = to.access;
  barrier.oldLayout = from.layout;
  barrier.newLayout = to.layout;
  barrier.srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
  barrier.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
  barrier.image = image.handle;
  barrier.subresourceRange = {image.aspect, 0, image.desc.mip_levels, 0, image.desc.layers};
  VkDependencyInfo dependency{VK_STRUCTURE_TYPE_DEPENDENCY_INFO};
  dependency.imageMemoryBarrierCount = 1;
  dependency.pImageMemoryBarriers = &barrier;
  vkCmdPipelineBarrier2(commands, &dependency);
}

}  // namespace liyuan::gpu
