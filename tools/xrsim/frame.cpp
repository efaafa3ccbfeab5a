// The frame loop: a deterministic simulated display clock (one period per xrWaitFrame, not wall time), the
// wait → begin → end order rules, validation of submitted composition layers, and capture on request.
#include <cmath>
#include <cstdlib>
#include <filesystem>

#include "actions_input.h"
#include "core/log.h"
#include "entry_points.h"
#include "image_capture.h"
#include "pose_math.h"
#include "session_lifetime.h"

namespace xrsim {
namespace {

// Applies the script's events up to frame INDEX.
void apply_script_events(Instance& instance, uint64_t index) {
  const std::vector<ScriptEvent>& events = instance.script.events;
  while (instance.next_script_event < events.size() && events[instance.next_script_event].frame <= index) {
    const ScriptEvent& event = events[instance.next_script_event++];
    switch (event.kind) {
      case ScriptEvent::Kind::Input:
        apply_input_event(instance.inputs, event);
        break;
      case ScriptEvent::Kind::Session:
        apply_session_request(instance, event.name);
        break;
      case ScriptEvent::Kind::Capture:
        instance.pending_captures.push_back(&event);
        break;
    }
  }
}

// Where captures go: XRSIM_CAPTURE_DIR, else the script's capture_dir, else xrsim-capture; relative paths are taken
// from the script's folder (a capture always comes from a script), never from the working directory.
std::string capture_dir(const Script& script) {
  const char* env_dir = std::getenv("XRSIM_CAPTURE_DIR");
  if (env_dir != nullptr && *env_dir != '\0') return env_dir;
  const std::filesystem::path dir = script.capture_dir.empty() ? "xrsim-capture" : script.capture_dir;
  return (std::filesystem::path(script.source).parent_path() / dir).string();
}

XrResult wait_frame(XrSession handle, const XrFrameWaitInfo* info, XrFrameState* state) {
  Session* session = nullptr;
  if (XrResult r = find_session(handle, &session); r != XR_SUCCESS) return r;
  if ((info != nullptr && info->type != XR_TYPE_FRAME_WAIT_INFO) || state == nullptr ||
      state->type != XR_TYPE_FRAME_STATE)
    return XR_ERROR_VALIDATION_FAILURE;
  if (!session->running) return XR_ERROR_SESSION_NOT_RUNNING;
  Instance& instance = *session->instance;
  const uint64_t index = instance.frame_counter++;
  apply_script_events(instance, index);
  state->predictedDisplayTime = frame_display_time(instance, index);
  state->predictedDisplayPeriod = display_period(instance);
  state->shouldRender = XR_FALSE;
  if (session->lost) return XR_SESSION_LOSS_PENDING;
  ++session->frames_waited;
  advance_session_state(*session);
  session->frame_waited = true;
  session->waited_frame = index;
  session->waited_time = state->predictedDisplayTime;
  state->shouldRender =
      session->state == XR_SESSION_STATE_VISIBLE || session->state == XR_SESSION_STATE_FOCUSED ? XR_TRUE : XR_FALSE;
  return XR_SUCCESS;
}

XrResult begin_frame(XrSession handle, const XrFrameBeginInfo* info) {
  Session* session = nullptr;
  if (XrResult r = find_session(handle, &session); r != XR_SUCCESS) return r;
  if (info != nullptr && info->type != XR_TYPE_FRAME_BEGIN_INFO) return XR_ERROR_VALIDATION_FAILURE;
  if (!session->running) return XR_ERROR_SESSION_NOT_RUNNING;
  if (!session->frame_waited) return XR_ERROR_CALL_ORDER_INVALID;
  const XrResult result = session->frame_begun ? XR_FRAME_DISCARDED : XR_SUCCESS;
  session->frame_waited = false;
  session->frame_begun = true;
  session->begun_frame = session->waited_frame;
  session->begun_time = session->waited_time;
  return result;
}

XrResult check_sub_image(const Session& session, const XrSwapchainSubImage& sub, const Swapchain** out) {
  const Swapchain* swapchain = lookup_swapchain(sub.swapchain);
  if (swapchain == nullptr || swapchain->session != &session) return XR_ERROR_HANDLE_INVALID;
  if (!swapchain->last_released) return XR_ERROR_LAYER_INVALID;
  if (sub.imageArrayIndex >= swapchain->info.arraySize) return XR_ERROR_VALIDATION_FAILURE;
  const XrRect2Di& r = sub.imageRect;
  if (r.offset.x < 0 || r.offset.y < 0 || r.extent.width <= 0 || r.extent.height <= 0 ||
      int64_t(r.offset.x) + r.extent.width > int64_t(swapchain->info.width) ||
      int64_t(r.offset.y) + r.extent.height > int64_t(swapchain->info.height))
    return XR_ERROR_SWAPCHAIN_RECT_INVALID;
  *out = swapchain;
  return XR_SUCCESS;
}

// Validates one projection layer; fills VIEWS with what a capture would read and DEPTH when depth was chained.
XrResult check_projection_layer(const Session& session, const XrCompositionLayerProjection& layer,
                                std::vector<CapturedView>& views, bool& depth) {
  const Space* space = lookup_space(layer.space);
  if (space == nullptr || space->session != &session) return XR_ERROR_HANDLE_INVALID;
  if (layer.viewCount != kViewCount || layer.views == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  for (uint32_t i = 0; i < layer.viewCount; ++i) {
    const XrCompositionLayerProjectionView& view = layer.views[i];
    if (view.type != XR_TYPE_COMPOSITION_LAYER_PROJECTION_VIEW) return XR_ERROR_VALIDATION_FAILURE;
    if (!is_unit(view.pose.orientation)) return XR_ERROR_POSE_INVALID;
    const Swapchain* swapchain = nullptr;
    if (XrResult r = check_sub_image(session, view.subImage, &swapchain); r != XR_SUCCESS) return r;
    views.push_back({swapchain, *swapchain->last_released, view.subImage.imageArrayIndex, view.subImage.imageRect});
    for (auto* next = static_cast<const XrBaseInStructure*>(view.next); next != nullptr; next = next->next) {
      if (next->type != XR_TYPE_COMPOSITION_LAYER_DEPTH_INFO_KHR) continue;
      if (!session.instance->depth_extension) return XR_ERROR_VALIDATION_FAILURE;
      const auto& info = *reinterpret_cast<const XrCompositionLayerDepthInfoKHR*>(next);
      const Swapchain* depth_swapchain = nullptr;
      if (XrResult r = check_sub_image(session, info.subImage, &depth_swapchain); r != XR_SUCCESS) return r;
      if (info.minDepth < 0 || info.minDepth > 1 || info.maxDepth < 0 || info.maxDepth > 1 ||
          info.minDepth >= info.maxDepth || info.nearZ == info.farZ || !std::isfinite(info.nearZ) ||
          (!std::isfinite(info.farZ) && !std::isinf(info.farZ)))
        return XR_ERROR_VALIDATION_FAILURE;
      depth = true;
    }
  }
  return XR_SUCCESS;
}

XrResult end_frame(XrSession handle, const XrFrameEndInfo* info) {
  Session* session = nullptr;
  if (XrResult r = find_session(handle, &session); r != XR_SUCCESS) return r;
  if (info == nullptr || info->type != XR_TYPE_FRAME_END_INFO) return XR_ERROR_VALIDATION_FAILURE;
  if (!session->running) return XR_ERROR_SESSION_NOT_RUNNING;
  if (!session->frame_begun) return XR_ERROR_CALL_ORDER_INVALID;
  if (info->displayTime <= 0) return XR_ERROR_TIME_INVALID;
  if (info->environmentBlendMode != XR_ENVIRONMENT_BLEND_MODE_OPAQUE)
    return XR_ERROR_ENVIRONMENT_BLEND_MODE_UNSUPPORTED;
  if (info->layerCount > kMaxLayerCount) return XR_ERROR_LAYER_LIMIT_EXCEEDED;
  if (info->layerCount > 0 && info->layers == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  std::vector<CapturedView> views;
  bool depth = false;
  for (uint32_t i = 0; i < info->layerCount; ++i) {
    const XrCompositionLayerBaseHeader* layer = info->layers[i];
    if (layer == nullptr) return XR_ERROR_LAYER_INVALID;
    if (layer->type == XR_TYPE_COMPOSITION_LAYER_PROJECTION) {
      std::vector<CapturedView> layer_views;
      const auto& projection = *reinterpret_cast<const XrCompositionLayerProjection*>(layer);
      if (XrResult r = check_projection_layer(*session, projection, layer_views, depth); r != XR_SUCCESS) return r;
      if (views.empty()) views = layer_views;
    } else if (layer->type == XR_TYPE_COMPOSITION_LAYER_QUAD) {
      const auto& quad = *reinterpret_cast<const XrCompositionLayerQuad*>(layer);
      const Swapchain* swapchain = nullptr;
      if (XrResult r = check_sub_image(*session, quad.subImage, &swapchain); r != XR_SUCCESS) return r;
    } else {
      return XR_ERROR_LAYER_INVALID;
    }
  }
  session->frame_begun = false;
  Instance& instance = *session->instance;
  runtime().report.frames.push_back(
      {session->begun_frame, session->serial, session->begun_time, info->displayTime, info->layerCount, depth});
  // A capture happens at its frame, or at the first later frame that submits a projection layer.
  auto& pending = instance.pending_captures;
  const auto requested = std::find_if(pending.begin(), pending.end(),
                                      [&](const ScriptEvent* e) { return e->frame <= session->begun_frame; });
  if (requested != pending.end() && !views.empty()) {
    const ScriptEvent& request = **requested;
    pending.erase(requested);
    const std::string dir = capture_dir(instance.script);
    const liyuan::Status captured =
        capture_views(session->vulkan, views, dir, session->begun_frame, runtime().report.captures);
    if (!captured) {
      // Named by the script line that asked for it, so an author sees which capture was lost.
      const liyuan::Error error = liyuan::make_error_at(
          instance.script.source, request.line, 0,
          "capture of frame " + std::to_string(session->begun_frame) + " failed: " + captured.error().message);
      liyuan::log::error("{}", error.to_string());
      runtime().report.messages.push_back(error.to_string());
    }
  }
  return XR_SUCCESS;
}

}  // namespace

XrDuration display_period(const Instance& instance) {
  return XrDuration(std::llround(1e9 / instance.script.refresh_hz));
}

XrTime frame_display_time(const Instance& instance, uint64_t index) {
  return kEpoch + XrTime(index) * display_period(instance);
}

double script_seconds([[maybe_unused]] const Instance& instance, XrTime time) {
  return double(time - kEpoch) * 1e-9;
}

void add_frame_functions(FunctionTable& table) {
  add_function<"xrWaitFrame", &wait_frame>(table);
  add_function<"xrBeginFrame", &begin_frame>(table);
  add_function<"xrEndFrame", &end_frame>(table);
}

}  // namespace xrsim
