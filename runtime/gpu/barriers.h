// Image layout transitions with synchronization2, spelled as "from this use to that use".
#pragma once

#include <vulkan/vulkan.h>

#include "gpu/image.h"

namespace liyuan::gpu {

// One side of a transition: the layout, and the stages and accesses that use the image in it.
struct ImageUse {
  VkImageLayout layout;
  VkPipelineStageFlags2 stages;
  VkAccessFlags2 access;
};

// Common uses, named for what the image is doing.
namespace use {
inline constexpr ImageUse kUndefined{VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_NONE, VK_ACCESS_2_NONE};
inline constexpr ImageUse kTransferDst{VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_PIPELINE_STAGE_2_COPY_BIT,
                                       VK_ACCESS_2_TRANSFER_WRITE_BIT};
inline constexpr ImageUse kTransferSrc{VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_PIPELINE_STAGE_2_COPY_BIT,
                                       VK_ACCESS_2_TRANSFER_READ_BIT};
inline constexpr ImageUse kFragmentSampled{VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL,
                                           VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT, VK_ACCESS_2_SHADER_SAMPLED_READ_BIT};
inline constexpr ImageUse kColorAttachment{
    VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
    VK_ACCESS_2_COLOR_ATTACHMENT_READ_BIT | VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT};
inline constexpr ImageUse kDepthAttachment{
    VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL,
    VK_PIPELINE_STAGE_2_EARLY_FRAGMENT_TESTS_BIT | VK_PIPELINE_STAGE_2_LATE_FRAGMENT_TESTS_BIT,
    VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_READ_BIT | VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT};
}  // namespace use

// Records a global memory barrier: writes by FROM_STAGES/FROM_ACCESS become visible to TO_STAGES/TO_ACCESS.
void memory_barrier(VkCommandBuffer commands, VkPipelineStageFlags2 from_stages, VkAccessFlags2 from_access,
                    VkPipelineStageFlags2 to_stages, VkAccessFlags2 to_access);

// Makes transfer writes (copies into buffers) visible to the host, before it reads mapped memory.
inline void copies_to_host_barrier(VkCommandBuffer commands) {
  memory_barrier(commands, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT, VK_PIPELINE_STAGE_2_HOST_BIT,
                 VK_ACCESS_2_HOST_READ_BIT);
}

// Records a barrier moving every level and layer of IMAGE from FROM to TO.
void transition_image(VkCommandBuffer commands, const Image& image, const ImageUse& from, const ImageUse& to);

}  // namespace liyuan::gpu
