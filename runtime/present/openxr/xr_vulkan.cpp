#include "present/openxr/xr_vulkan.h"

#include "core/log.h"
#include "present/openxr/xr_result.h"

namespace liyuan::present::xr {

Status check_vulkan_requirements(XrRuntime& runtime) {
  auto requirements_call = reinterpret_cast<PFN_xrGetVulkanGraphicsRequirements2KHR>(
      runtime.function("xrGetVulkanGraphicsRequirements2KHR"));
  if (!requirements_call) return make_error("the OpenXR runtime lacks xrGetVulkanGraphicsRequirements2KHR");
  XrGraphicsRequirementsVulkan2KHR requirements{XR_TYPE_GRAPHICS_REQUIREMENTS_VULKAN2_KHR};
  if (Status s = xr_check(requirements_call(runtime.instance, runtime.system.id, &requirements),
                          "xrGetVulkanGraphicsRequirements2KHR");
      !s)
    return s;
  if (XR_VERSION_MAJOR(requirements.minApiVersionSupported) > 1 ||
      (XR_VERSION_MAJOR(requirements.maxApiVersionSupported) == 1 &&
       XR_VERSION_MINOR(requirements.maxApiVersionSupported) < 3))
    return make_error("the OpenXR runtime supports Vulkan " +
                      std::to_string(XR_VERSION_MAJOR(requirements.minApiVersionSupported)) + "." +
                      std::to_string(XR_VERSION_MINOR(requirements.minApiVersionSupported)) + " to " +
                      std::to_string(XR_VERSION_MAJOR(requirements.maxApiVersionSupported)) + "." +
                      std::to_string(XR_VERSION_MINOR(requirements.maxApiVersionSupported)) + "; Liyuan needs 1.3");
  return {};
}

Result<VkPhysicalDevice> runtime_physical_device(XrRuntime& runtime, VkInstance instance) {
  auto device_call =
      reinterpret_cast<PFN_xrGetVulkanGraphicsDevice2KHR>(runtime.function("xrGetVulkanGraphicsDevice2KHR"));
  if (!device_call) return make_error("the OpenXR runtime lacks xrGetVulkanGraphicsDevice2KHR");
  XrVulkanGraphicsDeviceGetInfoKHR info{XR_TYPE_VULKAN_GRAPHICS_DEVICE_GET_INFO_KHR};
  info.systemId = runtime.system.id;
  info.vulkanInstance = instance;
  VkPhysicalDevice physical = VK_NULL_HANDLE;
  if (Status s = xr_check(device_call(runtime.instance, &info, &physical), "xrGetVulkanGraphicsDevice2KHR"); !s)
    return s.error();
  return physical;
}

Status add_vulkan_hooks(XrRuntime& runtime, gpu::ContextDesc& desc) {
  auto create_instance = reinterpret_cast<PFN_xrCreateVulkanInstanceKHR>(runtime.function("xrCreateVulkanInstanceKHR"));
  auto create_device = reinterpret_cast<PFN_xrCreateVulkanDeviceKHR>(runtime.function("xrCreateVulkanDeviceKHR"));
  if (!create_instance || !create_device)
    return make_error("the OpenXR runtime lacks xrCreateVulkanInstanceKHR / xrCreateVulkanDeviceKHR");
  if (Status s = check_vulkan_requirements(runtime); !s) return s;

  XrRuntime* xr = &runtime;
  desc.hooks.create_instance = [xr, create_instance](const VkInstanceCreateInfo& info, VkInstance* instance) {
    XrVulkanInstanceCreateInfoKHR xr_info{XR_TYPE_VULKAN_INSTANCE_CREATE_INFO_KHR};
    xr_info.systemId = xr->system.id;
    xr_info.pfnGetInstanceProcAddr = &vkGetInstanceProcAddr;
    xr_info.vulkanCreateInfo = &info;
    VkResult vulkan_result = VK_SUCCESS;
    XrResult result = create_instance(xr->instance, &xr_info, instance, &vulkan_result);
    if (XR_FAILED(result)) {
      log::error("xrCreateVulkanInstanceKHR failed: {}", xr_result_name(result));
      return vulkan_result != VK_SUCCESS ? vulkan_result : VK_ERROR_INITIALIZATION_FAILED;
    }
    return vulkan_result;
  };
  desc.hooks.pick_physical_device = [xr](VkInstance instance) -> VkPhysicalDevice {
    auto physical = runtime_physical_device(*xr, instance);
    if (!physical) {
      log::error("{}", physical.error().to_string());
      return VK_NULL_HANDLE;
    }
    return *physical;
  };
  desc.hooks.create_device = [xr, create_device](VkPhysicalDevice physical, const VkDeviceCreateInfo& info,
                                                 VkDevice* device) {
    XrVulkanDeviceCreateInfoKHR xr_info{XR_TYPE_VULKAN_DEVICE_CREATE_INFO_KHR};
    xr_info.systemId = xr->system.id;
    xr_info.pfnGetInstanceProcAddr = &vkGetInstanceProcAddr;
    xr_info.vulkanPhysicalDevice = physical;
    xr_info.vulkanCreateInfo = &info;
    VkResult vulkan_result = VK_SUCCESS;
    XrResult result = create_device(xr->instance, &xr_info, device, &vulkan_result);
    if (XR_FAILED(result)) {
      log::error("xrCreateVulkanDeviceKHR failed: {}", xr_result_name(result));
      return vulkan_result != VK_SUCCESS ? vulkan_result : VK_ERROR_INITIALIZATION_FAILED;
    }
    return vulkan_result;
  };
  return {};
}

}  // namespace liyuan::present::xr
