// Images with their default view, sub-allocated from the GPU's memory blocks.
#pragma once

#include <vulkan/vulkan.h>

#include <vector>

#include "core/error.h"
#include "gpu/gpu.h"
#include "gpu/memory.h"

namespace liyuan::gpu {

// Zero fields mean the default in brackets.
struct ImageDesc {
  VkFormat format = VK_FORMAT_UNDEFINED;
  uint32_t width = 0;
  uint32_t height = 0;
  uint32_t mip_levels = 0;  // [1]
  uint32_t layers = 0;      // [1]
  VkSampleCountFlagBits samples = VK_SAMPLE_COUNT_1_BIT;
  VkImageUsageFlags usage = 0;
  VkImageViewType view_type = VK_IMAGE_VIEW_TYPE_2D;  // use 2D_ARRAY for multiview targets
};

struct Image {
  VkImage handle = VK_NULL_HANDLE;
  VkImageView view = VK_NULL_HANDLE;     // every mip and layer
  std::vector<VkImageView> layer_views;  // layered colour attachments only: one 2D view of mip 0 per layer
  Allocation memory;
  ImageDesc desc;
  VkImageAspectFlags aspect = VK_IMAGE_ASPECT_COLOR_BIT;
};

// The number of levels in a full mip chain for WIDTH x HEIGHT (down to 1x1).
uint32_t full_mip_count(uint32_t width, uint32_t height);
// The aspect (depth, stencil or colour) of FORMAT.
VkImageAspectFlags format_aspect(VkFormat format);

// Creates a device-local, optimally tiled image as DESC says, a view over all its levels and layers, and for layered
// colour attachments a view per layer.
Result<Image> create_image(Gpu& gpu, const ImageDesc& desc);
// Destroys IMAGE, its view and returns its memory; leaves IMAGE empty. Safe on an empty image.
void destroy_image(Gpu& gpu, Image& image);

}  // namespace liyuan::gpu
