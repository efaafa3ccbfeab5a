#include "present/window/swapchain.h"

#include <algorithm>

#include "core/log.h"
#include "gpu/vk_result.h"

namespace liyuan::present {
namespace {

VkSurfaceFormatKHR choose_format(const std::vector<VkSurfaceFormatKHR>& formats) {
  for (VkFormat wanted : {VK_FORMAT_B8G8R8A8_SRGB, VK_FORMAT_R8G8B8A8_SRGB})
    for (const VkSurfaceFormatKHR& format : formats)
      if (format.format == wanted && format.colorSpace == VK_COLOR_SPACE_SRGB_NONLINEAR_KHR) return format;
  log::warn("the window offers no sRGB format: colours will look too dark");
  return formats.front();
}

VkPresentModeKHR choose_present_mode(VkPhysicalDevice physical, VkSurfaceKHR surface, bool vsync) {
  if (vsync) return VK_PRESENT_MODE_FIFO_KHR;
  uint32_t count = 0;
  vkGetPhysicalDeviceSurfacePresentModesKHR(physical, surface, &count, nullptr);
  std::vector<VkPresentModeKHR> modes(count);
  vkGetPhysicalDeviceSurfacePresentModesKHR(physical, surface, &count, modes.data());
  for (VkPresentModeKHR wanted : {VK_PRESENT_MODE_MAILBOX_KHR, VK_PRESENT_MODE_IMMEDIATE_KHR})
    if (std::find(modes.begin(), modes.end(), wanted) != modes.end()) return wanted;
  return VK_PRESENT_MODE_FIFO_KHR;
}

void release_images(gpu::Gpu& gpu, Swapchain& swapchain) {
  for (gpu::Image& image : swapchain.images) vkDestroyImageView(gpu.device(), image.view, nullptr);
  for (VkSemaphore semaphore : swapchain.rendered) vkDestroySemaphore(gpu.device(), semaphore, nullptr);
  swapchain.images.clear();
  swapchain.rendered.clear();
}

}  // namespace

Result<bool> create_swapchain(gpu::Gpu& gpu, VkSurfaceKHR surface, VkExtent2D fallback, bool vsync,
                              Swapchain& swapchain) {
  VkPhysicalDevice physical = gpu.context->physical_device;
  VkBool32 supported = VK_FALSE;
  vkGetPhysicalDeviceSurfaceSupportKHR(physical, gpu.context->queue_family, surface, &supported);
  if (!supported) return make_error("the GPU's graphics queue cannot present to this window");
  VkSurfaceCapabilitiesKHR caps;
  if (Status s = gpu::vk_check(vkGetPhysicalDeviceSurfaceCapabilitiesKHR(physical, surface, &caps),
                               "vkGetPhysicalDeviceSurfaceCapabilitiesKHR");
      !s)
    return s.error();
  VkExtent2D extent = caps.currentExtent;
  if (extent.width == UINT32_MAX) {
    extent.width = std::clamp(fallback.width, caps.minImageExtent.width, caps.maxImageExtent.width);
    extent.height = std::clamp(fallback.height, caps.minImageExtent.height, caps.maxImageExtent.height);
  }
  if (extent.width == 0 || extent.height == 0) {
    destroy_swapchain(gpu, swapchain);
    return false;
  }
  VkImageUsageFlags usage = VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT;
  if ((caps.supportedUsageFlags & usage) != usage)
    return make_error("the window's swapchain images cannot be drawn into and copied to");

  uint32_t format_count = 0;
  vkGetPhysicalDeviceSurfaceFormatsKHR(physical, surface, &format_count, nullptr);
  std::vector<VkSurfaceFormatKHR> formats(format_count);
  vkGetPhysicalDeviceSurfaceFormatsKHR(physical, surface, &format_count, formats.data());
  if (formats.empty()) return make_error("the window offers no surface formats");
  VkSurfaceFormatKHR format = choose_format(formats);

  VkSwapchainCreateInfoKHR info{VK_STRUCTURE_TYPE_SWAPCHAIN_CREATE_INFO_KHR};
  info.surface = surface;
  info.minImageCount = caps.minImageCount + 1;
  if (caps.maxImageCount > 0) info.minImageCount = std::min(info.minImageCount, caps.maxImageCount);
  info.imageFormat = format.format;
  info.imageColorSpace = format.colorSpace;
  info.imageExtent = extent;
  info.imageArrayLayers = 1;
  info.imageUsage = usage;
  info.imageSharingMode = VK_SHARING_MODE_EXCLUSIVE;
  info.preTransform = caps.currentTransform;
  info.compositeAlpha = (caps.supportedCompositeAlpha & VK_COMPOSITE_ALPHA_OPAQUE_BIT_KHR)
                            ? VK_COMPOSITE_ALPHA_OPAQUE_BIT_KHR
                            : VkCompositeAlphaFlagBitsKHR(caps.supportedCompositeAlpha & -caps.supportedCompositeAlpha);
  info.presentMode = choose_present_mode(physical, surface, vsync);
  info.clipped = VK_TRUE;
  info.oldSwapchain = swapchain.handle;
  VkSwapchainKHR handle = VK_NULL_HANDLE;
  VkResult created = vkCreateSwapchainKHR(gpu.device(), &info, nullptr, &handle);
  destroy_swapchain(gpu, swapchain);
  if (Status s = gpu::vk_check(created, "vkCreateSwapchainKHR"); !s) return s.error();
  swapchain.handle = handle;
  swapchain.format = format.format;
  swapchain.extent = extent;
  swapchain.present_mode = info.presentMode;

  uint32_t image_count = 0;
  vkGetSwapchainImagesKHR(gpu.device(), handle, &image_count, nullptr);
  std::vector<VkImage> images(image_count);
  vkGetSwapchainImagesKHR(gpu.device(), handle, &image_count, images.data());
  for (VkImage vk_image : images) {
    gpu::Image image;
    image.handle = vk_image;
    image.desc.format = format.format;
    image.desc.width = extent.width;
    image.desc.height = extent.height;
    image.desc.mip_levels = 1;
    image.desc.layers = 1;
    image.desc.usage = usage;
    VkImageViewCreateInfo view{VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO};
    view.image = vk_image;
    view.viewType = VK_IMAGE_VIEW_TYPE_2D;
    view.format = format.format;
    view.subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1};
    VkResult made = vkCreateImageView(gpu.device(), &view, nullptr, &image.view);
    if (made == VK_SUCCESS) swapchain.images.push_back(image);
    VkSemaphoreCreateInfo semaphore_info{VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO};
    VkSemaphore semaphore = VK_NULL_HANDLE;
    if (made == VK_SUCCESS) made = vkCreateSemaphore(gpu.device(), &semaphore_info, nullptr, &semaphore);
    if (made == VK_SUCCESS) swapchain.rendered.push_back(semaphore);
    if (Status s = gpu::vk_check(made, "swapchain image view or semaphore"); !s) {
      destroy_swapchain(gpu, swapchain);
      return s.error();
    }
  }
  log::debug("swapchain {}x{}, {} images, present mode {}", extent.width, extent.height, image_count,
             int(info.presentMode));
  return true;
}

void destroy_swapchain(gpu::Gpu& gpu, Swapchain& swapchain) {
  release_images(gpu, swapchain);
  if (swapchain.handle) vkDestroySwapchainKHR(gpu.device(), swapchain.handle, nullptr);
  swapchain.handle = VK_NULL_HANDLE;
  swapchain.extent = {0, 0};
}

}  // namespace liyuan::present
