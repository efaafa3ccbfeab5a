#include "render/render_targets.h"

#include "gpu/vk_result.h"

namespace liyuan::render {

VkSampleCountFlagBits choose_sample_count(const gpu::Gpu& gpu) {
  const VkPhysicalDeviceLimits& limits = gpu.context->properties.limits;
  VkSampleCountFlags supported = limits.framebufferColorSampleCounts & limits.framebufferDepthSampleCounts;
  if (supported & VK_SAMPLE_COUNT_4_BIT) return VK_SAMPLE_COUNT_4_BIT;
  if (supported & VK_SAMPLE_COUNT_2_BIT) return VK_SAMPLE_COUNT_2_BIT;
  return VK_SAMPLE_COUNT_1_BIT;
}

Result<RenderTargets> create_render_targets(gpu::Gpu& gpu, uint32_t width, uint32_t height, uint32_t views,
                                            VkSampleCountFlagBits samples, bool resolve_by_command) {
  RenderTargets targets;
  targets.width = width;
  targets.height = height;
  targets.views = views;
  targets.samples = samples;
  targets.resolve_by_command = resolve_by_command;
  gpu::ImageDesc desc;
  desc.width = width;
  desc.height = height;
  desc.layers = views;
  desc.view_type = VK_IMAGE_VIEW_TYPE_2D_ARRAY;

  desc.format = kHdrFormat;
  desc.samples = samples;
  desc.usage = VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT |
               (resolve_by_command ? VK_IMAGE_USAGE_TRANSFER_SRC_BIT : VK_IMAGE_USAGE_TRANSIENT_ATTACHMENT_BIT);
  auto color = gpu::create_image(gpu, desc);
  if (!color) return color.error();
  targets.color = *color;

  desc.format = kDepthFormat;
  desc.usage = VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSIENT_ATTACHMENT_BIT;
  auto depth = gpu::create_image(gpu, desc);
  if (!depth) {
    destroy_render_targets(gpu, targets);
    return depth.error();
  }
  targets.depth = *depth;
  VkImageViewCreateInfo layer_view{VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO};
  layer_view.image = targets.depth.handle;
  layer_view.viewType = VK_IMAGE_VIEW_TYPE_2D;
  layer_view.format = kDepthFormat;
  for (uint32_t layer = 0; layer < views; ++layer) {
    layer_view.subresourceRange = {targets.depth.aspect, 0, 1, layer, 1};
    VkImageView view = VK_NULL_HANDLE;
    if (Status s = gpu::vk_check(vkCreateImageView(gpu.device(), &layer_view, nullptr, &view), "vkCreateImageView");
        !s) {
      destroy_render_targets(gpu, targets);
      return s.error();
    }
    targets.depth_layer_views.push_back(view);
  }

  desc.format = kHdrFormat;
  desc.samples = VK_SAMPLE_COUNT_1_BIT;
  desc.usage = VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_SAMPLED_BIT |
               (resolve_by_command ? VK_IMAGE_USAGE_TRANSFER_DST_BIT : 0);
  auto resolved = gpu::create_image(gpu, desc);
  if (!resolved) {
    destroy_render_targets(gpu, targets);
    return resolved.error();
  }
  targets.resolved = *resolved;
  return targets;
}

void destroy_render_targets(gpu::Gpu& gpu, RenderTargets& targets) {
  gpu::destroy_image(gpu, targets.color);
  for (VkImageView view : targets.depth_layer_views) vkDestroyImageView(gpu.device(), view, nullptr);
  targets.depth_layer_views.clear();
  gpu::destroy_image(gpu, targets.depth);
  gpu::destroy_image(gpu, targets.resolved);
}

}  // namespace liyuan::render
