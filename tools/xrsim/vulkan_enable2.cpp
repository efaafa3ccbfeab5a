// XR_KHR_vulkan_enable2: graphics requirements, and the Vulkan instance, physical device and device created for the
// application through its own vkGetInstanceProcAddr, with exactly what it asks for (xrsim needs nothing more).
#include <vector>

#include "entry_points.h"

namespace xrsim {
namespace {

XrResult get_graphics_requirements(XrInstance handle, XrSystemId system, XrGraphicsRequirementsVulkanKHR* out) {
  Instance* instance = lookup_instance(handle);
  if (instance == nullptr) return XR_ERROR_HANDLE_INVALID;
  if (system != kSystemId) return XR_ERROR_SYSTEM_INVALID;
  if (out == nullptr || out->type != XR_TYPE_GRAPHICS_REQUIREMENTS_VULKAN2_KHR) return XR_ERROR_VALIDATION_FAILURE;
  out->minApiVersionSupported = XR_MAKE_VERSION(1, 1, 0);
  out->maxApiVersionSupported = XR_MAKE_VERSION(1, 3, 0);
  instance->graphics_requirements_queried = true;
  return XR_SUCCESS;
}

XrResult create_vulkan_instance(XrInstance handle, const XrVulkanInstanceCreateInfoKHR* info, VkInstance* vk_instance,
                                VkResult* vk_result) {
  Instance* instance = lookup_instance(handle);
  if (instance == nullptr) return XR_ERROR_HANDLE_INVALID;
  if (info == nullptr || vk_instance == nullptr || vk_result == nullptr ||
      info->type != XR_TYPE_VULKAN_INSTANCE_CREATE_INFO_KHR || info->createFlags != 0 ||
      info->pfnGetInstanceProcAddr == nullptr || info->vulkanCreateInfo == nullptr)
    return XR_ERROR_VALIDATION_FAILURE;
  if (info->systemId != kSystemId) return XR_ERROR_SYSTEM_INVALID;
  if (!instance->graphics_requirements_queried) return XR_ERROR_GRAPHICS_REQUIREMENTS_CALL_MISSING;
  const auto create = reinterpret_cast<PFN_vkCreateInstance>(info->pfnGetInstanceProcAddr(nullptr, "vkCreateInstance"));
  if (create == nullptr) return XR_ERROR_RUNTIME_FAILURE;
  *vk_result = create(info->vulkanCreateInfo, info->vulkanAllocator, vk_instance);
  if (*vk_result == VK_SUCCESS) {
    instance->vk_instance = *vk_instance;
    instance->vk_get_instance_proc_addr = info->pfnGetInstanceProcAddr;
  }
  return XR_SUCCESS;
}

XrResult get_vulkan_graphics_device(XrInstance handle, const XrVulkanGraphicsDeviceGetInfoKHR* info,
                                    VkPhysicalDevice* physical_device) {
  Instance* instance = lookup_instance(handle);
  if (instance == nullptr) return XR_ERROR_HANDLE_INVALID;
  if (info == nullptr || physical_device == nullptr || info->type != XR_TYPE_VULKAN_GRAPHICS_DEVICE_GET_INFO_KHR ||
      info->vulkanInstance == VK_NULL_HANDLE)
    return XR_ERROR_VALIDATION_FAILURE;
  if (info->systemId != kSystemId) return XR_ERROR_SYSTEM_INVALID;
  if (!instance->graphics_requirements_queried) return XR_ERROR_GRAPHICS_REQUIREMENTS_CALL_MISSING;
  PFN_vkGetInstanceProcAddr get =
      instance->vk_get_instance_proc_addr ? instance->vk_get_instance_proc_addr : &vkGetInstanceProcAddr;
  const auto enumerate =
      reinterpret_cast<PFN_vkEnumeratePhysicalDevices>(get(info->vulkanInstance, "vkEnumeratePhysicalDevices"));
  if (enumerate == nullptr) return XR_ERROR_RUNTIME_FAILURE;
  uint32_t count = 0;
  enumerate(info->vulkanInstance, &count, nullptr);
  if (count == 0) return XR_ERROR_RUNTIME_FAILURE;
  std::vector<VkPhysicalDevice> devices(count);
  enumerate(info->vulkanInstance, &count, devices.data());
  // The device "connected to the headset": the first one (lavapipe on the test machines).
  *physical_device = devices[0];
  if (instance->vk_instance == VK_NULL_HANDLE) {
    instance->vk_instance = info->vulkanInstance;
    instance->vk_get_instance_proc_addr = get;
  }
  instance->vk_physical_device = devices[0];
  return XR_SUCCESS;
}

XrResult create_vulkan_device(XrInstance handle, const XrVulkanDeviceCreateInfoKHR* info, VkDevice* device,
                              VkResult* vk_result) {
  Instance* instance = lookup_instance(handle);
  if (instance == nullptr) return XR_ERROR_HANDLE_INVALID;
  if (info == nullptr || device == nullptr || vk_result == nullptr ||
      info->type != XR_TYPE_VULKAN_DEVICE_CREATE_INFO_KHR || info->createFlags != 0 ||
      info->pfnGetInstanceProcAddr == nullptr || info->vulkanCreateInfo == nullptr)
    return XR_ERROR_VALIDATION_FAILURE;
  if (info->systemId != kSystemId) return XR_ERROR_SYSTEM_INVALID;
  if (!instance->graphics_requirements_queried) return XR_ERROR_GRAPHICS_REQUIREMENTS_CALL_MISSING;
  if (instance->vk_physical_device == VK_NULL_HANDLE || info->vulkanPhysicalDevice != instance->vk_physical_device)
    return XR_ERROR_GRAPHICS_DEVICE_INVALID;
  const auto create =
      reinterpret_cast<PFN_vkCreateDevice>(info->pfnGetInstanceProcAddr(instance->vk_instance, "vkCreateDevice"));
  if (create == nullptr) return XR_ERROR_RUNTIME_FAILURE;
  *vk_result = create(info->vulkanPhysicalDevice, info->vulkanCreateInfo, info->vulkanAllocator, device);
  return XR_SUCCESS;
}

}  // namespace

void add_vulkan_enable2_functions(FunctionTable& table) {
  const char* ext = XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME;
  add_function<"xrGetVulkanGraphicsRequirements2KHR", &get_graphics_requirements>(table, ext);
  add_function<"xrCreateVulkanInstanceKHR", &create_vulkan_instance>(table, ext);
  add_function<"xrGetVulkanGraphicsDevice2KHR", &get_vulkan_graphics_device>(table, ext);
  add_function<"xrCreateVulkanDeviceKHR", &create_vulkan_device>(table, ext);
}

}  // namespace xrsim
