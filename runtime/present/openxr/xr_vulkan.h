// XR_KHR_vulkan_enable2: the Vulkan instance and device are created by the runtime (it adds what it needs), and the
// runtime says which physical device drives the headset. These hooks plug that into gpu::create_context.
#pragma once

#include "core/error.h"
#include "gpu/context.h"
#include "present/openxr/xr_instance.h"

namespace liyuan::present::xr {

// Fills DESC's hooks so that the instance and device are created through xrCreateVulkanInstanceKHR /
// xrCreateVulkanDeviceKHR and the physical device is xrGetVulkanGraphicsDevice2KHR's. RUNTIME must outlive the
// context's creation. Fails when the runtime lacks the extension's functions.
Status add_vulkan_hooks(XrRuntime& runtime, gpu::ContextDesc& desc);

// Asks for the runtime's Vulkan version range (which the spec requires before instance and session creation) and
// fails when Vulkan 1.3, which Liyuan needs, is outside it.
Status check_vulkan_requirements(XrRuntime& runtime);

// The physical device the runtime drives the headset with, for INSTANCE.
Result<VkPhysicalDevice> runtime_physical_device(XrRuntime& runtime, VkInstance instance);

}  // namespace liyuan::present::xr
