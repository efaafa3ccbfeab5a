#include "present/openxr/xr_instance.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "core/log.h"
#include "present/openxr/xr_result.h"
#include "present/openxr/xr_user_presence.h"

namespace liyuan::present::xr {
namespace {

XRAPI_ATTR XrBool32 XRAPI_CALL on_xr_message(XrDebugUtilsMessageSeverityFlagsEXT severity,
                                             XrDebugUtilsMessageTypeFlagsEXT /*types*/,
                                             const XrDebugUtilsMessengerCallbackDataEXT* data, void* user) {
  const char* text = data && data->message ? data->message : "(no message)";
  const char* function = data && data->functionName ? data->functionName : "";
  if (severity & (XR_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT | XR_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT)) {
    static_cast<XrMessageCount*>(user)->warnings_and_errors.fetch_add(1);
    log::error("openxr validation: {} {}", function, text);
  } else {
    log::debug("openxr: {} {}", function, text);
  }
  return XR_FALSE;
}

// Sends stderr to a temporary file while the loader looks for a runtime (it prints its own errors when there is
// none) and gives the loader's lines back as debug lines, our own as they were. With XR_LOADER_DEBUG set nothing is
// captured: whoever set it wants the loader's output.
class LoaderChatter {
 public:
  LoaderChatter() {
    if (std::getenv("XR_LOADER_DEBUG")) return;
    std::fflush(stderr);
    file_ = std::tmpfile();
    saved_ = file_ ? dup(STDERR_FILENO) : -1;
    if (saved_ >= 0) dup2(fileno(file_), STDERR_FILENO);
  }
  ~LoaderChatter() {
    if (saved_ < 0) {
      if (file_) std::fclose(file_);
      return;
    }
    std::fflush(stderr);
    dup2(saved_, STDERR_FILENO);
    close(saved_);
    std::rewind(file_);
    char line[1024];
    while (std::fgets(line, sizeof line, file_)) {
      size_t length = std::strlen(line);
      while (length > 0 && (line[length - 1] == '\n' || line[length - 1] == '\r')) line[--length] = '\0';
      if (length == 0) continue;
      // Our own lines (a validation message during instance creation) go back to stderr as they were.
      if (std::strncmp(line, "liyuan:", 7) == 0)
        std::fprintf(stderr, "%s\n", line);
      else
        log::debug("openxr loader: {}", line);
    }
    std::fclose(file_);
  }
  LoaderChatter(const LoaderChatter&) = delete;
  LoaderChatter& operator=(const LoaderChatter&) = delete;

 private:
  std::FILE* file_ = nullptr;
  int saved_ = -1;
};

bool has_extension(const std::vector<XrExtensionProperties>& offered, const char* name) {
  for (const auto& extension : offered)
    if (std::strcmp(extension.extensionName, name) == 0) return true;
  return false;
}

}  // namespace

XrRuntime::~XrRuntime() {
  if (messenger) {
    auto destroy = reinterpret_cast<PFN_xrDestroyDebugUtilsMessengerEXT>(function("xrDestroyDebugUtilsMessengerEXT"));
    if (destroy) destroy(messenger);
  }
  if (instance) xrDestroyInstance(instance);
}

PFN_xrVoidFunction XrRuntime::function(const char* name) const {
  PFN_xrVoidFunction result = nullptr;
  if (XR_FAILED(xrGetInstanceProcAddr(instance, name, &result))) return nullptr;
  return result;
}

std::unique_ptr<XrRuntime> connect_to_runtime(XrUnavailable& why) {
  auto runtime = std::make_unique<XrRuntime>();
  std::vector<XrExtensionProperties> offered;
  {
    LoaderChatter quiet;
    uint32_t count = 0;
    XrResult result = xrEnumerateInstanceExtensionProperties(nullptr, 0, &count, nullptr);
    if (XR_SUCCEEDED(result)) {
      offered.assign(count, XrExtensionProperties{XR_TYPE_EXTENSION_PROPERTIES});
      result = xrEnumerateInstanceExtensionProperties(nullptr, count, &count, offered.data());
    }
    if (XR_FAILED(result)) {
      why = {result, "xrEnumerateInstanceExtensionProperties"};
      return nullptr;
    }
  }
  if (!has_extension(offered, XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME)) {
    why = {XR_ERROR_EXTENSION_NOT_PRESENT, "the runtime does not offer " XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME};
    return nullptr;
  }
  std::vector<const char*> extensions{XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME};
  bool debug_utils = has_extension(offered, XR_EXT_DEBUG_UTILS_EXTENSION_NAME);
  if (debug_utils) extensions.push_back(XR_EXT_DEBUG_UTILS_EXTENSION_NAME);
  runtime->depth_layers = has_extension(offered, XR_KHR_COMPOSITION_LAYER_DEPTH_EXTENSION_NAME);
  if (runtime->depth_layers) extensions.push_back(XR_KHR_COMPOSITION_LAYER_DEPTH_EXTENSION_NAME);
  runtime->user_presence_extension = has_extension(offered, XR_EXT_USER_PRESENCE_EXTENSION_NAME);
  if (runtime->user_presence_extension) extensions.push_back(XR_EXT_USER_PRESENCE_EXTENSION_NAME);

  XrDebugUtilsMessengerCreateInfoEXT messenger_info{XR_TYPE_DEBUG_UTILS_MESSENGER_CREATE_INFO_EXT};
  messenger_info.messageSeverities =
      XR_DEBUG_UTILS_MESSAGE_SEVERITY_VERBOSE_BIT_EXT | XR_DEBUG_UTILS_MESSAGE_SEVERITY_INFO_BIT_EXT |
      XR_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT | XR_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT;
  messenger_info.messageTypes =
      XR_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT | XR_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT |
      XR_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT | XR_DEBUG_UTILS_MESSAGE_TYPE_CONFORMANCE_BIT_EXT;
  messenger_info.userCallback = on_xr_message;
  messenger_info.userData = runtime->messages.get();

  XrInstanceCreateInfo info{XR_TYPE_INSTANCE_CREATE_INFO};
  if (debug_utils) info.next = &messenger_info;  // also reports messages from instance creation itself
  std::strncpy(info.applicationInfo.applicationName, "liyuan", XR_MAX_APPLICATION_NAME_SIZE - 1);
  std::strncpy(info.applicationInfo.engineName, "liyuan", XR_MAX_ENGINE_NAME_SIZE - 1);
  info.applicationInfo.applicationVersion = 1;
  info.applicationInfo.engineVersion = 1;
  info.applicationInfo.apiVersion = XR_CURRENT_API_VERSION;
  info.enabledExtensionCount = uint32_t(extensions.size());
  info.enabledExtensionNames = extensions.data();
  XrResult result;
  {
    LoaderChatter quiet;
    result = xrCreateInstance(&info, &runtime->instance);
  }
  if (XR_FAILED(result)) {
    runtime->instance = XR_NULL_HANDLE;
    why = {result, "xrCreateInstance"};
    return nullptr;
  }
  if (debug_utils) {
    auto create =
        reinterpret_cast<PFN_xrCreateDebugUtilsMessengerEXT>(runtime->function("xrCreateDebugUtilsMessengerEXT"));
    if (create) create(runtime->instance, &messenger_info, &runtime->messenger);
  }
  XrInstanceProperties properties{XR_TYPE_INSTANCE_PROPERTIES};
  if (XR_SUCCEEDED(xrGetInstanceProperties(runtime->instance, &properties)))
    runtime->runtime_name = std::string(properties.runtimeName) + " " +
                            std::to_string(XR_VERSION_MAJOR(properties.runtimeVersion)) + "." +
                            std::to_string(XR_VERSION_MINOR(properties.runtimeVersion)) + "." +
                            std::to_string(XR_VERSION_PATCH(properties.runtimeVersion));
  if (XrResult found = find_hmd(*runtime); XR_FAILED(found)) {
    why = {found, "xrGetSystem"};
    return nullptr;
  }
  return runtime;
}

XrResult find_hmd(XrRuntime& runtime) {
  HmdSystem& system = runtime.system;
  XrSystemGetInfo get_info{XR_TYPE_SYSTEM_GET_INFO};
  get_info.formFactor = XR_FORM_FACTOR_HEAD_MOUNTED_DISPLAY;
  if (XrResult r = xrGetSystem(runtime.instance, &get_info, &system.id); XR_FAILED(r)) return r;

  // XrSystemUserPresencePropertiesEXT is not chained: validation layers older than the extension (Debian 12's 1.0.20)
  // reject an unknown structure. A system without presence sensing simply never sends the event.
  XrSystemProperties properties{XR_TYPE_SYSTEM_PROPERTIES};
  if (XrResult r = xrGetSystemProperties(runtime.instance, system.id, &properties); XR_FAILED(r)) return r;
  system.name = properties.systemName;
  system.user_presence = runtime.user_presence_extension;

  uint32_t count = 0;
  if (XrResult r = xrEnumerateViewConfigurations(runtime.instance, system.id, 0, &count, nullptr); XR_FAILED(r))
    return r;
  std::vector<XrViewConfigurationType> types(count);
  if (XrResult r = xrEnumerateViewConfigurations(runtime.instance, system.id, count, &count, types.data());
      XR_FAILED(r))
    return r;
  bool stereo = false;
  for (XrViewConfigurationType type : types) stereo |= type == XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO;
  if (!stereo) return XR_ERROR_VIEW_CONFIGURATION_TYPE_UNSUPPORTED;

  count = 0;
  if (XrResult r = xrEnumerateViewConfigurationViews(runtime.instance, system.id,
                                                     XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO, 0, &count, nullptr);
      XR_FAILED(r))
    return r;
  if (count != 2) return XR_ERROR_VIEW_CONFIGURATION_TYPE_UNSUPPORTED;
  system.eyes[0] = system.eyes[1] = XrViewConfigurationView{XR_TYPE_VIEW_CONFIGURATION_VIEW};
  return xrEnumerateViewConfigurationViews(runtime.instance, system.id, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO, 2,
                                           &count, system.eyes);
}

}  // namespace liyuan::present::xr
