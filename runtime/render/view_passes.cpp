#include "render/view_passes.h"

namespace liyuan::render {

bool multiview_draws_every_view(VkDriverId driver) { return driver != VK_DRIVER_ID_MESA_LLVMPIPE; }

VkDriverId driver_id(const gpu::Gpu& gpu) {
  VkPhysicalDeviceDriverProperties driver{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_DRIVER_PROPERTIES};
  VkPhysicalDeviceProperties2 properties{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_PROPERTIES_2};
  properties.pNext = &driver;
  vkGetPhysicalDeviceProperties2(gpu.context->physical_device, &properties);
  return driver.driverID;
}

bool lit_pass_per_view(ViewPasses requested, uint32_t view_count, VkDriverId driver) {
  if (view_count < 2) return false;
  switch (requested) {
    case ViewPasses::Multiview:
      return false;
    case ViewPasses::OnePerView:
      return true;
    case ViewPasses::Auto:
      break;
  }
  return !multiview_draws_every_view(driver);
}

}  // namespace liyuan::render
