#include "present/openxr/xr_session.h"

#include <openxr/openxr_reflection.h>

#include <chrono>
#include <thread>

#include "core/log.h"
#include "present/openxr/xr_result.h"
#include "present/openxr/xr_user_presence.h"

namespace liyuan::present::xr {
namespace {

const char* state_name(XrSessionState state) {
  switch (state) {
#define LIYUAN_XR_STATE_CASE(name, value) \
  case name:                              \
    return #name;
    XR_LIST_ENUM_XrSessionState(LIYUAN_XR_STATE_CASE)
#undef LIYUAN_XR_STATE_CASE
        default : return "XR_SESSION_STATE_?";
  }
}

}  // namespace

SessionStep step_for_state(XrSessionState state) {
  switch (state) {
    case XR_SESSION_STATE_READY:
      return SessionStep::Begin;
    case XR_SESSION_STATE_STOPPING:
      return SessionStep::End;
    case XR_SESSION_STATE_LOSS_PENDING:
      return SessionStep::Recreate;
    case XR_SESSION_STATE_EXITING:
      return SessionStep::Quit;
    default:
      return SessionStep::None;
  }
}

Status Session::create(XrRuntime& runtime, gpu::Gpu& gpu) {
  runtime_ = &runtime;
  XrGraphicsBindingVulkan2KHR binding{XR_TYPE_GRAPHICS_BINDING_VULKAN2_KHR};
  binding.instance = gpu.context->instance;
  binding.physicalDevice = gpu.context->physical_device;
  binding.device = gpu.context->device;
  binding.queueFamilyIndex = gpu.context->queue_family;
  binding.queueIndex = 0;
  XrSessionCreateInfo info{XR_TYPE_SESSION_CREATE_INFO};
  info.next = &binding;
  info.systemId = runtime.system.id;
  state_ = XR_SESSION_STATE_UNKNOWN;
  running_ = false;
  return xr_check(xrCreateSession(runtime.instance, &info, &session_), "xrCreateSession");
}

void Session::destroy() {
  if (!session_) return;
  xrDestroySession(session_);
  session_ = XR_NULL_HANDLE;
  running_ = false;
  state_ = XR_SESSION_STATE_UNKNOWN;
}

Status Session::enter(XrSessionState state, SessionEvents& events) {
  log::debug("openxr: session {} → {}", state_name(state_), state_name(state));
  state_ = state;
  switch (step_for_state(state)) {
    case SessionStep::Begin: {
      XrSessionBeginInfo begin{XR_TYPE_SESSION_BEGIN_INFO};
      begin.primaryViewConfigurationType = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO;
      if (Status s = xr_check(xrBeginSession(session_, &begin), "xrBeginSession"); !s) return s;
      running_ = true;
      log::info("openxr: the session runs on {}", runtime_->system.name);
      break;
    }
    case SessionStep::End:
      running_ = false;
      if (Status s = xr_check(xrEndSession(session_), "xrEndSession"); !s) return s;
      break;
    case SessionStep::Recreate:
      log::warn("openxr: the session is being lost (XR_SESSION_STATE_LOSS_PENDING): making a new one");
      events.lost = true;
      break;
    case SessionStep::Quit:
      log::info("openxr: the runtime ends the session (XR_SESSION_STATE_EXITING)");
      events.quit = true;
      break;
    case SessionStep::None:
      break;
  }
  return {};
}

Result<SessionEvents> Session::poll() {
  SessionEvents events;
  if (!runtime_) return events;
  for (;;) {
    XrEventDataBuffer buffer{XR_TYPE_EVENT_DATA_BUFFER};
    XrResult result = xrPollEvent(runtime_->instance, &buffer);
    if (result == XR_EVENT_UNAVAILABLE) break;
    if (Status s = xr_check(result, "xrPollEvent"); !s) return s.error();
    switch (buffer.type) {
      case XR_TYPE_EVENT_DATA_SESSION_STATE_CHANGED: {
        const auto& changed = reinterpret_cast<const XrEventDataSessionStateChanged&>(buffer);
        if (changed.session != session_) break;
        if (Status s = enter(changed.state, events); !s) return s.error();
        break;
      }
      case XR_TYPE_EVENT_DATA_INSTANCE_LOSS_PENDING:
        log::warn("openxr: the runtime is going away (instance loss pending): the show ends");
        events.quit = true;
        break;
      case XR_TYPE_EVENT_DATA_EVENTS_LOST:
        log::warn("openxr: the runtime dropped {} event(s)",
                  reinterpret_cast<const XrEventDataEventsLost&>(buffer).lostEventCount);
        break;
      case XR_TYPE_EVENT_DATA_INTERACTION_PROFILE_CHANGED:
        log::debug("openxr: the controllers changed");
        break;
      default:
        if (buffer.type == kTypeEventDataUserPresenceChanged) {
          const auto& presence = reinterpret_cast<const XrEventDataUserPresenceChangedEXT&>(buffer);
          if (presence.session != session_) break;
          events.presence_changed = true;
          events.user_present = presence.isUserPresent == XR_TRUE;
        }
        break;
    }
  }
  return events;
}

void Session::request_exit() {
  if (!session_ || !running_) return;
  if (XR_FAILED(xrRequestExitSession(session_))) return;
  for (int i = 0; i < 200 && running_; ++i) {
    auto events = poll();
    if (!events) {
      log::warn("{}", events.error().to_string());
      return;
    }
    if (running_) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

}  // namespace liyuan::present::xr
