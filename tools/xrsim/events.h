// The instance's event queue (xrPollEvent) and session state changes, which are always announced through it.
#pragma once

#include "objects.h"

namespace xrsim {

// Queues EVENT (any XrEventData* structure of SIZE bytes) for xrPollEvent.
void push_event(Instance& instance, const void* event, size_t size);
// Drops the queued events that name SESSION (state changes, profile changes, presence), when it is destroyed, so a
// later session that happens to get the same handle value never receives them.
void drop_session_events(Instance& instance, XrSession session);
// Moves SESSION to STATE: queues XrEventDataSessionStateChanged and records the transition in the report.
void change_session_state(Session& session, XrSessionState state);

}  // namespace xrsim
