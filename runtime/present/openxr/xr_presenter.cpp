#include "present/openxr/xr_presenter.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <thread>

#include "core/log.h"
#include "gpu/commands.h"
#include "present/openxr/xr_result.h"
#include "present/openxr/xr_vulkan.h"
#include "render/render_targets.h"

namespace liyuan::present {
namespace {

constexpr double kNanoseconds = 1e-9;
constexpr auto kIdleWait = std::chrono::milliseconds(10);  // between polls while the session is not running

render::View to_view(const XrView& view) {
  render::View result;
  result.world_from_eye = xr::pose_matrix(view.pose);
  result.fov = {view.fov.angleLeft, view.fov.angleRight, view.fov.angleUp, view.fov.angleDown};
  return result;
}

}  // namespace

std::unique_ptr<XrPresenter> XrPresenter::connect(const XrPresenterOptions& options, xr::XrUnavailable& why) {
  auto runtime = xr::connect_to_runtime(why);
  if (!runtime) return nullptr;
  std::unique_ptr<XrPresenter> presenter(new XrPresenter(options));
  presenter->runtime_ = std::move(runtime);
  const xr::HmdSystem& system = presenter->runtime_->system;
  log::info("openxr: {} on {}, {}x{} per eye{}{}", system.name, presenter->runtime_->runtime_name,
            system.eyes[0].recommendedImageRectWidth, system.eyes[0].recommendedImageRectHeight,
            presenter->runtime_->depth_layers ? ", depth layers offered" : "",
            system.user_presence ? ", user presence" : "");
  if (Status s = presenter->input_.create(*presenter->runtime_, options.snap_turn_degrees * M_PI / 180.0); !s) {
    why = {XR_ERROR_RUNTIME_FAILURE, s.error().message};
    return nullptr;
  }
  return presenter;
}

XrPresenter::~XrPresenter() {
  shutdown();
}

Status XrPresenter::prepare_context(gpu::ContextDesc& desc) {
  return xr::add_vulkan_hooks(*runtime_, desc);
}

Status XrPresenter::init(gpu::Gpu& gpu) {
  gpu_ = &gpu;
  vulkan_report_ = gpu.context->validation_report;
  const xr::HmdSystem& system = runtime_->system;
  width_ = std::max(system.eyes[0].recommendedImageRectWidth, system.eyes[1].recommendedImageRectWidth);
  height_ = std::max(system.eyes[0].recommendedImageRectHeight, system.eyes[1].recommendedImageRectHeight);
  if (width_ == 0 || height_ == 0) return make_error("the OpenXR runtime recommends an empty eye image");
  return start_session();
}

Status XrPresenter::start_session() {
  if (Status s = session_.create(*runtime_, *gpu_); !s) return s;
  uint32_t count = 0;
  XrResult result = xrEnumerateEnvironmentBlendModes(runtime_->instance, runtime_->system.id,
                                                     XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO, 0, &count, nullptr);
  std::vector<XrEnvironmentBlendMode> modes(count);
  if (XR_SUCCEEDED(result))
    result = xrEnumerateEnvironmentBlendModes(runtime_->instance, runtime_->system.id,
                                              XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO, count, &count, modes.data());
  if (Status s = xr::xr_check(result, "xrEnumerateEnvironmentBlendModes"); !s) return s;
  if (modes.empty()) return make_error("the OpenXR runtime offers no environment blend mode");
  blend_mode_ = std::find(modes.begin(), modes.end(), XR_ENVIRONMENT_BLEND_MODE_OPAQUE) != modes.end()
                    ? XR_ENVIRONMENT_BLEND_MODE_OPAQUE
                    : modes.front();

  auto spaces = xr::create_stage_spaces(session_.handle());
  if (!spaces) return spaces.error();
  spaces_ = *spaces;
  auto formats = xr::swapchain_formats(session_.handle());
  if (!formats) return formats.error();
  VkFormat color_format = xr::choose_color_format(*formats);
  if (color_format == VK_FORMAT_UNDEFINED)
    return make_error("the OpenXR runtime offers no sRGB colour swapchain format (R8G8B8A8_SRGB or B8G8R8A8_SRGB)");
  auto swapchain = xr::create_array_swapchain(*gpu_, session_.handle(), color_format, width_, height_);
  if (!swapchain) return swapchain.error();
  swapchain_ = std::move(*swapchain);
  bool depth_format = std::find(formats->begin(), formats->end(), int64_t(render::kDepthFormat)) != formats->end();
  if (runtime_->depth_layers && depth_format) {
    auto depth = xr::create_array_swapchain(*gpu_, session_.handle(), render::kDepthFormat, width_, height_);
    if (!depth) return depth.error();
    depth_swapchain_ = std::move(*depth);
  }
  if (Status s = input_.attach(session_.handle()); !s) return s;
  stillness_.reset();
  previous_predicted_ = 0;
  return {};
}

void XrPresenter::stop_session() {
  if (gpu_) vkDeviceWaitIdle(gpu_->device());
  input_.detach();
  if (gpu_) {
    xr::destroy_swapchain(*gpu_, swapchain_);
    xr::destroy_swapchain(*gpu_, depth_swapchain_);
  }
  xr::destroy_stage_spaces(spaces_);
  session_.destroy();
}

// After a loss: a new session once the runtime finds the headset again, on the same Vulkan device.
Status XrPresenter::try_restart_session() {
  XrResult found = xr::find_hmd(*runtime_);
  if (found == XR_ERROR_FORM_FACTOR_UNAVAILABLE) return {};  // not back yet
  if (Status s = xr::xr_check(found, "xrGetSystem"); !s) return s;
  if (Status s = xr::check_vulkan_requirements(*runtime_); !s) return s;
  auto physical = xr::runtime_physical_device(*runtime_, gpu_->context->instance);
  if (!physical) return physical.error();
  if (*physical != gpu_->context->physical_device)
    return make_error("after the session was lost the OpenXR runtime wants another GPU; restart Liyuan");
  if (Status s = start_session(); !s) return s;
  lost_ = false;
  log::info("openxr: a new session after the loss");
  return {};
}

void XrPresenter::advance_clock_by_wall_time() {
  auto now = std::chrono::steady_clock::now();
  clock_ += std::chrono::duration<double>(now - previous_wall_).count();
  previous_wall_ = now;
}

Status XrPresenter::locate(const XrFrameState& state, PresenterFrame& frame) {
  XrViewLocateInfo locate{XR_TYPE_VIEW_LOCATE_INFO};
  locate.viewConfigurationType = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO;
  locate.displayTime = state.predictedDisplayTime;
  locate.space = spaces_.stage;
  XrViewState view_state{XR_TYPE_VIEW_STATE};
  uint32_t count = 0;
  views_[0] = views_[1] = XrView{XR_TYPE_VIEW};
  if (Status s =
          xr::xr_check(xrLocateViews(session_.handle(), &locate, &view_state, 2, &count, views_), "xrLocateViews");
      !s)
    return s;
  const XrViewStateFlags needed = XR_VIEW_STATE_ORIENTATION_VALID_BIT | XR_VIEW_STATE_POSITION_VALID_BIT;
  if (count != 2 || (view_state.viewStateFlags & needed) != needed) {
    frame.should_render = false;  // eyes not tracked: nothing sensible to draw
    return {};
  }
  frame.device_views = {to_view(views_[0]), to_view(views_[1])};

  XrSpaceLocation head{XR_TYPE_SPACE_LOCATION};
  if (Status s =
          xr::xr_check(xrLocateSpace(spaces_.head, spaces_.stage, state.predictedDisplayTime, &head), "xrLocateSpace");
      !s)
    return s;
  const XrSpaceLocationFlags tracked = XR_SPACE_LOCATION_POSITION_VALID_BIT | XR_SPACE_LOCATION_ORIENTATION_VALID_BIT;
  if ((head.locationFlags & tracked) == tracked) {
    const XrPosef& pose = head.pose;
    head_still_ =
        stillness_.update(vec3(pose.position.x, pose.position.y, pose.position.z),
                          quat(pose.orientation.w, pose.orientation.x, pose.orientation.y, pose.orientation.z),
                          std::max(0.0, double(state.predictedDisplayTime - previous_predicted_) * kNanoseconds));
  }
  return {};
}

bool XrPresenter::lose_session_on(XrResult result) {
  if (result != XR_ERROR_SESSION_LOST) return false;
  log::warn("openxr: the session is lost (XR_ERROR_SESSION_LOST): making a new one");
  stop_session();
  lost_ = true;
  frame_begun_ = false;
  return true;
}

PresenterFrame XrPresenter::idle_frame(PresenterFrame& frame) {
  std::this_thread::sleep_for(kIdleWait);
  advance_clock_by_wall_time();
  frame.display_time = clock_;
  return frame;
}

Result<PresenterFrame> XrPresenter::begin_frame() {
  PresenterFrame frame;
  frame.should_render = false;
  frame.view_count = 2;
  frame.target_use = frame.target_use_after = gpu::use::kUndefined;
  frame_begun_ = false;
  input_events_.clear();

  auto events = session_.poll();  // also between sessions: drains what the lost one left behind
  if (!events) return events.error();
  if (events->presence_changed) {
    user_present_ = events->user_present;
    log::info("openxr: the headset says the visitor is {}", user_present_ ? "here" : "gone");
  }
  if (events->quit) {
    quit_ = true;
    stop_session();
  } else if (events->lost) {
    stop_session();
    lost_ = true;
  }
  if (lost_ && !quit_)
    if (Status s = try_restart_session(); !s) return s.error();

  if (quit_ || lost_ || !session_.running()) return idle_frame(frame);

  XrFrameWaitInfo wait_info{XR_TYPE_FRAME_WAIT_INFO};
  XrFrameState state{XR_TYPE_FRAME_STATE};
  XrResult waited = xrWaitFrame(session_.handle(), &wait_info, &state);
  if (lose_session_on(waited)) return idle_frame(frame);
  if (Status s = xr::xr_check(waited, "xrWaitFrame"); !s) return s.error();
  XrFrameBeginInfo begin_info{XR_TYPE_FRAME_BEGIN_INFO};
  XrResult begun = xrBeginFrame(session_.handle(), &begin_info);
  if (lose_session_on(begun)) return idle_frame(frame);
  if (Status s = xr::xr_check(begun, "xrBeginFrame"); !s) return s.error();
  frame_begun_ = true;
  predicted_time_ = state.predictedDisplayTime;
  if (previous_predicted_ != 0)
    clock_ += std::max(0.0, double(state.predictedDisplayTime - previous_predicted_) * kNanoseconds);
  else
    advance_clock_by_wall_time();
  previous_wall_ = std::chrono::steady_clock::now();
  frame.display_time = clock_;
  frame.display_period = double(state.predictedDisplayPeriod) * kNanoseconds;

  if (state.shouldRender) {
    frame.should_render = true;
    if (Status s = locate(state, frame); !s) return s.error();
  }
  previous_predicted_ = state.predictedDisplayTime;
  if (session_.state() == XR_SESSION_STATE_FOCUSED)
    if (Status s = input_.sync(spaces_.stage, state.predictedDisplayTime, input_events_); !s) return s.error();
  if (!frame.should_render) return frame;

  if (Status s = xr::acquire_image(swapchain_); !s) return s.error();
  if (depth_swapchain_.handle) {
    if (Status s = xr::acquire_image(depth_swapchain_); !s) return s.error();
    frame.depth_target = &depth_swapchain_.images[depth_swapchain_.acquired];
    frame.near_plane = kXrNearPlane;
  }
  auto commands = gpu::begin_commands(*gpu_);
  if (!commands) return commands.error();
  commands_ = *commands;
  frame.commands = commands_;
  frame.target = &swapchain_.images[swapchain_.acquired];
  // The runtime hands colour images over in COLOR_ATTACHMENT_OPTIMAL and wants them back so; the old contents are
  // not needed, so the first use may discard them.
  frame.target_use = {VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT, VK_ACCESS_2_NONE};
  frame.target_use_after = gpu::use::kColorAttachment;
  return frame;
}

PresenterEvents XrPresenter::pending_events() {
  PresenterEvents events;
  events.quit = quit_;
  events.input = std::move(input_events_);
  input_events_.clear();
  XrSessionState state = session_.state();
  if (state == XR_SESSION_STATE_VISIBLE || state == XR_SESSION_STATE_FOCUSED) seen_ = true;
  // The headset is off when the runtime stops showing us (no longer visible, once it was), says so, or the head
  // holds perfectly still.
  bool not_shown = seen_ && !lost_ && state != XR_SESSION_STATE_VISIBLE && state != XR_SESSION_STATE_FOCUSED;
  events.visitor_absent = !quit_ && (not_shown || !user_present_ || head_still_);
  // Visible but not focused (a system menu over the show), between sessions, or not yet shown at all (a runtime
  // waiting for the headset): hold without counting absence.
  events.focus_lost = !quit_ && (lost_ || !seen_ || state == XR_SESSION_STATE_VISIBLE);
  return events;
}

Result<PresenterEvents> XrPresenter::end_frame(bool rendered) {
  if (!frame_begun_) return pending_events();
  frame_begun_ = false;
  if (commands_) {
    VkCommandBuffer commands = commands_;
    commands_ = VK_NULL_HANDLE;
    if (rendered) {
      if (Status s = gpu::submit_and_wait(*gpu_, commands); !s) return s.error();
    } else {
      vkEndCommandBuffer(commands);
      vkFreeCommandBuffers(gpu_->device(), gpu_->command_pool, 1, &commands);
    }
  }
  bool had_image = swapchain_.acquired != UINT32_MAX;
  if (Status s = xr::release_image(swapchain_); !s) return s.error();
  if (Status s = xr::release_image(depth_swapchain_); !s) return s.error();

  XrCompositionLayerProjectionView projection_views[2];
  XrCompositionLayerDepthInfoKHR depth_infos[2];
  XrCompositionLayerProjection projection{XR_TYPE_COMPOSITION_LAYER_PROJECTION};
  const XrCompositionLayerBaseHeader* layers[] = {reinterpret_cast<const XrCompositionLayerBaseHeader*>(&projection)};
  XrFrameEndInfo end_info{XR_TYPE_FRAME_END_INFO};
  end_info.displayTime = predicted_time_;
  end_info.environmentBlendMode = blend_mode_;
  if (rendered && had_image) {
    for (uint32_t eye = 0; eye < 2; ++eye) {
      XrCompositionLayerProjectionView& view = projection_views[eye];
      view = XrCompositionLayerProjectionView{XR_TYPE_COMPOSITION_LAYER_PROJECTION_VIEW};
      view.pose = views_[eye].pose;
      view.fov = views_[eye].fov;
      view.subImage.swapchain = swapchain_.handle;
      view.subImage.imageRect = {{0, 0}, {int32_t(width_), int32_t(height_)}};
      view.subImage.imageArrayIndex = eye;
      if (depth_swapchain_.handle && depth_written_) {
        // Reversed Z: depth 0 is infinitely far, depth 1 at the near plane. The spec allows nearZ = +infinity; the
        // largest finite float says the same to runtimes that insist on a finite one.
        XrCompositionLayerDepthInfoKHR& depth = depth_infos[eye];
        depth = XrCompositionLayerDepthInfoKHR{XR_TYPE_COMPOSITION_LAYER_DEPTH_INFO_KHR};
        depth.subImage = view.subImage;
        depth.subImage.swapchain = depth_swapchain_.handle;
        depth.minDepth = 0.0f;
        depth.maxDepth = 1.0f;
        depth.nearZ = std::numeric_limits<float>::max();
        depth.farZ = kXrNearPlane;
        view.next = &depth;
      }
    }
    projection.space = spaces_.stage;
    projection.viewCount = 2;
    projection.views = projection_views;
    end_info.layerCount = 1;
    end_info.layers = layers;
  }
  XrResult ended = xrEndFrame(session_.handle(), &end_info);
  if (lose_session_on(ended)) return pending_events();
  if (Status s = xr::xr_check(ended, "xrEndFrame"); !s) return s.error();
  return pending_events();
}

void XrPresenter::on_hotspot_selected() {
  input_.pulse();
}

void XrPresenter::shutdown() {
  if (!runtime_) return;
  if (gpu_) {
    if (commands_) {
      vkFreeCommandBuffers(gpu_->device(), gpu_->command_pool, 1, &commands_);
      commands_ = VK_NULL_HANDLE;
    }
    session_.request_exit();
    stop_session();
    gpu_ = nullptr;
  }
  if (vulkan_report_ && !messages_counted_) {
    messages_counted_ = true;
    vulkan_report_->errors.fetch_add(runtime_->messages->warnings_and_errors.load());
  }
}

}  // namespace liyuan::present
