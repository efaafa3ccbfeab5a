#include "core/log.h"
#include "entry_points.h"
#include "events.h"
#include "session_lifetime.h"
#include "user_presence.h"

namespace xrsim {
namespace {

// Rank of the running states: READY (not yet synchronized) 0, SYNCHRONIZED 1, VISIBLE 2, FOCUSED 3.
int running_rank(XrSessionState state) {
  switch (state) {
    case XR_SESSION_STATE_SYNCHRONIZED:
      return 1;
    case XR_SESSION_STATE_VISIBLE:
      return 2;
    case XR_SESSION_STATE_FOCUSED:
      return 3;
    default:
      return 0;
  }
}

constexpr XrSessionState kRankStates[] = {XR_SESSION_STATE_READY, XR_SESSION_STATE_SYNCHRONIZED,
                                          XR_SESSION_STATE_VISIBLE, XR_SESSION_STATE_FOCUSED};

XrResult create_session(XrInstance handle, const XrSessionCreateInfo* info, XrSession* out) {
  Instance* instance = lookup_instance(handle);
  if (instance == nullptr) return XR_ERROR_HANDLE_INVALID;
  if (info == nullptr || out == nullptr || info->type != XR_TYPE_SESSION_CREATE_INFO || info->createFlags != 0)
    return XR_ERROR_VALIDATION_FAILURE;
  if (info->systemId != kSystemId) return XR_ERROR_SYSTEM_INVALID;
  const XrGraphicsBindingVulkan2KHR* binding = nullptr;
  for (auto* next = static_cast<const XrBaseInStructure*>(info->next); next != nullptr; next = next->next)
    if (next->type == XR_TYPE_GRAPHICS_BINDING_VULKAN2_KHR)
      binding = reinterpret_cast<const XrGraphicsBindingVulkan2KHR*>(next);
  if (!instance->vulkan_enable2 || binding == nullptr) return XR_ERROR_GRAPHICS_DEVICE_INVALID;
  if (!instance->graphics_requirements_queried) return XR_ERROR_GRAPHICS_REQUIREMENTS_CALL_MISSING;
  if (binding->instance == VK_NULL_HANDLE || binding->device == VK_NULL_HANDLE ||
      binding->physicalDevice != instance->vk_physical_device)
    return XR_ERROR_GRAPHICS_DEVICE_INVALID;
  if (instance->session) return XR_ERROR_LIMIT_REACHED;
  PFN_vkGetInstanceProcAddr get =
      instance->vk_get_instance_proc_addr ? instance->vk_get_instance_proc_addr : &vkGetInstanceProcAddr;
  auto vulkan = open_vulkan_device(get, *binding);
  if (!vulkan) {
    liyuan::log::error("{}", vulkan.error().to_string());
    runtime().report.messages.push_back(vulkan.error().to_string());
    return XR_ERROR_RUNTIME_FAILURE;
  }
  auto session = std::make_unique<Session>();
  session->instance = instance;
  session->serial = ++instance->sessions_created;
  session->vulkan = *vulkan;
  runtime().live[session.get()] = HandleKind::Session;
  *out = reinterpret_cast<XrSession>(session.get());
  instance->session = std::move(session);
  change_session_state(*instance->session, XR_SESSION_STATE_IDLE);
  change_session_state(*instance->session, XR_SESSION_STATE_READY);
  return XR_SUCCESS;
}

XrResult destroy_session(XrSession handle) {
  Session* session = lookup_session(handle);
  if (session == nullptr) return XR_ERROR_HANDLE_INVALID;
  Instance* instance = session->instance;
  destroy_session_objects(*session);
  drop_session_events(*instance, handle);
  instance->session.reset();
  return XR_SUCCESS;
}

XrResult begin_session(XrSession handle, const XrSessionBeginInfo* info) {
  Session* session = nullptr;
  if (XrResult r = find_session(handle, &session); r != XR_SUCCESS) return r;
  if (info == nullptr || info->type != XR_TYPE_SESSION_BEGIN_INFO) return XR_ERROR_VALIDATION_FAILURE;
  if (info->primaryViewConfigurationType != XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO)
    return XR_ERROR_VIEW_CONFIGURATION_TYPE_UNSUPPORTED;
  if (session->running) return XR_ERROR_SESSION_RUNNING;
  if (session->state != XR_SESSION_STATE_READY) return XR_ERROR_SESSION_NOT_READY;
  session->running = true;
  session->frames_waited = 0;
  return XR_SUCCESS;
}

XrResult end_session(XrSession handle) {
  Session* session = nullptr;
  if (XrResult r = find_session(handle, &session); r != XR_SUCCESS) return r;
  if (!session->running) return XR_ERROR_SESSION_NOT_RUNNING;
  if (session->state != XR_SESSION_STATE_STOPPING) return XR_ERROR_SESSION_NOT_STOPPING;
  session->running = false;
  session->frame_waited = false;
  session->frame_begun = false;
  change_session_state(*session, XR_SESSION_STATE_IDLE);
  if (session->exit_requested) change_session_state(*session, XR_SESSION_STATE_EXITING);
  return XR_SUCCESS;
}

XrResult request_exit_session(XrSession handle) {
  Session* session = nullptr;
  if (XrResult r = find_session(handle, &session); r != XR_SUCCESS) return r;
  if (!session->running) return XR_ERROR_SESSION_NOT_RUNNING;
  session->exit_requested = true;
  advance_session_state(*session);
  return XR_SUCCESS;
}

}  // namespace

XrResult find_session(XrSession handle, Session** session) {
  *session = lookup_session(handle);
  if (*session == nullptr) return XR_ERROR_HANDLE_INVALID;
  if ((*session)->lost) return XR_ERROR_SESSION_LOST;
  return XR_SUCCESS;
}

void destroy_session_objects(Session& session) {
  VulkanDevice& vk = session.vulkan;
  for (auto& swapchain : session.swapchains) {
    for (const Swapchain::Image& image : swapchain->images) {
      vk.fn.DestroyImage(vk.device, image.image, nullptr);
      vk.fn.FreeMemory(vk.device, image.memory, nullptr);
    }
    runtime().live.erase(swapchain.get());
  }
  session.swapchains.clear();
  for (auto& space : session.spaces) runtime().live.erase(space.get());
  session.spaces.clear();
  close_vulkan_device(vk);
  runtime().live.erase(&session);
}

void advance_session_state(Session& session) {
  if (session.lost) return;
  if (!session.running) {
    if (session.exit_requested && session.state == XR_SESSION_STATE_READY) {
      change_session_state(session, XR_SESSION_STATE_IDLE);
      change_session_state(session, XR_SESSION_STATE_EXITING);
    }
    return;
  }
  if (session.state == XR_SESSION_STATE_STOPPING) return;
  const Instance& instance = *session.instance;
  int target = 0;
  if (session.frames_waited >= 1) target = 1;
  if (session.frames_waited >= 2 && !instance.visitor_absent) target = 2;
  if (session.frames_waited >= 3 && !instance.visitor_absent && !instance.focus_lost) target = 3;
  if (session.exit_requested) target = 1;
  int rank = running_rank(session.state);
  if (rank >= 1 && target < 1) target = 1;  // once synchronized, a session stays at least synchronized
  if (session.exit_requested && rank == 0) target = 1;
  while (rank < target) change_session_state(session, kRankStates[++rank]);
  while (rank > target) change_session_state(session, kRankStates[--rank]);
  if (session.exit_requested) change_session_state(session, XR_SESSION_STATE_STOPPING);
}

void apply_session_request(Instance& instance, const std::string& request) {
  Session* session = instance.session.get();
  if (request == "focus_loss") instance.focus_lost = true;
  if (request == "focus_return") instance.focus_lost = false;
  if (request == "visitor_absent") instance.visitor_absent = true;
  if (request == "visitor_present") instance.visitor_absent = false;
  if (session == nullptr || session->lost) return;
  if (instance.user_presence && (request == "visitor_absent" || request == "visitor_present")) {
    XrEventDataUserPresenceChangedEXT event{XR_TYPE_EVENT_DATA_USER_PRESENCE_CHANGED_EXT, nullptr,
                                            reinterpret_cast<XrSession>(session),
                                            XrBool32(request == "visitor_present" ? XR_TRUE : XR_FALSE)};
    push_event(instance, &event, sizeof(event));
  }
  if (request == "request_exit") session->exit_requested = true;
  if (request == "loss_pending") {
    change_session_state(*session, XR_SESSION_STATE_LOSS_PENDING);
    session->lost = true;
    session->running = false;
    return;
  }
  advance_session_state(*session);
}

void add_session_functions(FunctionTable& table) {
  add_function<"xrCreateSession", &create_session>(table);
  add_function<"xrDestroySession", &destroy_session>(table);
  add_function<"xrBeginSession", &begin_session>(table);
  add_function<"xrEndSession", &end_session>(table);
  add_function<"xrRequestExitSession", &request_exit_session>(table);
}

}  // namespace xrsim
