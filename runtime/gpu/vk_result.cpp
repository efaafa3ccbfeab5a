#include "gpu/vk_result.h"

#include <string>

namespace liyuan::gpu {

const char* vk_result_name(VkResult result) {
  switch (result) {
#define LY_RESULT_CASE(name) \
  case name: return #name;
    LY_RESULT_CASE(VK_SUCCESS)
    LY_RESULT_CASE(VK_NOT_READY)
    LY_RESULT_CASE(VK_TIMEOUT)
    LY_RESULT_CASE(VK_INCOMPLETE)
    LY_RESULT_CASE(VK_SUBOPTIMAL_KHR)
    LY_RESULT_CASE(VK_ERROR_OUT_OF_HOST_MEMORY)
    LY_RESULT_CASE(VK_ERROR_OUT_OF_DEVICE_MEMORY)
    LY_RESULT_CASE(VK_ERROR_INITIALIZATION_FAILED)
    LY_RESULT_CASE(VK_ERROR_DEVICE_LOST)
    LY_RESULT_CASE(VK_ERROR_MEMORY_MAP_FAILED)
    LY_RESULT_CASE(VK_ERROR_LAYER_NOT_PRESENT)
    LY_RESULT_CASE(VK_ERROR_EXTENSION_NOT_PRESENT)
    LY_RESULT_CASE(VK_ERROR_FEATURE_NOT_PRESENT)
    LY_RESULT_CASE(VK_ERROR_INCOMPATIBLE_DRIVER)
    LY_RESULT_CASE(VK_ERROR_TOO_MANY_OBJECTS)
    LY_RESULT_CASE(VK_ERROR_FORMAT_NOT_SUPPORTED)
    LY_RESULT_CASE(VK_ERROR_FRAGMENTED_POOL)
    LY_RESULT_CASE(VK_ERROR_OUT_OF_POOL_MEMORY)
    LY_RESULT_CASE(VK_ERROR_SURFACE_LOST_KHR)
    LY_RESULT_CASE(VK_ERROR_OUT_OF_DATE_KHR)
#undef LY_RESULT_CASE
    default: break;
  }
  static thread_local std::string unknown;
  unknown = "VkResult(" + std::to_string(static_cast<int>(result)) + ")";
  return unknown.c_str();
}

Status vk_check(VkResult result, const char* what) {
  if (result == VK_SUCCESS) return {};
  return make_error(std::string(what) + " failed: " + vk_result_name(result));
}

}  // namespace liyuan::gpu
