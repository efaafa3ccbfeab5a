#include "actions_input.h"

#include <cmath>

#include "interaction_profiles.h"
#include "paths.h"

namespace xrsim {
namespace {

float read(const std::map<std::string, float>& controls, const std::string& key) {
  const auto it = controls.find(key);
  return it == controls.end() ? 0.0f : it->second;
}

const char* hand_path(Hand hand) {
  return hand == Hand::Left ? "/user/hand/left" : "/user/hand/right";
}

// Calls VISIT(binding) for each binding of ACTION in the current profile on a hand SUBACTION allows.
template <typename Visit>
void for_each_binding(const Session& session, const Action& action, XrPath subaction, Visit visit) {
  const Instance& instance = *session.instance;
  if (session.current_profile == XR_NULL_PATH) return;
  const auto bindings = instance.suggested_bindings.find(session.current_profile);
  if (bindings == instance.suggested_bindings.end()) return;
  const std::string& profile = path_string(instance, session.current_profile);
  const std::string& filter = path_string(instance, subaction);
  for (const auto& [bound_action, path] : bindings->second) {
    if (bound_action != &action) continue;
    const std::optional<BindingPath> binding = parse_binding(profile, path_string(instance, path));
    if (!binding) continue;
    if (subaction != XR_NULL_PATH && filter != hand_path(binding->hand)) continue;
    visit(*binding);
  }
}

}  // namespace

void apply_input_event(ControllerInputs& inputs, const ScriptEvent& event) {
  auto& c = inputs[size_t(event.hand)];
  const float v = event.x;
  const float pressed = v >= 0.5f ? 1.0f : 0.0f;
  if (event.name == "trigger" || event.name == "select") {
    c["trigger/value"] = v;
    c["trigger/click"] = pressed;
    c["trigger/touch"] = v > 0 ? 1.0f : 0.0f;
    c["select/value"] = v;
    c["select/click"] = pressed;
  } else if (event.name == "squeeze") {
    c["squeeze/value"] = v;
    c["squeeze/force"] = v;
    c["squeeze/click"] = pressed;
  } else if (event.name == "thumbstick") {
    const float touched = (event.x != 0 || event.y != 0) ? 1.0f : 0.0f;
    for (const char* id : {"thumbstick", "trackpad"}) {
      c[std::string(id) + "/x"] = event.x;
      c[std::string(id) + "/y"] = event.y;
      c[std::string(id) + "/touch"] = touched;
    }
  } else if (event.name == "thumbstick_click") {
    c["thumbstick/click"] = pressed;
    c["trackpad/click"] = pressed;
    c["trackpad/force"] = v;
  } else {  // menu, a, b, x, y, system
    c[event.name + "/click"] = pressed;
    c[event.name + "/touch"] = pressed;
  }
}

ActionValue read_action(const Session& session, const Action& action, XrPath subaction) {
  ActionValue value;
  for_each_binding(session, action, subaction, [&](const BindingPath& binding) {
    const auto& controls = session.instance->inputs[size_t(binding.hand)];
    switch (action.type) {
      case XR_ACTION_TYPE_BOOLEAN_INPUT:
      case XR_ACTION_TYPE_FLOAT_INPUT: {
        if (binding.output || binding.component == "pose" || binding.component == "x" || binding.component == "y")
          return;
        const bool is_bool = action.type == XR_ACTION_TYPE_BOOLEAN_INPUT;
        const std::string component = binding.component.empty() ? (is_bool ? "click" : "value") : binding.component;
        float v = read(controls, binding.identifier + "/" + component);
        if (is_bool) v = v >= 0.5f ? 1.0f : 0.0f;
        value.active = true;
        if (std::fabs(v) > std::fabs(value.x)) value.x = v;
        break;
      }
      case XR_ACTION_TYPE_VECTOR2F_INPUT: {
        if (binding.output || !binding.component.empty()) return;
        const float x = read(controls, binding.identifier + "/x");
        const float y = read(controls, binding.identifier + "/y");
        value.active = true;
        if (x * x + y * y > value.x * value.x + value.y * value.y) {
          value.x = x;
          value.y = y;
        }
        break;
      }
      case XR_ACTION_TYPE_POSE_INPUT:
        if (binding.identifier == "grip" || binding.identifier == "aim") value.active = true;
        break;
      default:
        break;
    }
  });
  return value;
}

std::optional<XrPosef> action_pose(const Session& session, const Action& action, XrPath subaction, XrTime time) {
  std::optional<XrPosef> pose;
  const Instance& instance = *session.instance;
  const double t = script_seconds(instance, time);
  for_each_binding(session, action, subaction, [&](const BindingPath& binding) {
    if (pose || (binding.identifier != "grip" && binding.identifier != "aim")) return;
    const size_t h = size_t(binding.hand);
    const PoseTrack& wanted = binding.identifier == "grip" ? instance.script.grip[h] : instance.script.aim[h];
    const PoseTrack& other = binding.identifier == "grip" ? instance.script.aim[h] : instance.script.grip[h];
    pose = (wanted.keys.empty() ? other : wanted).at(t, default_hand_pose(binding.hand));
  });
  return pose;
}

std::vector<Hand> haptic_hands(const Session& session, const Action& action, XrPath subaction) {
  std::vector<Hand> hands;
  for_each_binding(session, action, subaction, [&](const BindingPath& binding) {
    if (binding.output && std::find(hands.begin(), hands.end(), binding.hand) == hands.end())
      hands.push_back(binding.hand);
  });
  return hands;
}

XrPath choose_interaction_profile(Instance& instance) {
  for (const std::string& profile :
       {instance.script.controller_profile, std::string("/interaction_profiles/khr/simple_controller")}) {
    const XrPath path = intern_path(instance, profile);
    const auto it = instance.suggested_bindings.find(path);
    if (it != instance.suggested_bindings.end() && !it->second.empty()) return path;
  }
  return XR_NULL_PATH;
}

XrPosef default_hand_pose(Hand hand) {
  return {{0, 0, 0, 1}, {hand == Hand::Left ? -0.2f : 0.2f, 1.3f, -0.35f}};
}

}  // namespace xrsim
