#include "gpu/image.h"

#include <algorithm>
#include <bit>

#include "gpu/vk_result.h"

namespace liyuan::gpu {

uint32_t full_mip_count(uint32_t width, uint32_t height) {
  return static_cast<uint32_t>(std::bit_width(std::max(1u, std::max(width, height))));
}

VkImageAspectFlags format_aspect(VkFormat format) {
  switch (format) {
    case VK_FORMAT_D16_UNORM:
    case VK_FORMAT_D32_SFLOAT:
    case VK_FORMAT_X8_D24_UNORM_PACK32: return VK_IMAGE_ASPECT_DEPTH_BIT;
    case VK_FORMAT_D24_UNORM_S8_UINT:
    case VK_FORMAT_D32_SFLOAT_S8_UINT: return VK_IMAGE_ASPECT_DEPTH_BIT | VK_IMAGE_ASPECT_STENCIL_BIT;
    default: return VK_IMAGE_ASPECT_COLOR_BIT;
  }
}

Result<Image> create_image(Gpu& gpu, const ImageDesc& desc) {
  Image image;
  image.desc = desc;
  image.desc.mip_levels = std::max(1u, desc.mip_levels);
  image.desc.layers = std::max(1u, desc.layers);
  image.aspect = format_aspect(desc.format);

  VkImageCreateInfo info{VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO};
  info.imageType = VK_IMAGE_TYPE_2D;
  info.format = desc.format;
  info.extent = {desc.width, desc.height, 1};
  info.mipLevels = image.desc.mip_levels;
  info.arrayLayers = image.desc.layers;
  info.samples = desc.samples;
  info.tiling = VK_IMAGE_TILING_OPTIMAL;
  info.usage = desc.usage;
  info.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
  info.initialLayout = VK_IMAGE_LAYOUT_UNDEFINED;
  if (Status s = vk_check(vkCreateImage(gpu.device(), &info, nullptr, &image.handle), "vkCreateImage"); !s)
    return s.error();

  VkMemoryRequirements requirements;
  vkGetImageMemoryRequirements(gpu.device(), image.handle, &requirements);
  auto allocation =
      gpu.memory->allocate(requirements, 0, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT, ResourceKind::Optimal);
  if (!allocation) {
    vkDestroyImage(gpu.device(), image.handle, nullptr);
    return allocation.error();
  }
  image.memory = *allocation;
  if (Status s = vk_check(vkBindImageMemory(gpu.device(), image.handle, image.memory.memory, image.memory.offset),
                          "vkBindImageMemory");
      !s) {
    destroy_image(gpu, image);
    return s.error();
  }

  VkImageViewCreateInfo view_info{VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO};
  view_info.image = image.handle;
  view_info.viewType = desc.view_type;
  view_info.format = desc.format;
  view_info.subresourceRange = {image.aspect, 0, image.desc.mip_levels, 0, image.desc.layers};
  if (Status s = vk_check(vkCreateImageView(gpu.device(), &view_info, nullptr, &image.view), "vkCreateImageView");
      !s) {
    destroy_image(gpu, image);
    return s.error();
  }
  if (image.desc.layers > 1 && (desc.usage & VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT)) {
    view_info.viewType = VK_IMAGE_VIEW_TYPE_2D;
    for (uint32_t layer = 0; layer < image.desc.layers; ++layer) {
      view_info.subresourceRange = {image.aspect, 0, 1, layer, 1};
      VkImageView layer_view = VK_NULL_HANDLE;
      if (Status s = vk_check(vkCreateImageView(gpu.device(), &view_info, nullptr, &layer_view), "vkCreateImageView");
          !s) {
        destroy_image(gpu, image);
        return s.error();
      }
      image.layer_views.push_back(layer_view);
    }
  }
  return image;
}

void destroy_image(Gpu& gpu, Image& image) {
  for (VkImageView layer_view : image.layer_views) vkDestroyImageView(gpu.device(), layer_view, nullptr);
  if (image.view) vkDestroyImageView(gpu.device(), image.view, nullptr);
  if (image.handle) vkDestroyImage(gpu.device(), image.handle, nullptr);
  gpu.memory->free(image.memory);
  image = Image{};
}

}  // namespace liyuan::gpu
