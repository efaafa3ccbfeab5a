// How the lit pass draws two views: one multiview pass, or one pass per view where the driver's multiview is known to
// draw a wrong picture (lavapipe: triangles it clips in view 1 land in view 0's layer; see docs/ARCHITECTURE.md).
#pragma once

#include <vulkan/vulkan.h>

#include "gpu/gpu.h"

namespace liyuan::render {

enum class ViewPasses {
  Auto,        // one multiview pass, except on drivers multiview_draws_every_view says no to
  Multiview,   // one multiview pass over every view, whatever the driver
  OnePerView,  // each view in its own pass into its own layer (the lavapipe workaround), whatever the driver
};

// Whether one multiview pass draws every view correctly on the driver DRIVER. False for Mesa's llvmpipe (lavapipe,
// measured on 22.3.6): a triangle its clipper cuts (one crossing the near plane or reaching far past the view's
// edges) in any view but view 0 is drawn into layer 0 with gl_ViewIndex 0, so view 1 loses it and view 0 gets view
// 1's copy.
bool multiview_draws_every_view(VkDriverId driver);

// The driver of GPU's physical device (VkPhysicalDeviceDriverProperties::driverID).
VkDriverId driver_id(const gpu::Gpu& gpu);

// Whether a lit pass over VIEW_COUNT views on DRIVER, asked for REQUESTED, draws each view in its own pass. A single
// view is always one ordinary pass.
bool lit_pass_per_view(ViewPasses requested, uint32_t view_count, VkDriverId driver);

}  // namespace liyuan::render
