#include "events.h"

#include <cstring>

#include "entry_points.h"
#include "user_presence.h"

namespace xrsim {
namespace {

XrResult poll_event(XrInstance instance_handle, XrEventDataBuffer* event) {
  Instance* instance = lookup_instance(instance_handle);
  if (instance == nullptr) return XR_ERROR_HANDLE_INVALID;
  if (event == nullptr || event->type != XR_TYPE_EVENT_DATA_BUFFER) return XR_ERROR_VALIDATION_FAILURE;
  if (instance->events.empty()) return XR_EVENT_UNAVAILABLE;
  *event = instance->events.front();
  instance->events.pop_front();
  return XR_SUCCESS;
}

}  // namespace

void push_event(Instance& instance, const void* event, size_t size) {
  XrEventDataBuffer buffer{XR_TYPE_EVENT_DATA_BUFFER};
  std::memcpy(&buffer, event, std::min(size, sizeof(buffer)));
  instance.events.push_back(buffer);
}

void drop_session_events(Instance& instance, XrSession session) {
  std::erase_if(instance.events, [&](const XrEventDataBuffer& event) {
    // Every session event starts type, next, session (XrEventDataSessionStateChanged's layout).
    const bool names_a_session = event.type == XR_TYPE_EVENT_DATA_SESSION_STATE_CHANGED ||
                                 event.type == XR_TYPE_EVENT_DATA_INTERACTION_PROFILE_CHANGED ||
                                 event.type == XR_TYPE_EVENT_DATA_USER_PRESENCE_CHANGED_EXT;
    return names_a_session && reinterpret_cast<const XrEventDataSessionStateChanged&>(event).session == session;
  });
}

void change_session_state(Session& session, XrSessionState state) {
  if (session.state == state) return;
  session.state = state;
  Instance& instance = *session.instance;
  XrEventDataSessionStateChanged event{XR_TYPE_EVENT_DATA_SESSION_STATE_CHANGED};
  event.session = reinterpret_cast<XrSession>(&session);
  event.state = state;
  event.time = frame_display_time(instance, instance.frame_counter);
  push_event(instance, &event, sizeof(event));
  runtime().report.transitions.push_back({instance.frame_counter, session.serial, session_state_name(state)});
}

void add_event_functions(FunctionTable& table) {
  add_function<"xrPollEvent", &poll_event>(table);
}

}  // namespace xrsim
