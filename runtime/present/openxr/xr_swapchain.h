// The images the headset shows: one array swapchain with a layer per eye (rendered in one multiview pass), its
// images wrapped as gpu::Image with a view per layer; with XR_KHR_composition_layer_depth a depth array swapchain
// beside it. The runtime owns the images; we own only the views.
#pragma once

#include <vector>

#include "core/error.h"
#include "gpu/gpu.h"
#include "gpu/image.h"
#include "present/openxr/xr_headers.h"

namespace liyuan::present::xr {

// The colour format to ask for among the runtime's OFFERED formats (in its order of preference): an sRGB 8-bit
// format, so that tone mapping encodes for free; VK_FORMAT_UNDEFINED when none is offered.
VkFormat choose_color_format(const std::vector<int64_t>& offered);

struct ArraySwapchain {
  XrSwapchain handle = XR_NULL_HANDLE;
  std::vector<gpu::Image> images;  // one per runtime image, each with two layer views
  uint32_t width = 0;
  uint32_t height = 0;
  uint32_t acquired = UINT32_MAX;  // the image acquired for this frame, or UINT32_MAX
};

// The formats SESSION offers for swapchains, in the runtime's order of preference.
Result<std::vector<int64_t>> swapchain_formats(XrSession session);

// Creates a two-layer swapchain of FORMAT (colour, or depth when FORMAT is a depth format) and WIDTH x HEIGHT on
// SESSION, and wraps its images.
Result<ArraySwapchain> create_array_swapchain(gpu::Gpu& gpu, XrSession session, VkFormat format, uint32_t width,
                                              uint32_t height);
// Destroys the views and the swapchain; leaves SWAPCHAIN empty.
void destroy_swapchain(gpu::Gpu& gpu, ArraySwapchain& swapchain);

// Acquires the next image and waits until it may be written; sets swapchain.acquired.
Status acquire_image(ArraySwapchain& swapchain);
// Releases the acquired image back to the runtime (the commands writing it must have been submitted).
Status release_image(ArraySwapchain& swapchain);

}  // namespace liyuan::present::xr
