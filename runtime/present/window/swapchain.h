// A window surface's swapchain: made for the surface's current size, made again when the surface changes (a resize,
// an out-of-date or suboptimal present). Its images are wrapped as gpu::Image (handle, view, desc) so the renderer
// draws into them like any target; their memory belongs to the swapchain.
#pragma once

#include <vulkan/vulkan.h>

#include <vector>

#include "core/error.h"
#include "gpu/gpu.h"
#include "gpu/image.h"

namespace liyuan::present {

struct Swapchain {
  VkSwapchainKHR handle = VK_NULL_HANDLE;
  VkFormat format = VK_FORMAT_UNDEFINED;
  VkExtent2D extent{0, 0};
  VkPresentModeKHR present_mode = VK_PRESENT_MODE_FIFO_KHR;
  std::vector<gpu::Image> images;
  // One "rendering finished" semaphore per image: the presentation engine may still wait on an image's semaphore
  // when another image is acquired, so one shared semaphore would be reused too early.
  std::vector<VkSemaphore> rendered;
};

// (Re)creates SWAPCHAIN for SURFACE at the surface's current extent (FALLBACK when the surface leaves it to us):
// an sRGB BGRA/RGBA format, FIFO with VSYNC (vsync; always available) else mailbox or immediate, colour-attachment
// and transfer-destination usage. An existing swapchain is handed over as oldSwapchain and then destroyed; the
// device must be idle. Returns false in the value when the surface has no area (a minimised window): SWAPCHAIN is
// then empty.
Result<bool> create_swapchain(gpu::Gpu& gpu, VkSurfaceKHR surface, VkExtent2D fallback, bool vsync,
                              Swapchain& swapchain);
// Destroys SWAPCHAIN's views, semaphores and the swapchain; leaves it empty. The device must be idle.
void destroy_swapchain(gpu::Gpu& gpu, Swapchain& swapchain);

}  // namespace liyuan::present
