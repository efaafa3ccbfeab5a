// The session and its life cycle, as the OpenXR spec draws it:
//
//   IDLE → READY (xrBeginSession) → SYNCHRONIZED → VISIBLE → FOCUSED → … → STOPPING (xrEndSession) → IDLE
//   LOSS_PENDING: destroy the session and make a new one when the system is back;  EXITING: destroy it and quit.
//
// The session is bound to the Vulkan device through XrGraphicsBindingVulkan2KHR.
#pragma once

#include "core/error.h"
#include "gpu/gpu.h"
#include "present/openxr/xr_instance.h"

namespace liyuan::present::xr {

// What the presenter must do after the session entered a state.
enum class SessionStep { None, Begin, End, Recreate, Quit };

// The step the spec asks for when the session enters STATE (pure; see the file comment).
SessionStep step_for_state(XrSessionState state);

// What xrPollEvent delivered since the last poll, after the session acted on it.
struct SessionEvents {
  bool quit = false;              // EXITING, the instance is being lost, or the runtime asked to end
  bool lost = false;              // LOSS_PENDING: the session was destroyed; make a new one
  bool presence_changed = false;  // XR_EXT_user_presence reported
  bool user_present = true;       // with presence_changed: the headset is on
};

class Session {
 public:
  Session() = default;
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  ~Session() { destroy(); }

  // Creates the session on RUNTIME's system, bound to GPU's device and queue.
  Status create(XrRuntime& runtime, gpu::Gpu& gpu);
  // Destroys the session (its swapchains, spaces and action spaces must be gone). Safe when there is none.
  void destroy();

  // Drains the event queue, beginning and ending the session as its state changes. Between sessions (after a loss)
  // it drains events for sessions that are gone, so that none is taken for the next one.
  Result<SessionEvents> poll();
  // Asks the runtime to end the session and lets it run down (STOPPING → xrEndSession) for up to a second.
  void request_exit();

  XrSession handle() const { return session_; }
  XrSessionState state() const { return state_; }
  // Between xrBeginSession and xrEndSession: frames may be waited for.
  bool running() const { return running_; }

 private:
  Status enter(XrSessionState state, SessionEvents& events);

  XrRuntime* runtime_ = nullptr;
  XrSession session_ = XR_NULL_HANDLE;
  XrSessionState state_ = XR_SESSION_STATE_UNKNOWN;
  bool running_ = false;
};

}  // namespace liyuan::present::xr
