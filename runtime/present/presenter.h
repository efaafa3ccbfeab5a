// One interface for every way a frame reaches a person: a headset (OpenXR), a window, a kiosk, or an image file.
//
//   init(gpu) → begin_frame() → render into frame.target (or skip) → end_frame() → events … → shutdown()
//
// The presenter owns the command buffer of each frame, so that it can tie the submission to its own
// synchronisation (swapchain semaphores, XR frame timing); the app records the renderer's work into it.
#pragma once

#include <vulkan/vulkan.h>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "gpu/barriers.h"
#include "gpu/gpu.h"
#include "gpu/context.h"
#include "gpu/image.h"
#include "present/input.h"
#include "render/views.h"

namespace liyuan::present {

struct PresenterFrame {
  bool should_render = true;            // false: skip rendering, still call end_frame()
  VkCommandBuffer commands = VK_NULL_HANDLE;  // recording; the presenter submits it in end_frame()
  const gpu::Image* target = nullptr;   // one layer per view, sRGB; its desc gives the size and format
  gpu::ImageUse target_use;             // the target's use when handed out
  gpu::ImageUse target_use_after;       // the use the presenter expects after rendering
  uint32_t view_count = 1;
  // Eye poses from the device (headsets). Empty: the app chooses the views (timeline camera, turntable framing).
  std::vector<render::View> device_views;
  // Seconds on the presenter's clock when this frame will be seen: the headset's predicted display time, the window's
  // clock, or frame index / fps offscreen. The app advances the show by the difference between frames.
  double display_time = 0.0;
  // Seconds until the frame after this one is seen (sound is scheduled that far ahead).
  double display_period = 1.0 / 60.0;
  // Headsets that composite with depth: an image with one depth layer per view for the renderer to resolve its depth
  // into (render::FrameInput::depth_output), and the near plane, in metres, every view must then use. Null: none.
  const gpu::Image* depth_target = nullptr;
  float near_plane = 0.0f;
  // The device views are already in world space (a window's free-roam camera), not the visitor's stage space.
  bool views_in_world = false;
};

struct PresenterEvents {
  bool quit = false;
  bool focus_lost = false;
  bool visitor_absent = false;
  std::vector<InputEvent> input;  // what the visitor or curator asked for since the last frame, in order
};

// What the app drew in a frame and where the show stands, for presenters that need it: a window turns a click into a
// ray through these views, starts free roam from them and shows the heads-up display; a kiosk writes its status.
// Everything is only valid during the on_frame_drawn() call.
struct DrawnFrame {
  std::span<const render::View> views;  // the views just recorded, in world space
  double timeline_time = 0.0;
  int32_t chapter = -1;            // -1 before the first chapter or for a bare relic
  std::string_view chapter_name;   // empty with no chapter
  bool paused = false;
  bool hud = false;                // the curator asked for the heads-up display
  bool visitor_present = true;     // false while the attract section loops
  std::string_view locale;         // the visitor's language
  std::span<const std::string> locales;  // the exhibition's locales, default first
  bool depth_written = false;      // the frame's depth went into PresenterFrame::depth_target
};

class Presenter {
 public:
  virtual ~Presenter() = default;
  // A short name for logs: "offscreen", "window", "xr", "kiosk".
  virtual const char* name() const = 0;
  // Adds what this presenter needs to the Vulkan context before it is created: extensions (a window's surface and
  // swapchain) or creation hooks (OpenXR creates the instance and device itself). Called once, before init().
  virtual Status prepare_context(gpu::ContextDesc& desc) {
    (void)desc;
    return {};
  }
  // Prepares targets on GPU. Called once, before any frame.
  virtual Status init(gpu::Gpu& gpu) = 0;
  // Starts a frame; see PresenterFrame.
  virtual Result<PresenterFrame> begin_frame() = 0;
  // Ends the frame begun last: submits its commands and shows (or keeps) the result when RENDERED, else hands the
  // frame back with nothing drawn (should_render was false, or the app stopped).
  virtual Result<PresenterEvents> end_frame(bool rendered) = 0;
  // The app recorded FRAME into this frame's commands (called between begin_frame() and end_frame()).
  virtual void on_frame_drawn(const DrawnFrame& frame) { (void)frame; }
  // A line to show the visitor over the picture now (a kiosk's language choice); empty: none.
  virtual std::string prompt() const { return {}; }
  // The visitor selected a hotspot: a headset pulses the controller.
  virtual void on_hotspot_selected() {}
  // Releases GPU objects; the Gpu outlives this call.
  virtual void shutdown() = 0;
};

}  // namespace liyuan::present
