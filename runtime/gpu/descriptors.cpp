#include "gpu/descriptors.h"

namespace liyuan::gpu {

void write_buffer_descriptor(VkDevice device, VkDescriptorSet set, uint32_t binding, VkDescriptorType type,
                             VkBuffer buffer, VkDeviceSize offset, VkDeviceSize range) {
  VkDescriptorBufferInfo info{buffer, offset, range};
  VkWriteDescriptorSet write{VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET};
  write.dstSet = set;
  write.dstBinding = binding;
  write.descriptorCount = 1;
  write.descriptorType = type;
  write.pBufferInfo = &info;
  vkUpdateDescriptorSets(device, 1, &write, 0, nullptr);
}

void write_image_descriptors(VkDevice device, VkDescriptorSet set, uint32_t binding,
                             std::span<const VkDescriptorImageInfo> images) {
  VkWriteDescriptorSet write{VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET};
  write.dstSet = set;
  write.dstBinding = binding;
  write.descriptorCount = uint32_t(images.size());
  write.descriptorType = VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER;
  write.pImageInfo = images.data();
  vkUpdateDescriptorSets(device, 1, &write, 0, nullptr);
}

void write_image_descriptor(VkDevice device, VkDescriptorSet set, uint32_t binding, VkSampler sampler,
                            VkImageView view) {
  VkDescriptorImageInfo info{sampler, view, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL};
  write_image_descriptors(device, set, binding, std::span(&info, 1));
}

}  // namespace liyuan::gpu
