// The simulated system: one head-mounted display with a stereo view configuration and an opaque blend mode.
#include <cstring>

#include "entry_points.h"
#include "user_presence.h"

namespace xrsim {
namespace {

XrResult get_system(XrInstance handle, const XrSystemGetInfo* info, XrSystemId* system) {
  if (lookup_instance(handle) == nullptr) return XR_ERROR_HANDLE_INVALID;
  if (info == nullptr || system == nullptr || info->type != XR_TYPE_SYSTEM_GET_INFO) return XR_ERROR_VALIDATION_FAILURE;
  if (info->formFactor != XR_FORM_FACTOR_HEAD_MOUNTED_DISPLAY) {
    if (info->formFactor == XR_FORM_FACTOR_HANDHELD_DISPLAY) return XR_ERROR_FORM_FACTOR_UNSUPPORTED;
    return XR_ERROR_VALIDATION_FAILURE;
  }
  *system = kSystemId;
  return XR_SUCCESS;
}

XrResult get_system_properties(XrInstance handle, XrSystemId system, XrSystemProperties* properties) {
  if (lookup_instance(handle) == nullptr) return XR_ERROR_HANDLE_INVALID;
  if (system != kSystemId) return XR_ERROR_SYSTEM_INVALID;
  if (properties == nullptr || properties->type != XR_TYPE_SYSTEM_PROPERTIES) return XR_ERROR_VALIDATION_FAILURE;
  properties->systemId = kSystemId;
  properties->vendorId = 0x4C59;  // "LY"
  std::strncpy(properties->systemName, "Liyuan xrsim HMD", XR_MAX_SYSTEM_NAME_SIZE - 1);
  properties->graphicsProperties.maxSwapchainImageWidth = kMaxImageSize;
  properties->graphicsProperties.maxSwapchainImageHeight = kMaxImageSize;
  properties->graphicsProperties.maxLayerCount = kMaxLayerCount;
  properties->trackingProperties.orientationTracking = XR_TRUE;
  properties->trackingProperties.positionTracking = XR_TRUE;
  for (auto* next = static_cast<XrBaseOutStructure*>(properties->next); next != nullptr; next = next->next)
    if (next->type == XR_TYPE_SYSTEM_USER_PRESENCE_PROPERTIES_EXT)
      reinterpret_cast<XrSystemUserPresencePropertiesEXT*>(next)->supportsUserPresence = XR_TRUE;
  return XR_SUCCESS;
}

XrResult enumerate_environment_blend_modes(XrInstance handle, XrSystemId system, XrViewConfigurationType type,
                                           uint32_t capacity, uint32_t* count, XrEnvironmentBlendMode* modes) {
  if (lookup_instance(handle) == nullptr) return XR_ERROR_HANDLE_INVALID;
  if (system != kSystemId) return XR_ERROR_SYSTEM_INVALID;
  if (type != XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO) return XR_ERROR_VIEW_CONFIGURATION_TYPE_UNSUPPORTED;
  if (count == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  *count = 1;
  if (capacity == 0) return XR_SUCCESS;
  if (modes == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  modes[0] = XR_ENVIRONMENT_BLEND_MODE_OPAQUE;
  return XR_SUCCESS;
}

XrResult enumerate_view_configurations(XrInstance handle, XrSystemId system, uint32_t capacity, uint32_t* count,
                                       XrViewConfigurationType* types) {
  if (lookup_instance(handle) == nullptr) return XR_ERROR_HANDLE_INVALID;
  if (system != kSystemId) return XR_ERROR_SYSTEM_INVALID;
  if (count == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  *count = 1;
  if (capacity == 0) return XR_SUCCESS;
  if (types == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  types[0] = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO;
  return XR_SUCCESS;
}

XrResult get_view_configuration_properties(XrInstance handle, XrSystemId system, XrViewConfigurationType type,
                                           XrViewConfigurationProperties* properties) {
  if (lookup_instance(handle) == nullptr) return XR_ERROR_HANDLE_INVALID;
  if (system != kSystemId) return XR_ERROR_SYSTEM_INVALID;
  if (type != XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO) return XR_ERROR_VIEW_CONFIGURATION_TYPE_UNSUPPORTED;
  if (properties == nullptr || properties->type != XR_TYPE_VIEW_CONFIGURATION_PROPERTIES)
    return XR_ERROR_VALIDATION_FAILURE;
  properties->viewConfigurationType = type;
  properties->fovMutable = XR_TRUE;
  return XR_SUCCESS;
}

XrResult enumerate_view_configuration_views(XrInstance handle, XrSystemId system, XrViewConfigurationType type,
                                            uint32_t capacity, uint32_t* count, XrViewConfigurationView* views) {
  const Instance* instance = lookup_instance(handle);
  if (instance == nullptr) return XR_ERROR_HANDLE_INVALID;
  if (system != kSystemId) return XR_ERROR_SYSTEM_INVALID;
  if (type != XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO) return XR_ERROR_VIEW_CONFIGURATION_TYPE_UNSUPPORTED;
  if (count == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  *count = kViewCount;
  if (capacity == 0) return XR_SUCCESS;
  if (capacity < kViewCount) return XR_ERROR_SIZE_INSUFFICIENT;
  if (views == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  for (uint32_t i = 0; i < kViewCount; ++i) {
    if (views[i].type != XR_TYPE_VIEW_CONFIGURATION_VIEW) return XR_ERROR_VALIDATION_FAILURE;
    views[i].recommendedImageRectWidth = instance->script.view_width;
    views[i].recommendedImageRectHeight = instance->script.view_height;
    views[i].maxImageRectWidth = kMaxImageSize;
    views[i].maxImageRectHeight = kMaxImageSize;
    views[i].recommendedSwapchainSampleCount = 1;
    views[i].maxSwapchainSampleCount = 1;
  }
  return XR_SUCCESS;
}

}  // namespace

void add_system_functions(FunctionTable& table) {
  add_function<"xrGetSystem", &get_system>(table);
  add_function<"xrGetSystemProperties", &get_system_properties>(table);
  add_function<"xrEnumerateEnvironmentBlendModes", &enumerate_environment_blend_modes>(table);
  add_function<"xrEnumerateViewConfigurations", &enumerate_view_configurations>(table);
  add_function<"xrGetViewConfigurationProperties", &get_view_configuration_properties>(table);
  add_function<"xrEnumerateViewConfigurationViews", &enumerate_view_configuration_views>(table);
}

}  // namespace xrsim
