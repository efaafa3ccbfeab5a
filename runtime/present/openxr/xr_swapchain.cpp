#include "present/openxr/xr_swapchain.h"

#include "core/log.h"
#include "gpu/vk_result.h"
#include "present/openxr/xr_result.h"

namespace liyuan::present::xr {
namespace {

constexpr uint32_t kEyes = 2;

Result<VkImageView> create_view(gpu::Gpu& gpu, VkImage image, VkFormat format, VkImageAspectFlags aspect,
                                VkImageViewType type, uint32_t first_layer, uint32_t layers) {
  VkImageViewCreateInfo info{VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO};
  info.image = image;
  info.viewType = type;
  info.format = format;
  info.subresourceRange = {aspect, 0, 1, first_layer, layers};
  VkImageView view = VK_NULL_HANDLE;
  if (Status s = gpu::vk_check(vkCreateImageView(gpu.device(), &info, nullptr, &view), "vkCreateImageView"); !s)
    return s.error();
  return view;
}

}  // namespace

VkFormat choose_color_format(const std::vector<int64_t>& offered) {
  for (int64_t format : offered)
    if (format == VK_FORMAT_R8G8B8A8_SRGB || format == VK_FORMAT_B8G8R8A8_SRGB) return VkFormat(format);
  return VK_FORMAT_UNDEFINED;
}

Result<std::vector<int64_t>> swapchain_formats(XrSession session) {
  uint32_t count = 0;
  if (Status s = xr_check(xrEnumerateSwapchainFormats(session, 0, &count, nullptr), "xrEnumerateSwapchainFormats"); !s)
    return s.error();
  std::vector<int64_t> formats(count);
  if (Status s =
          xr_check(xrEnumerateSwapchainFormats(session, count, &count, formats.data()), "xrEnumerateSwapchainFormats");
      !s)
    return s.error();
  return formats;
}

Result<ArraySwapchain> create_array_swapchain(gpu::Gpu& gpu, XrSession session, VkFormat format, uint32_t width,
                                              uint32_t height) {
  const VkImageAspectFlags aspect = gpu::format_aspect(format);
  const bool depth = aspect != VK_IMAGE_ASPECT_COLOR_BIT;
  ArraySwapchain swapchain;
  swapchain.width = width;
  swapchain.height = height;
  XrSwapchainCreateInfo info{XR_TYPE_SWAPCHAIN_CREATE_INFO};
  info.usageFlags = depth ? XR_SWAPCHAIN_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT : XR_SWAPCHAIN_USAGE_COLOR_ATTACHMENT_BIT;
  info.format = format;
  info.sampleCount = 1;
  info.width = width;
  info.height = height;
  info.faceCount = 1;
  info.arraySize = kEyes;
  info.mipCount = 1;
  if (Status s = xr_check(xrCreateSwapchain(session, &info, &swapchain.handle), "xrCreateSwapchain"); !s)
    return s.error();

  uint32_t image_count = 0;
  XrResult result = xrEnumerateSwapchainImages(swapchain.handle, 0, &image_count, nullptr);
  std::vector<XrSwapchainImageVulkan2KHR> runtime_images(image_count, {XR_TYPE_SWAPCHAIN_IMAGE_VULKAN2_KHR});
  if (XR_SUCCEEDED(result))
    result = xrEnumerateSwapchainImages(swapchain.handle, image_count, &image_count,
                                        reinterpret_cast<XrSwapchainImageBaseHeader*>(runtime_images.data()));
  if (Status s = xr_check(result, "xrEnumerateSwapchainImages"); !s) {
    destroy_swapchain(gpu, swapchain);
    return s.error();
  }
  for (const auto& runtime_image : runtime_images) {
    gpu::Image image;
    image.handle = runtime_image.image;
    image.desc.format = format;
    image.desc.width = width;
    image.desc.height = height;
    image.desc.mip_levels = 1;
    image.desc.layers = kEyes;
    image.desc.usage = depth ? VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT : VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT;
    image.aspect = aspect;
    image.desc.view_type = VK_IMAGE_VIEW_TYPE_2D_ARRAY;
    auto whole = create_view(gpu, image.handle, format, aspect, VK_IMAGE_VIEW_TYPE_2D_ARRAY, 0, kEyes);
    if (!whole) {
      destroy_swapchain(gpu, swapchain);
      return whole.error();
    }
    image.view = *whole;
    swapchain.images.push_back(image);
    for (uint32_t layer = 0; layer < kEyes && !depth; ++layer) {
      auto view = create_view(gpu, image.handle, format, aspect, VK_IMAGE_VIEW_TYPE_2D, layer, 1);
      if (!view) {
        destroy_swapchain(gpu, swapchain);
        return view.error();
      }
      swapchain.images.back().layer_views.push_back(*view);
    }
  }
  log::debug("openxr: {} swapchain {}x{} x2 layers, {} images", depth ? "depth" : "colour", width, height, image_count);
  return swapchain;
}

void destroy_swapchain(gpu::Gpu& gpu, ArraySwapchain& swapchain) {
  for (gpu::Image& image : swapchain.images) {
    for (VkImageView view : image.layer_views) vkDestroyImageView(gpu.device(), view, nullptr);
    if (image.view) vkDestroyImageView(gpu.device(), image.view, nullptr);
  }
  if (swapchain.handle) xrDestroySwapchain(swapchain.handle);
  swapchain = {};
}

Status acquire_image(ArraySwapchain& swapchain) {
  XrSwapchainImageAcquireInfo acquire{XR_TYPE_SWAPCHAIN_IMAGE_ACQUIRE_INFO};
  uint32_t index = 0;
  if (Status s = xr_check(xrAcquireSwapchainImage(swapchain.handle, &acquire, &index), "xrAcquireSwapchainImage"); !s)
    return s;
  swapchain.acquired = index;
  XrSwapchainImageWaitInfo wait{XR_TYPE_SWAPCHAIN_IMAGE_WAIT_INFO};
  wait.timeout = XR_INFINITE_DURATION;
  return xr_check(xrWaitSwapchainImage(swapchain.handle, &wait), "xrWaitSwapchainImage");
}

Status release_image(ArraySwapchain& swapchain) {
  if (swapchain.acquired == UINT32_MAX) return {};
  swapchain.acquired = UINT32_MAX;
  XrSwapchainImageReleaseInfo release{XR_TYPE_SWAPCHAIN_IMAGE_RELEASE_INFO};
  return xr_check(xrReleaseSwapchainImage(swapchain.handle, &release), "xrReleaseSwapchainImage");
}

}  // namespace liyuan::present::xr
