// The presenter for a desktop window (GLFW): a Vulkan swapchain that survives resizing, minimising and out-of-date
// surfaces, vsync by default, mono or both eyes side by side; keyboard, mouse and gamepad become shared commands
// (window_input.h), with a guided camera (the timeline's) or free roam (free_roam.h).
//
// One frame in flight: the renderer writes its uniforms at record time, so begin_frame() waits for the previous
// frame's fence before handing out a new command buffer. Simple and correct; a second frame in flight would need
// per-frame renderer resources.
#pragma once

#include <vulkan/vulkan.h>

#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "present/presenter.h"
#include "present/window/free_roam.h"
#include "present/window/swapchain.h"
#include "present/window/window_input.h"

struct GLFWwindow;

namespace liyuan::present {

struct WindowDesc {
  uint32_t width = 1280;  // client area (both eyes together with STEREO)
  uint32_t height = 720;
  bool stereo = false;      // both eyes side by side, left eye on the left
  bool vsync = true;        // FIFO; false: mailbox or immediate where offered
  bool fullscreen = false;  // on the primary monitor at its current mode
  bool hide_cursor = false;
  // > 0: display_time advances by 1 / fixed_fps per frame instead of following the clock (deterministic tests).
  double fixed_fps = 0.0;
  std::string title = "Liyuan";
};

class WindowPresenter final : public Presenter {
 public:
  // Opens the window. Fails with one line saying why when there is no display (no DISPLAY or WAYLAND_DISPLAY, or
  // the display cannot be opened) or GLFW finds no Vulkan loader.
  static Result<std::unique_ptr<WindowPresenter>> open(const WindowDesc& desc);
  ~WindowPresenter() override;

  const char* name() const override { return "window"; }
  // Adds the surface instance extensions GLFW needs and VK_KHR_swapchain.
  Status prepare_context(gpu::ContextDesc& desc) override;
  Status init(gpu::Gpu& gpu) override;
  // Waits for the previous frame, (re)makes the swapchain when needed and acquires an image. While minimised it
  // waits briefly for events and returns should_render = false, so the loop does not spin.
  Result<PresenterFrame> begin_frame() override;
  // Submits and presents (a frame not rendered is presented cleared to black), then polls input.
  Result<PresenterEvents> end_frame(bool rendered) override;
  void on_frame_drawn(const DrawnFrame& frame) override;
  void shutdown() override;

  // The window, for tests (resize, position) and the kiosk.
  GLFWwindow* window() const { return window_; }
  // Frames handed to the presentation engine so far.
  uint64_t frames_presented() const { return frames_presented_; }
  // Times the swapchain was made (the first time included).
  uint32_t swapchain_generations() const { return swapchain_generations_; }
  // Input of the last end_frame() as the window's devices gave it (keys included), for a presenter that wraps this
  // one (the kiosk).
  const WindowFrameInput& last_input() const { return last_input_; }
  // The swapchain's size now (0 x 0 while minimised or before the first frame).
  VkExtent2D extent() const { return swapchain_.extent; }
  // The window's title as last set (the HUD shows in it).
  const std::string& title() const { return shown_title_; }
  // The views of the last frame drawn, in world space (clicks go through them).
  const std::vector<render::View>& last_views() const { return last_views_; }
  // Whether the free-roam camera supplies the views (else the show's camera does).
  bool free_roam() const { return free_roam_; }

 private:
  explicit WindowPresenter(const WindowDesc& desc) : desc_(desc) {}
  Status remake_swapchain();
  Status make_stereo_target();
  void record_stereo_copy(VkCommandBuffer commands, const gpu::Image& image);
  void record_clear(VkCommandBuffer commands, const gpu::Image& image);
  void wait_for_previous_frame();
  InputEvent ray_through_cursor(const InputEvent& click) const;
  void update_title(const DrawnFrame& frame);
  void toggle_fullscreen();
  double clock_seconds() const;

  WindowDesc desc_;
  GLFWwindow* window_ = nullptr;
  WindowInput input_;
  gpu::Gpu* gpu_ = nullptr;
  VkSurfaceKHR surface_ = VK_NULL_HANDLE;
  Swapchain swapchain_;
  gpu::Image stereo_target_;  // two layers, half the window's width each
  VkSemaphore acquired_ = VK_NULL_HANDLE;
  VkFence frame_done_ = VK_NULL_HANDLE;
  bool fence_pending_ = false;
  VkCommandBuffer commands_ = VK_NULL_HANDLE;
  std::optional<uint32_t> image_index_;  // the acquired image of the frame in progress
  bool remake_needed_ = true;
  bool resized_ = false;
  uint64_t frame_index_ = 0;
  uint64_t frames_presented_ = 0;
  uint32_t swapchain_generations_ = 0;
  double start_seconds_ = 0.0;
  double last_display_time_ = 0.0;
  double frame_seconds_ = 0.0;  // the last frame's duration on the clock, for the HUD
  int windowed_x_ = 0, windowed_y_ = 0, windowed_width_ = 0, windowed_height_ = 0;

  WindowFrameInput last_input_;
  FreeRoamCamera camera_;
  bool free_roam_ = false;
  std::vector<render::View> last_views_;  // as last drawn, for clicks and the start of free roam
  std::string shown_title_;
  double hud_updated_at_ = -1.0;
};

}  // namespace liyuan::present
