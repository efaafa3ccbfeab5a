// Pointing descriptor set bindings at buffers and images: the one shape of vkUpdateDescriptorSets Liyuan uses.
#pragma once

#include <vulkan/vulkan.h>

#include <span>

namespace liyuan::gpu {

// Points BINDING of SET at RANGE bytes of BUFFER from OFFSET, as a descriptor of TYPE (a uniform or storage buffer).
void write_buffer_descriptor(VkDevice device, VkDescriptorSet set, uint32_t binding, VkDescriptorType type,
                             VkBuffer buffer, VkDeviceSize offset, VkDeviceSize range);

// Points BINDING of SET (and the bindings' consecutive array elements) at IMAGES, as combined image samplers.
void write_image_descriptors(VkDevice device, VkDescriptorSet set, uint32_t binding,
                             std::span<const VkDescriptorImageInfo> images);

// Points BINDING of SET at VIEW sampled with SAMPLER, read in SHADER_READ_ONLY_OPTIMAL.
void write_image_descriptor(VkDevice device, VkDescriptorSet set, uint32_t binding, VkSampler sampler,
                            VkImageView view);

}  // namespace liyuan::gpu
