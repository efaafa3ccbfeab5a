// The loader-facing side: xrNegotiateLoaderRuntimeInterface (the only exported symbol) and xrGetInstanceProcAddr.
// SDK 1.0.20 ships no loader-negotiation header, so its structures are declared here as the loader defines them.
#include "entry_points.h"

#include <cstring>

namespace xrsim {

enum XrLoaderInterfaceStructs {
  XR_LOADER_INTERFACE_STRUCT_UNINTIALIZED = 0,
  XR_LOADER_INTERFACE_STRUCT_LOADER_INFO = 1,
  XR_LOADER_INTERFACE_STRUCT_API_LAYER_REQUEST = 2,
  XR_LOADER_INTERFACE_STRUCT_RUNTIME_REQUEST = 3,
};
constexpr uint32_t kLoaderInfoStructVersion = 1;
constexpr uint32_t kRuntimeInfoStructVersion = 1;
constexpr uint32_t kLoaderRuntimeInterfaceVersion = 1;

struct XrNegotiateLoaderInfo {
  XrLoaderInterfaceStructs structType;
  uint32_t structVersion;
  size_t structSize;
  uint32_t minInterfaceVersion;
  uint32_t maxInterfaceVersion;
  XrVersion minApiVersion;
  XrVersion maxApiVersion;
};
struct XrNegotiateRuntimeRequest {
  XrLoaderInterfaceStructs structType;
  uint32_t structVersion;
  size_t structSize;
  uint32_t runtimeInterfaceVersion;
  XrVersion runtimeApiVersion;
  PFN_xrGetInstanceProcAddr getInstanceProcAddr;
};
static_assert(sizeof(XrNegotiateLoaderInfo) == 40 && sizeof(XrNegotiateRuntimeRequest) == 40);

namespace {

XrResult XRAPI_CALL get_instance_proc_addr(XrInstance instance, const char* name, PFN_xrVoidFunction* function);

const FunctionTable& function_table() {
  static const FunctionTable table = [] {
    FunctionTable t;
    add_instance_functions(t);
    add_system_functions(t);
    add_path_functions(t);
    add_event_functions(t);
    add_vulkan_enable2_functions(t);
    add_session_functions(t);
    add_frame_functions(t);
    add_swapchain_functions(t);
    add_space_functions(t);
    add_action_functions(t);
    t["xrGetInstanceProcAddr"] = {reinterpret_cast<PFN_xrVoidFunction>(&get_instance_proc_addr), nullptr};
    return t;
  }();
  return table;
}

// xrGetInstanceProcAddr: locked but not recorded (the loader asks for every function it knows, expecting refusals).
XrResult XRAPI_CALL get_instance_proc_addr(XrInstance instance, const char* name, PFN_xrVoidFunction* function) {
  std::lock_guard lock(runtime().mutex);
  if (function == nullptr || name == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  *function = nullptr;
  const bool pre_instance = std::strcmp(name, "xrEnumerateInstanceExtensionProperties") == 0 ||
                            std::strcmp(name, "xrEnumerateApiLayerProperties") == 0 ||
                            std::strcmp(name, "xrCreateInstance") == 0 ||
                            std::strcmp(name, "xrGetInstanceProcAddr") == 0;
  const Instance* owner = lookup_instance(instance);
  if (instance == XR_NULL_HANDLE && !pre_instance) return XR_ERROR_HANDLE_INVALID;
  if (instance != XR_NULL_HANDLE && owner == nullptr) return XR_ERROR_HANDLE_INVALID;
  const auto it = function_table().find(name);
  if (it == function_table().end()) return XR_ERROR_FUNCTION_UNSUPPORTED;
  if (it->second.extension != nullptr) {
    const bool enabled =
        owner != nullptr &&
        ((std::strcmp(it->second.extension, XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME) == 0 && owner->vulkan_enable2));
    if (!enabled) return XR_ERROR_FUNCTION_UNSUPPORTED;
  }
  *function = it->second.function;
  return XR_SUCCESS;
}

XrResult negotiate(const XrNegotiateLoaderInfo* loader_info, XrNegotiateRuntimeRequest* runtime_request) {
  if (loader_info == nullptr || runtime_request == nullptr ||
      loader_info->structType != XR_LOADER_INTERFACE_STRUCT_LOADER_INFO ||
      loader_info->structVersion != kLoaderInfoStructVersion ||
      loader_info->structSize != sizeof(XrNegotiateLoaderInfo) ||
      runtime_request->structType != XR_LOADER_INTERFACE_STRUCT_RUNTIME_REQUEST ||
      runtime_request->structVersion != kRuntimeInfoStructVersion ||
      runtime_request->structSize != sizeof(XrNegotiateRuntimeRequest))
    return XR_ERROR_INITIALIZATION_FAILED;
  if (loader_info->minInterfaceVersion > kLoaderRuntimeInterfaceVersion ||
      loader_info->maxInterfaceVersion < kLoaderRuntimeInterfaceVersion)
    return XR_ERROR_INITIALIZATION_FAILED;
  if (loader_info->minApiVersion > XR_CURRENT_API_VERSION || XR_VERSION_MAJOR(loader_info->maxApiVersion) < 1)
    return XR_ERROR_INITIALIZATION_FAILED;
  runtime_request->runtimeInterfaceVersion = kLoaderRuntimeInterfaceVersion;
  runtime_request->runtimeApiVersion = XR_CURRENT_API_VERSION;
  runtime_request->getInstanceProcAddr = &get_instance_proc_addr;
  return XR_SUCCESS;
}

}  // namespace

Runtime& runtime() {
  static Runtime instance;
  return instance;
}

void record_error(const char* function, XrResult result) {
  runtime().report.errors.push_back({function, result_name(result)});
}

}  // namespace xrsim

extern "C" __attribute__((visibility("default"))) XrResult XRAPI_CALL xrNegotiateLoaderRuntimeInterface(
    const xrsim::XrNegotiateLoaderInfo* loader_info, xrsim::XrNegotiateRuntimeRequest* runtime_request) {
  return xrsim::negotiate(loader_info, runtime_request);
}
