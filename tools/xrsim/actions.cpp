// The action system: action sets and actions, suggested bindings for the five accepted profiles, attachment,
// xrSyncActions, action states, haptics (recorded in the report) and the bound-source queries.
#include <cmath>
#include <cstring>

#include "actions_input.h"
#include "entry_points.h"
#include "events.h"
#include "interaction_profiles.h"
#include "paths.h"
#include "session_lifetime.h"

namespace xrsim {
namespace {

bool is_valid_name(const char* name) {
  if (name == nullptr || *name == '\0') return false;
  for (const char* c = name; *c; ++c)
    if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-' || *c == '_' || *c == '.')) return false;
  return true;
}

bool is_top_level_user_path(const std::string& path) {
  return path == "/user/hand/left" || path == "/user/hand/right" || path == "/user/head" || path == "/user/gamepad" ||
         path == "/user/treadmill";
}

bool any_attached(const Instance& instance) {
  for (const auto& set : instance.action_sets)
    if (set->attached) return true;
  return false;
}

XrResult create_action_set(XrInstance handle, const XrActionSetCreateInfo* info, XrActionSet* out) {
  Instance* instance = lookup_instance(handle);
  if (instance == nullptr) return XR_ERROR_HANDLE_INVALID;
  if (info == nullptr || out == nullptr || info->type != XR_TYPE_ACTION_SET_CREATE_INFO)
    return XR_ERROR_VALIDATION_FAILURE;
  if (!is_valid_name(info->actionSetName)) return XR_ERROR_NAME_INVALID;
  if (info->localizedActionSetName[0] == '\0') return XR_ERROR_LOCALIZED_NAME_INVALID;
  for (const auto& set : instance->action_sets) {
    if (!runtime().live.contains(set.get())) continue;
    if (set->name == info->actionSetName) return XR_ERROR_NAME_DUPLICATED;
    if (set->localized_name == info->localizedActionSetName) return XR_ERROR_LOCALIZED_NAME_DUPLICATED;
  }
  auto set = std::make_unique<ActionSet>();
  set->instance = instance;
  set->name = info->actionSetName;
  set->localized_name = info->localizedActionSetName;
  set->priority = info->priority;
  runtime().live[set.get()] = HandleKind::ActionSet;
  *out = reinterpret_cast<XrActionSet>(set.get());
  instance->action_sets.push_back(std::move(set));
  return XR_SUCCESS;
}

// Destroyed sets and actions stay allocated (attached sessions may still read them) but their handles die.
XrResult destroy_action_set(XrActionSet handle) {
  ActionSet* set = lookup_action_set(handle);
  if (set == nullptr) return XR_ERROR_HANDLE_INVALID;
  for (auto& action : set->actions) runtime().live.erase(action.get());
  runtime().live.erase(set);
  return XR_SUCCESS;
}

XrResult create_action(XrActionSet handle, const XrActionCreateInfo* info, XrAction* out) {
  ActionSet* set = lookup_action_set(handle);
  if (set == nullptr) return XR_ERROR_HANDLE_INVALID;
  if (info == nullptr || out == nullptr || info->type != XR_TYPE_ACTION_CREATE_INFO) return XR_ERROR_VALIDATION_FAILURE;
  switch (info->actionType) {
    case XR_ACTION_TYPE_BOOLEAN_INPUT:
    case XR_ACTION_TYPE_FLOAT_INPUT:
    case XR_ACTION_TYPE_VECTOR2F_INPUT:
    case XR_ACTION_TYPE_POSE_INPUT:
    case XR_ACTION_TYPE_VIBRATION_OUTPUT:
      break;
    default:
      return XR_ERROR_VALIDATION_FAILURE;
  }
  if (set->attached) return XR_ERROR_ACTIONSETS_ALREADY_ATTACHED;
  if (!is_valid_name(info->actionName)) return XR_ERROR_NAME_INVALID;
  if (info->localizedActionName[0] == '\0') return XR_ERROR_LOCALIZED_NAME_INVALID;
  for (const auto& action : set->actions) {
    if (!runtime().live.contains(action.get())) continue;
    if (action->name == info->actionName) return XR_ERROR_NAME_DUPLICATED;
    if (action->localized_name == info->localizedActionName) return XR_ERROR_LOCALIZED_NAME_DUPLICATED;
  }
  if (info->countSubactionPaths > 0 && info->subactionPaths == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  std::vector<XrPath> subactions;
  for (uint32_t i = 0; i < info->countSubactionPaths; ++i) {
    const std::string& path = path_string(*set->instance, info->subactionPaths[i]);
    if (path.empty()) return XR_ERROR_PATH_INVALID;
    if (!is_top_level_user_path(path)) return XR_ERROR_PATH_UNSUPPORTED;
    if (std::find(subactions.begin(), subactions.end(), info->subactionPaths[i]) != subactions.end())
      return XR_ERROR_PATH_UNSUPPORTED;
    subactions.push_back(info->subactionPaths[i]);
  }
  auto action = std::make_unique<Action>();
  action->set = set;
  action->name = info->actionName;
  action->localized_name = info->localizedActionName;
  action->type = info->actionType;
  action->subaction_paths = std::move(subactions);
  runtime().live[action.get()] = HandleKind::Action;
  *out = reinterpret_cast<XrAction>(action.get());
  set->actions.push_back(std::move(action));
  return XR_SUCCESS;
}

XrResult destroy_action(XrAction handle) {
  Action* action = lookup_action(handle);
  if (action == nullptr) return XR_ERROR_HANDLE_INVALID;
  runtime().live.erase(action);
  return XR_SUCCESS;
}

XrResult suggest_bindings(XrInstance handle, const XrInteractionProfileSuggestedBinding* info) {
  Instance* instance = lookup_instance(handle);
  if (instance == nullptr) return XR_ERROR_HANDLE_INVALID;
  if (info == nullptr || info->type != XR_TYPE_INTERACTION_PROFILE_SUGGESTED_BINDING ||
      info->countSuggestedBindings == 0 || info->suggestedBindings == nullptr)
    return XR_ERROR_VALIDATION_FAILURE;
  const std::string& profile = path_string(*instance, info->interactionProfile);
  if (profile.empty()) return XR_ERROR_PATH_INVALID;
  if (!is_known_profile(profile)) return XR_ERROR_PATH_UNSUPPORTED;
  if (any_attached(*instance)) return XR_ERROR_ACTIONSETS_ALREADY_ATTACHED;
  std::vector<std::pair<Action*, XrPath>> bindings;
  for (uint32_t i = 0; i < info->countSuggestedBindings; ++i) {
    Action* action = lookup_action(info->suggestedBindings[i].action);
    if (action == nullptr || action->set->instance != instance) return XR_ERROR_HANDLE_INVALID;
    const std::string& path = path_string(*instance, info->suggestedBindings[i].binding);
    if (path.empty()) return XR_ERROR_PATH_INVALID;
    const std::optional<BindingPath> binding = parse_binding(profile, path);
    if (!binding) return XR_ERROR_PATH_UNSUPPORTED;
    if (binding->output != (action->type == XR_ACTION_TYPE_VIBRATION_OUTPUT)) return XR_ERROR_PATH_UNSUPPORTED;
    bindings.emplace_back(action, info->suggestedBindings[i].binding);
  }
  instance->suggested_bindings[info->interactionProfile] = std::move(bindings);
  return XR_SUCCESS;
}

XrResult attach_action_sets(XrSession handle, const XrSessionActionSetsAttachInfo* info) {
  Session* session = nullptr;
  if (XrResult r = find_session(handle, &session); r != XR_SUCCESS) return r;
  if (info == nullptr || info->type != XR_TYPE_SESSION_ACTION_SETS_ATTACH_INFO || info->countActionSets == 0 ||
      info->actionSets == nullptr)
    return XR_ERROR_VALIDATION_FAILURE;
  if (session->action_sets_attached) return XR_ERROR_ACTIONSETS_ALREADY_ATTACHED;
  std::vector<ActionSet*> sets;
  for (uint32_t i = 0; i < info->countActionSets; ++i) {
    ActionSet* set = lookup_action_set(info->actionSets[i]);
    if (set == nullptr || set->instance != session->instance) return XR_ERROR_HANDLE_INVALID;
    sets.push_back(set);
  }
  for (ActionSet* set : sets) set->attached = true;
  session->attached_sets = sets;
  session->action_sets_attached = true;
  session->current_profile = choose_interaction_profile(*session->instance);
  XrEventDataInteractionProfileChanged event{XR_TYPE_EVENT_DATA_INTERACTION_PROFILE_CHANGED};
  event.session = handle;
  push_event(*session->instance, &event, sizeof(event));
  return XR_SUCCESS;
}

XrResult get_current_interaction_profile(XrSession handle, XrPath top_level, XrInteractionProfileState* state) {
  Session* session = nullptr;
  if (XrResult r = find_session(handle, &session); r != XR_SUCCESS) return r;
  if (state == nullptr || state->type != XR_TYPE_INTERACTION_PROFILE_STATE) return XR_ERROR_VALIDATION_FAILURE;
  const std::string& path = path_string(*session->instance, top_level);
  if (path.empty()) return XR_ERROR_PATH_INVALID;
  if (!is_top_level_user_path(path)) return XR_ERROR_PATH_UNSUPPORTED;
  if (!session->action_sets_attached) return XR_ERROR_ACTIONSET_NOT_ATTACHED;
  const bool hand = path == "/user/hand/left" || path == "/user/hand/right";
  state->interactionProfile = hand ? session->current_profile : XR_NULL_PATH;
  return XR_SUCCESS;
}

bool is_focused(const Session& session) {
  return session.state == XR_SESSION_STATE_FOCUSED;
}

XrResult sync_actions(XrSession handle, const XrActionsSyncInfo* info) {
  Session* session = nullptr;
  if (XrResult r = find_session(handle, &session); r != XR_SUCCESS) return r;
  if (info == nullptr || info->type != XR_TYPE_ACTIONS_SYNC_INFO ||
      (info->countActiveActionSets > 0 && info->activeActionSets == nullptr))
    return XR_ERROR_VALIDATION_FAILURE;
  std::vector<std::pair<const ActionSet*, XrPath>> active;
  for (uint32_t i = 0; i < info->countActiveActionSets; ++i) {
    const ActionSet* set = lookup_action_set(info->activeActionSets[i].actionSet);
    if (set == nullptr) return XR_ERROR_HANDLE_INVALID;
    if (std::find(session->attached_sets.begin(), session->attached_sets.end(), set) == session->attached_sets.end())
      return XR_ERROR_ACTIONSET_NOT_ATTACHED;
    const XrPath subaction = info->activeActionSets[i].subactionPath;
    if (subaction != XR_NULL_PATH) {
      const std::string& path = path_string(*session->instance, subaction);
      if (path.empty()) return XR_ERROR_PATH_INVALID;
      if (!is_top_level_user_path(path)) return XR_ERROR_PATH_UNSUPPORTED;
    }
    active.emplace_back(set, subaction);
  }
  const bool focused = is_focused(*session);
  const XrTime now = session->waited_time;
  for (const ActionSet* set : session->attached_sets) {
    XrPath set_filter = XR_NULL_PATH;
    bool set_active = false;
    for (const auto& [active_set, subaction] : active)
      if (active_set == set) {
        set_active = true;
        set_filter = subaction;
      }
    for (const auto& action : set->actions) {
      std::vector<XrPath> subactions = action->subaction_paths;
      subactions.push_back(XR_NULL_PATH);
      for (XrPath subaction : subactions) {
        ActionValue& stored = session->action_values[{action.get(), subaction}];
        ActionValue next;
        const bool filtered_out = set_filter != XR_NULL_PATH && subaction != XR_NULL_PATH && subaction != set_filter;
        if (focused && set_active && !filtered_out)
          next = read_action(*session, *action, subaction == XR_NULL_PATH ? set_filter : subaction);
        const bool differs = next.x != stored.x || next.y != stored.y;
        next.changed = next.active && stored.active && differs;
        next.last_change_time = next.changed || (next.active && !stored.active) ? now : stored.last_change_time;
        stored = next;
      }
    }
  }
  return focused ? XR_SUCCESS : XR_SESSION_NOT_FOCUSED;
}

// Checks what every xrGetActionState* call needs and returns the stored state in *VALUE.
XrResult find_action_value(XrSession handle, const XrActionStateGetInfo* info, XrActionType type, const void* state,
                           ActionValue* value) {
  Session* session = nullptr;
  if (XrResult r = find_session(handle, &session); r != XR_SUCCESS) return r;
  if (info == nullptr || info->type != XR_TYPE_ACTION_STATE_GET_INFO || state == nullptr)
    return XR_ERROR_VALIDATION_FAILURE;
  const Action* action = lookup_action(info->action);
  if (action == nullptr) return XR_ERROR_HANDLE_INVALID;
  if (action->type != type) return XR_ERROR_ACTION_TYPE_MISMATCH;
  if (std::find(session->attached_sets.begin(), session->attached_sets.end(), action->set) ==
      session->attached_sets.end())
    return XR_ERROR_ACTIONSET_NOT_ATTACHED;
  if (info->subactionPath != XR_NULL_PATH) {
    if (path_string(*session->instance, info->subactionPath).empty()) return XR_ERROR_PATH_INVALID;
    if (std::find(action->subaction_paths.begin(), action->subaction_paths.end(), info->subactionPath) ==
        action->subaction_paths.end())
      return XR_ERROR_PATH_UNSUPPORTED;
  }
  const auto it = session->action_values.find({action, info->subactionPath});
  *value = it == session->action_values.end() ? ActionValue{} : it->second;
  return XR_SUCCESS;
}

XrResult get_boolean(XrSession handle, const XrActionStateGetInfo* info, XrActionStateBoolean* state) {
  ActionValue v;
  if (XrResult r = find_action_value(handle, info, XR_ACTION_TYPE_BOOLEAN_INPUT, state, &v); r != XR_SUCCESS) return r;
  if (state->type != XR_TYPE_ACTION_STATE_BOOLEAN) return XR_ERROR_VALIDATION_FAILURE;
  state->currentState = v.x != 0 ? XR_TRUE : XR_FALSE;
  state->changedSinceLastSync = v.changed ? XR_TRUE : XR_FALSE;
  state->lastChangeTime = v.last_change_time;
  state->isActive = v.active ? XR_TRUE : XR_FALSE;
  return XR_SUCCESS;
}

XrResult get_float(XrSession handle, const XrActionStateGetInfo* info, XrActionStateFloat* state) {
  ActionValue v;
  if (XrResult r = find_action_value(handle, info, XR_ACTION_TYPE_FLOAT_INPUT, state, &v); r != XR_SUCCESS) return r;
  if (state->type != XR_TYPE_ACTION_STATE_FLOAT) return XR_ERROR_VALIDATION_FAILURE;
  state->currentState = v.x;
  state->changedSinceLastSync = v.changed ? XR_TRUE : XR_FALSE;
  state->lastChangeTime = v.last_change_time;
  state->isActive = v.active ? XR_TRUE : XR_FALSE;
  return XR_SUCCESS;
}

XrResult get_vector2(XrSession handle, const XrActionStateGetInfo* info, XrActionStateVector2f* state) {
  ActionValue v;
  if (XrResult r = find_action_value(handle, info, XR_ACTION_TYPE_VECTOR2F_INPUT, state, &v); r != XR_SUCCESS) return r;
  if (state->type != XR_TYPE_ACTION_STATE_VECTOR2F) return XR_ERROR_VALIDATION_FAILURE;
  state->currentState = {v.x, v.y};
  state->changedSinceLastSync = v.changed ? XR_TRUE : XR_FALSE;
  state->lastChangeTime = v.last_change_time;
  state->isActive = v.active ? XR_TRUE : XR_FALSE;
  return XR_SUCCESS;
}

XrResult get_pose(XrSession handle, const XrActionStateGetInfo* info, XrActionStatePose* state) {
  ActionValue v;
  if (XrResult r = find_action_value(handle, info, XR_ACTION_TYPE_POSE_INPUT, state, &v); r != XR_SUCCESS) return r;
  if (state->type != XR_TYPE_ACTION_STATE_POSE) return XR_ERROR_VALIDATION_FAILURE;
  state->isActive = v.active ? XR_TRUE : XR_FALSE;
  return XR_SUCCESS;
}

// Checks a haptic call's session, action type, attachment and subaction path.
XrResult find_haptic_action(XrSession handle, const XrHapticActionInfo* info, Session** session, Action** action) {
  if (XrResult r = find_session(handle, session); r != XR_SUCCESS) return r;
  if (info == nullptr || info->type != XR_TYPE_HAPTIC_ACTION_INFO) return XR_ERROR_VALIDATION_FAILURE;
  *action = lookup_action(info->action);
  if (*action == nullptr) return XR_ERROR_HANDLE_INVALID;
  if ((*action)->type != XR_ACTION_TYPE_VIBRATION_OUTPUT) return XR_ERROR_ACTION_TYPE_MISMATCH;
  const auto& sets = (*session)->attached_sets;
  if (std::find(sets.begin(), sets.end(), (*action)->set) == sets.end()) return XR_ERROR_ACTIONSET_NOT_ATTACHED;
  if (info->subactionPath != XR_NULL_PATH &&
      std::find((*action)->subaction_paths.begin(), (*action)->subaction_paths.end(), info->subactionPath) ==
          (*action)->subaction_paths.end())
    return XR_ERROR_PATH_UNSUPPORTED;
  return XR_SUCCESS;
}

XrResult apply_haptic(XrSession handle, const XrHapticActionInfo* info, const XrHapticBaseHeader* haptic) {
  Session* session = nullptr;
  Action* action = nullptr;
  if (XrResult r = find_haptic_action(handle, info, &session, &action); r != XR_SUCCESS) return r;
  if (haptic == nullptr || haptic->type != XR_TYPE_HAPTIC_VIBRATION) return XR_ERROR_VALIDATION_FAILURE;
  const auto& vibration = *reinterpret_cast<const XrHapticVibration*>(haptic);
  if (vibration.amplitude < 0 || vibration.amplitude > 1 || vibration.frequency < 0) return XR_ERROR_VALIDATION_FAILURE;
  if (!is_focused(*session)) return XR_SESSION_NOT_FOCUSED;
  for (Hand hand : haptic_hands(*session, *action, info->subactionPath))
    runtime().report.haptics.push_back({session->waited_frame, action->name,
                                        hand == Hand::Left ? "/user/hand/left" : "/user/hand/right", vibration.duration,
                                        vibration.frequency, vibration.amplitude});
  return XR_SUCCESS;
}

XrResult stop_haptic(XrSession handle, const XrHapticActionInfo* info) {
  Session* session = nullptr;
  Action* action = nullptr;
  if (XrResult r = find_haptic_action(handle, info, &session, &action); r != XR_SUCCESS) return r;
  return is_focused(*session) ? XR_SUCCESS : XR_SESSION_NOT_FOCUSED;
}

XrResult enumerate_bound_sources(XrSession handle, const XrBoundSourcesForActionEnumerateInfo* info, uint32_t capacity,
                                 uint32_t* count, XrPath* sources) {
  Session* session = nullptr;
  if (XrResult r = find_session(handle, &session); r != XR_SUCCESS) return r;
  if (info == nullptr || info->type != XR_TYPE_BOUND_SOURCES_FOR_ACTION_ENUMERATE_INFO || count == nullptr)
    return XR_ERROR_VALIDATION_FAILURE;
  const Action* action = lookup_action(info->action);
  if (action == nullptr) return XR_ERROR_HANDLE_INVALID;
  const auto& sets = session->attached_sets;
  if (std::find(sets.begin(), sets.end(), action->set) == sets.end()) return XR_ERROR_ACTIONSET_NOT_ATTACHED;
  std::vector<XrPath> bound;
  const auto it = session->instance->suggested_bindings.find(session->current_profile);
  if (it != session->instance->suggested_bindings.end())
    for (const auto& [bound_action, path] : it->second)
      if (bound_action == action) bound.push_back(path);
  *count = uint32_t(bound.size());
  if (capacity == 0) return XR_SUCCESS;
  if (capacity < bound.size()) return XR_ERROR_SIZE_INSUFFICIENT;
  if (sources == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  std::copy(bound.begin(), bound.end(), sources);
  return XR_SUCCESS;
}

XrResult get_input_source_localized_name(XrSession handle, const XrInputSourceLocalizedNameGetInfo* info,
                                         uint32_t capacity, uint32_t* count, char* buffer) {
  Session* session = nullptr;
  if (XrResult r = find_session(handle, &session); r != XR_SUCCESS) return r;
  if (info == nullptr || info->type != XR_TYPE_INPUT_SOURCE_LOCALIZED_NAME_GET_INFO || count == nullptr ||
      info->whichComponents == 0)
    return XR_ERROR_VALIDATION_FAILURE;
  const std::string& path = path_string(*session->instance, info->sourcePath);
  if (path.empty()) return XR_ERROR_PATH_INVALID;
  if (!session->action_sets_attached) return XR_ERROR_ACTIONSET_NOT_ATTACHED;
  // A plain English rendering of the path's parts, e.g. "Right Hand xrsim controller trigger value".
  std::string name;
  if (info->whichComponents & XR_INPUT_SOURCE_LOCALIZED_NAME_USER_PATH_BIT)
    name += path.starts_with("/user/hand/left") ? "Left Hand" : "Right Hand";
  if (info->whichComponents & XR_INPUT_SOURCE_LOCALIZED_NAME_INTERACTION_PROFILE_BIT)
    name += std::string(name.empty() ? "" : " ") + "xrsim controller";
  if (info->whichComponents & XR_INPUT_SOURCE_LOCALIZED_NAME_COMPONENT_BIT) {
    const size_t input = path.find("/input/");
    std::string component = input == std::string::npos ? "haptic" : path.substr(input + 7);
    std::replace(component.begin(), component.end(), '/', ' ');
    name += (name.empty() ? "" : " ") + component;
  }
  *count = uint32_t(name.size() + 1);
  if (capacity == 0) return XR_SUCCESS;
  if (capacity < name.size() + 1) return XR_ERROR_SIZE_INSUFFICIENT;
  if (buffer == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  std::memcpy(buffer, name.c_str(), name.size() + 1);
  return XR_SUCCESS;
}

}  // namespace

void add_action_functions(FunctionTable& table) {
  add_function<"xrCreateActionSet", &create_action_set>(table);
  add_function<"xrDestroyActionSet", &destroy_action_set>(table);
  add_function<"xrCreateAction", &create_action>(table);
  add_function<"xrDestroyAction", &destroy_action>(table);
  add_function<"xrSuggestInteractionProfileBindings", &suggest_bindings>(table);
  add_function<"xrAttachSessionActionSets", &attach_action_sets>(table);
  add_function<"xrGetCurrentInteractionProfile", &get_current_interaction_profile>(table);
  add_function<"xrSyncActions", &sync_actions>(table);
  add_function<"xrGetActionStateBoolean", &get_boolean>(table);
  add_function<"xrGetActionStateFloat", &get_float>(table);
  add_function<"xrGetActionStateVector2f", &get_vector2>(table);
  add_function<"xrGetActionStatePose", &get_pose>(table);
  add_function<"xrApplyHapticFeedback", &apply_haptic>(table);
  add_function<"xrStopHapticFeedback", &stop_haptic>(table);
  add_function<"xrEnumerateBoundSourcesForAction", &enumerate_bound_sources>(table);
  add_function<"xrGetInputSourceLocalizedName", &get_input_source_localized_name>(table);
}

}  // namespace xrsim
