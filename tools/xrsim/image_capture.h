// Capture of submitted eye images: the views' swapchain images are copied to a host buffer on the application's
// queue (with the barriers the Vulkan validation layer expects) and written as <dir>/frame-<n>-eye-<k>.png.
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "objects.h"

namespace xrsim {

struct CapturedView {
  const Swapchain* swapchain = nullptr;
  uint32_t image_index = 0;
  uint32_t array_index = 0;
  XrRect2Di rect{};
};

// Writes VIEWS of frame FRAME to DIR (created if needed); appends the written paths to WRITTEN.
liyuan::Status capture_views(VulkanDevice& device, const std::vector<CapturedView>& views, const std::string& dir,
                             uint64_t frame, std::vector<std::string>& written);

}  // namespace xrsim
