// The headset presenter: drives any conformant OpenXR runtime through the standard loader. Per frame, in the spec's
// order:
//
//   poll events (session state) → xrWaitFrame → xrBeginFrame → locate eyes, head and controllers at the predicted
//   display time → acquire the array swapchain image → [the app records both eyes in one multiview pass]
//   → submit and wait → release → xrEndFrame with a projection layer (an empty layer list when nothing was drawn)
//
// No GPU work is asked for when the runtime says shouldRender is false. A lost session is destroyed and made again
// when the system is back; EXITING (or the runtime going away) ends the show.
#pragma once

#include <chrono>
#include <memory>

#include "present/openxr/xr_input.h"
#include "present/openxr/xr_instance.h"
#include "present/openxr/xr_presence.h"
#include "present/openxr/xr_session.h"
#include "present/openxr/xr_space.h"
#include "present/openxr/xr_swapchain.h"
#include "present/presenter.h"

namespace liyuan::present {

// The near plane of both eyes when depth goes to the compositor, in metres.
inline constexpr float kXrNearPlane = 0.05f;

struct XrPresenterOptions {
  double snap_turn_degrees = 30.0;  // one snap turn
  // A head that holds perfectly still this long means the headset is off (0: never judge by stillness).
  double absent_after_still = 20.0;
};

class XrPresenter final : public Presenter {
 public:
  // Connects to the OpenXR runtime and finds the headset; returns null and fills WHY when there is none.
  static std::unique_ptr<XrPresenter> connect(const XrPresenterOptions& options, xr::XrUnavailable& why);
  ~XrPresenter() override;

  const char* name() const override { return "xr"; }
  // Creates the Vulkan instance and device through the runtime (XR_KHR_vulkan_enable2).
  Status prepare_context(gpu::ContextDesc& desc) override;
  // Creates the session, the stage space, the swapchain and attaches the controllers' actions.
  Status init(gpu::Gpu& gpu) override;
  Result<PresenterFrame> begin_frame() override;
  Result<PresenterEvents> end_frame(bool rendered) override;
  // A haptic pulse on the hand that selected.
  void on_hotspot_selected() override;
  void on_frame_drawn(const DrawnFrame& frame) override { depth_written_ = frame.depth_written; }
  // Asks the runtime to end the session, destroys it and what hangs off it, and adds the OpenXR validation messages
  // to the Vulkan validation report (so that commands exit with kExitValidation on either).
  void shutdown() override;

 private:
  explicit XrPresenter(const XrPresenterOptions& options) : options_(options), stillness_(options.absent_after_still) {}
  Status start_session();
  void stop_session();
  Status try_restart_session();
  void advance_clock_by_wall_time();
  // XR_ERROR_SESSION_LOST from a frame call: the session goes and a new one is made when the system is back.
  bool lose_session_on(XrResult result);
  // A frame with nothing to draw while there is no running session (waits a little, advances the clock by wall time).
  PresenterFrame idle_frame(PresenterFrame& frame);
  Status locate(const XrFrameState& state, PresenterFrame& frame);
  PresenterEvents pending_events();

  XrPresenterOptions options_;
  std::unique_ptr<xr::XrRuntime> runtime_;  // destroyed last (members below hang off it)
  xr::ControllerInput input_;
  gpu::Gpu* gpu_ = nullptr;
  std::shared_ptr<gpu::ValidationReport> vulkan_report_;
  xr::Session session_;
  xr::StageSpaces spaces_;
  xr::ArraySwapchain swapchain_;
  xr::ArraySwapchain depth_swapchain_;  // empty unless the runtime takes depth layers in our depth format
  XrEnvironmentBlendMode blend_mode_ = XR_ENVIRONMENT_BLEND_MODE_OPAQUE;
  uint32_t width_ = 0, height_ = 0;  // fixed for the whole run: the renderer is made for it

  // This frame.
  bool frame_begun_ = false;
  XrTime predicted_time_ = 0;
  XrView views_[2]{{XR_TYPE_VIEW}, {XR_TYPE_VIEW}};
  VkCommandBuffer commands_ = VK_NULL_HANDLE;
  std::vector<InputEvent> input_events_;

  // The presenter's clock (seconds): predicted display times while the session runs, wall time while it does not.
  double clock_ = 0.0;
  XrTime previous_predicted_ = 0;
  std::chrono::steady_clock::time_point previous_wall_ = std::chrono::steady_clock::now();

  bool quit_ = false;
  bool lost_ = false;
  bool depth_written_ = false;  // the last frame drawn resolved its depth: submit it with the colour
  bool seen_ = false;         // the session has been visible: from then on, not visible means the headset is off
  bool user_present_ = true;  // XR_EXT_user_presence
  bool head_still_ = false;
  xr::HeadStillness stillness_;
  bool messages_counted_ = false;
};

}  // namespace liyuan::present
