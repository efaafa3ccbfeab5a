#include "render/render_targets.h"

namespace liyuan::render {

VkSampleCountFlagBits choose_sample_count(const gpu::Gpu& gpu) {
  const VkPhysicalDeviceLimits& limits = gpu.context->properties.limits;
  VkSampleCountFlags supported = limits.framebufferColorSampleCounts & limits.framebufferDepthSampleCounts;
  if (supported & VK_SAMPLE_COUNT_4_BIT) return VK_SAMPLE_COUNT_4_BIT;
  if (supported & VK_SAMPLE_COUNT_2_BIT) return VK_SAMPLE_COUNT_2_BIT;
  return VK_SAMPLE_COUNT_1_BIT;
}

Result<RenderTargets> create_render_targets(gpu::Gpu& gpu, uint32_t width, uint32_t height, uint32_t views,
                                            VkSampleCountFlagBits samples) {
  RenderTargets targets;
  targets.width = width;
  targets.height = height;
  targets.views = views;
  targets.samples = samples;
  gpu::ImageDesc desc;
  desc.width = width;
  desc.height = height;
  desc.layers = views;
  desc.view_type = VK_IMAGE_VIEW_TYPE_2D_ARRAY;

  desc.format = kHdrFormat;
  desc.samples = samples;
  desc.usage = VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSIENT_ATTACHMENT_BIT;
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

  desc.format = kHdrFormat;
  desc.samples = VK_SAMPLE_COUNT_1_BIT;
  desc.usage = VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_SAMPLED_BIT;
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
  gpu::destroy_image(gpu, targets.depth);
  gpu::destroy_image(gpu, targets.resolved);
}

}  // namespace liyuan::render
