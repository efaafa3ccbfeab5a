// One interface for every way a frame reaches a person: a headset (OpenXR), a window, a kiosk, or an image file.
//
//   init(gpu) → begin_frame() → render into frame.target (or skip) → end_frame() → events … → shutdown()
//
// The presenter owns the command buffer of each frame, so that it can tie the submission to its own
// synchronisation (swapchain semaphores, XR frame timing); the app records the renderer's work into it.
#pragma once

#include <vulkan/vulkan.h>

#include <optional>
#include <vector>

#include "core/error.h"
#include "gpu/barriers.h"
#include "gpu/gpu.h"
#include "gpu/image.h"
#include "render/views.h"

namespace liyuan::present {

struct PresenterFrame {
  bool should_render = true;            // false: skip rendering, still call end_frame()
  VkCommandBuffer commands = VK_NULL_HANDLE;  // recording; the presenter submits it in end_frame()
  const gpu::Image* target = nullptr;   // one layer per view, sRGB
  gpu::ImageUse target_use;             // the target's use when handed out
  gpu::ImageUse target_use_after;       // the use the presenter expects after rendering
  uint32_t view_count = 1;
  // Eye poses from the device (headsets). Empty: the app chooses the views (timeline camera, turntable framing).
  std::vector<render::View> device_views;
  double display_time = 0.0;            // seconds, when this frame will be seen
};

struct PresenterEvents {
  bool quit = false;
  bool focus_lost = false;
  bool visitor_absent = false;
};

class Presenter {
 public:
  virtual ~Presenter() = default;
  // A short name for logs: "offscreen", "window", "xr", "kiosk".
  virtual const char* name() const = 0;
  // Prepares targets on GPU. Called once, before any frame.
  virtual Status init(gpu::Gpu& gpu) = 0;
  // Starts a frame; see PresenterFrame.
  virtual Result<PresenterFrame> begin_frame() = 0;
  // Submits the frame's commands and shows (or keeps) the result.
  virtual Result<PresenterEvents> end_frame() = 0;
  // Releases GPU objects; the Gpu outlives this call.
  virtual void shutdown() = 0;
};

}  // namespace liyuan::present
