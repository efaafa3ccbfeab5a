// The OpenXR headers with the Vulkan graphics binding, included in the order they need (Vulkan first).
#pragma once

#include <vulkan/vulkan.h>

#define XR_USE_GRAPHICS_API_VULKAN
#include <openxr/openxr.h>
#include <openxr/openxr_platform.h>
