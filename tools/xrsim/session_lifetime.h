// Session lifetime and the session state machine (IDLE → READY → SYNCHRONIZED → VISIBLE → FOCUSED, STOPPING →
// IDLE → EXITING, LOSS_PENDING), driven by the application's calls and by the script's session requests.
#pragma once

#include "objects.h"

namespace xrsim {

// Looks up HANDLE into *SESSION: XR_ERROR_HANDLE_INVALID when not live, XR_ERROR_SESSION_LOST after LOSS_PENDING,
// else XR_SUCCESS.
XrResult find_session(XrSession handle, Session** session);
// Frees what SESSION owns (swapchain images, spaces, the command pool) and forgets their handles.
void destroy_session_objects(Session& session);
// Moves SESSION's state toward what the frame count, focus, visitor presence and exit request call for, one
// announced step at a time.
void advance_session_state(Session& session);
// Applies a script session request (focus_loss, focus_return, visitor_absent, visitor_present, request_exit,
// loss_pending) to INSTANCE and its session.
void apply_session_request(Instance& instance, const std::string& request);

}  // namespace xrsim
