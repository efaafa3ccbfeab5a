// The simulated controllers as the action system sees them: script input events set their components, and an
// action's value, pose or haptic outputs come from the suggested bindings of the session's current profile.
#pragma once

#include <optional>
#include <vector>

#include "objects.h"

namespace xrsim {

// Sets the components an input event drives (with the aliases other profiles read, e.g. trigger → select/click).
void apply_input_event(ControllerInputs& inputs, const ScriptEvent& event);
// ACTION's value for SUBACTION (XR_NULL_PATH: every hand combined) under SESSION's current interaction profile;
// inactive when nothing binds it.
ActionValue read_action(const Session& session, const Action& action, XrPath subaction);
// The pose (in STAGE space at TIME) of the grip or aim that pose action ACTION is bound to for SUBACTION, or nullopt
// when it is not bound.
std::optional<XrPosef> action_pose(const Session& session, const Action& action, XrPath subaction, XrTime time);
// The hands whose output/haptic ACTION is bound to, restricted to SUBACTION unless it is XR_NULL_PATH.
std::vector<Hand> haptic_hands(const Session& session, const Action& action, XrPath subaction);
// The profile the session's controllers report: the script's controller when its bindings were suggested, else
// khr/simple_controller when those were, else XR_NULL_PATH.
XrPath choose_interaction_profile(Instance& instance);
// Default hand poses, in STAGE space, when the script gives none.
XrPosef default_hand_pose(Hand hand);

}  // namespace xrsim
