// Instance creation and destruction, instance properties, and the enum-to-string functions.
#include <cstdlib>
#include <cstring>

#include "core/log.h"
#include "entry_points.h"
#include "session_lifetime.h"
#include "user_presence.h"

namespace xrsim {
namespace {

// The script named by XRSIM_SCRIPT, or the defaults when it is unset.
liyuan::Result<Script> current_script() {
  const char* path = std::getenv("XRSIM_SCRIPT");
  if (path == nullptr || *path == '\0') return Script{};
  return load_script(path);
}

std::vector<XrExtensionProperties> offered_extensions(const Script& script) {
  std::vector<XrExtensionProperties> extensions;
  XrExtensionProperties vulkan{XR_TYPE_EXTENSION_PROPERTIES};
  std::strncpy(vulkan.extensionName, XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME, XR_MAX_EXTENSION_NAME_SIZE - 1);
  vulkan.extensionVersion = XR_KHR_vulkan_enable2_SPEC_VERSION;
  extensions.push_back(vulkan);
  if (script.depth_extension) {
    XrExtensionProperties depth{XR_TYPE_EXTENSION_PROPERTIES};
    std::strncpy(depth.extensionName, XR_KHR_COMPOSITION_LAYER_DEPTH_EXTENSION_NAME, XR_MAX_EXTENSION_NAME_SIZE - 1);
    depth.extensionVersion = XR_KHR_composition_layer_depth_SPEC_VERSION;
    extensions.push_back(depth);
  }
  XrExtensionProperties presence{XR_TYPE_EXTENSION_PROPERTIES};
  std::strncpy(presence.extensionName, XR_EXT_USER_PRESENCE_EXTENSION_NAME, XR_MAX_EXTENSION_NAME_SIZE - 1);
  presence.extensionVersion = XR_EXT_user_presence_SPEC_VERSION;
  extensions.push_back(presence);
  return extensions;
}

XrResult enumerate_instance_extension_properties(const char* layer_name, uint32_t capacity, uint32_t* count,
                                                 XrExtensionProperties* properties) {
  if (count == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  if (layer_name != nullptr) return XR_ERROR_API_LAYER_NOT_PRESENT;
  auto script = current_script();
  const std::vector<XrExtensionProperties> extensions = offered_extensions(script ? *script : Script{});
  *count = uint32_t(extensions.size());
  if (capacity == 0) return XR_SUCCESS;
  if (capacity < extensions.size()) return XR_ERROR_SIZE_INSUFFICIENT;
  if (properties == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  for (size_t i = 0; i < extensions.size(); ++i) {
    if (properties[i].type != XR_TYPE_EXTENSION_PROPERTIES) return XR_ERROR_VALIDATION_FAILURE;
    std::memcpy(properties[i].extensionName, extensions[i].extensionName, XR_MAX_EXTENSION_NAME_SIZE);
    properties[i].extensionVersion = extensions[i].extensionVersion;
  }
  return XR_SUCCESS;
}

XrResult enumerate_api_layer_properties(uint32_t, uint32_t* count, XrApiLayerProperties*) {
  if (count == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  *count = 0;
  return XR_SUCCESS;
}

XrResult create_instance(const XrInstanceCreateInfo* info, XrInstance* out) {
  if (info == nullptr || out == nullptr || info->type != XR_TYPE_INSTANCE_CREATE_INFO)
    return XR_ERROR_VALIDATION_FAILURE;
  if (runtime().instance) return XR_ERROR_LIMIT_REACHED;
  if (XR_VERSION_MAJOR(info->applicationInfo.apiVersion) != 1) return XR_ERROR_API_VERSION_UNSUPPORTED;
  if (info->applicationInfo.applicationName[0] == '\0') return XR_ERROR_NAME_INVALID;
  runtime().report = Report{};
  auto script = current_script();
  if (!script) {
    liyuan::log::error("{}", script.error().to_string());
    runtime().report.messages.push_back(script.error().to_string());
    return XR_ERROR_RUNTIME_FAILURE;
  }
  auto instance = std::make_unique<Instance>();
  instance->script = std::move(*script);
  const std::vector<XrExtensionProperties> offered = offered_extensions(instance->script);
  for (uint32_t i = 0; i < info->enabledExtensionCount; ++i) {
    const char* name = info->enabledExtensionNames[i];
    bool found = false;
    for (const XrExtensionProperties& e : offered) found = found || std::strcmp(e.extensionName, name) == 0;
    if (!found) return XR_ERROR_EXTENSION_NOT_PRESENT;
    if (std::strcmp(name, XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME) == 0) instance->vulkan_enable2 = true;
    if (std::strcmp(name, XR_KHR_COMPOSITION_LAYER_DEPTH_EXTENSION_NAME) == 0) instance->depth_extension = true;
    if (std::strcmp(name, XR_EXT_USER_PRESENCE_EXTENSION_NAME) == 0) instance->user_presence = true;
  }
  instance->application_name = info->applicationInfo.applicationName;
  *out = reinterpret_cast<XrInstance>(instance.get());
  runtime().live[instance.get()] = HandleKind::Instance;
  runtime().instance = std::move(instance);
  return XR_SUCCESS;
}

XrResult destroy_instance(XrInstance handle) {
  Instance* instance = lookup_instance(handle);
  if (instance == nullptr) return XR_ERROR_HANDLE_INVALID;
  std::vector<const ScriptEvent*> lost = instance->pending_captures;
  for (size_t i = instance->next_script_event; i < instance->script.events.size(); ++i)
    if (instance->script.events[i].kind == ScriptEvent::Kind::Capture) lost.push_back(&instance->script.events[i]);
  for (const ScriptEvent* capture : lost)
    runtime().report.messages.push_back(
        liyuan::make_error_at(instance->script.source, capture->line, 0,
                              "capture at frame " + std::to_string(capture->frame) +
                                  " never happened: no frame from then on submitted a projection layer")
            .to_string());
  if (instance->session) destroy_session_objects(*instance->session);
  instance->session.reset();
  for (auto& set : instance->action_sets) {
    for (auto& action : set->actions) runtime().live.erase(action.get());
    runtime().live.erase(set.get());
  }
  runtime().live.erase(instance);
  runtime().instance.reset();
  if (const char* path = std::getenv("XRSIM_REPORT"); path != nullptr && *path != '\0') {
    if (auto written = runtime().report.write(path); !written)
      liyuan::log::error("xrsim: cannot write the report: {}", written.error().to_string());
  }
  return XR_SUCCESS;
}

XrResult get_instance_properties(XrInstance handle, XrInstanceProperties* properties) {
  if (lookup_instance(handle) == nullptr) return XR_ERROR_HANDLE_INVALID;
  if (properties == nullptr || properties->type != XR_TYPE_INSTANCE_PROPERTIES) return XR_ERROR_VALIDATION_FAILURE;
  properties->runtimeVersion = XR_MAKE_VERSION(0, 1, 0);
  std::strncpy(properties->runtimeName, "Liyuan xrsim", XR_MAX_RUNTIME_NAME_SIZE - 1);
  return XR_SUCCESS;
}

XrResult result_to_string(XrInstance handle, XrResult value, char buffer[XR_MAX_RESULT_STRING_SIZE]) {
  if (lookup_instance(handle) == nullptr) return XR_ERROR_HANDLE_INVALID;
  if (buffer == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  std::string name = result_name(value);
  if (name.starts_with("XR_UNKNOWN_RESULT_"))
    name = (value >= 0 ? "XR_UNKNOWN_SUCCESS_" : "XR_UNKNOWN_FAILURE_") + std::to_string(int(value));
  std::strncpy(buffer, name.c_str(), XR_MAX_RESULT_STRING_SIZE - 1);
  buffer[XR_MAX_RESULT_STRING_SIZE - 1] = '\0';
  return XR_SUCCESS;
}

XrResult structure_type_to_string(XrInstance handle, XrStructureType value, char buffer[XR_MAX_STRUCTURE_NAME_SIZE]) {
  if (lookup_instance(handle) == nullptr) return XR_ERROR_HANDLE_INVALID;
  if (buffer == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  std::string name;
  switch (value) {
#define XRSIM_TYPE_CASE(type_name, type_value) \
  case type_name:                              \
    name = #type_name;                         \
    break;
    XR_LIST_ENUM_XrStructureType(XRSIM_TYPE_CASE)
#undef XRSIM_TYPE_CASE
        default : name = "XR_UNKNOWN_STRUCTURE_TYPE_" + std::to_string(int(value));
  }
  std::strncpy(buffer, name.c_str(), XR_MAX_STRUCTURE_NAME_SIZE - 1);
  buffer[XR_MAX_STRUCTURE_NAME_SIZE - 1] = '\0';
  return XR_SUCCESS;
}

}  // namespace

void add_instance_functions(FunctionTable& table) {
  add_function<"xrEnumerateInstanceExtensionProperties", &enumerate_instance_extension_properties>(table);
  add_function<"xrEnumerateApiLayerProperties", &enumerate_api_layer_properties>(table);
  add_function<"xrCreateInstance", &create_instance>(table);
  add_function<"xrDestroyInstance", &destroy_instance>(table);
  add_function<"xrGetInstanceProperties", &get_instance_properties>(table);
  add_function<"xrResultToString", &result_to_string>(table);
  add_function<"xrStructureTypeToString", &structure_type_to_string>(table);
}

}  // namespace xrsim
