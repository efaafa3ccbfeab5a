// VkResult → Status, with the result's name, so GPU failures read as errors rather than numbers.
#pragma once

#include <vulkan/vulkan.h>

#include "core/error.h"

namespace liyuan::gpu {

// "VK_ERROR_OUT_OF_DEVICE_MEMORY" for that value; "VkResult(N)" for values this build does not know.
const char* vk_result_name(VkResult result);

// Success for VK_SUCCESS, otherwise an Error "WHAT failed: VK_ERROR_...".
Status vk_check(VkResult result, const char* what);

}  // namespace liyuan::gpu
