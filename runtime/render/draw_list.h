// What to draw this frame, in what order: instances that survive culling in any view, opaque and masked ones
// grouped by material then front to back, blended ones back to front (relics stand behind glass).
#pragma once

#include <span>
#include <vector>

#include "render/gpu_assets.h"
#include "render/views.h"

namespace liyuan::render {

struct DrawItem {
  uint32_t instance = 0;
  uint32_t mesh = 0;
  uint32_t material = 0;
  float distance = 0.0f;  // from the views' mean eye position to the instance's box centre
};

struct DrawList {
  std::vector<DrawItem> opaque;   // AlphaMode Opaque and Mask
  std::vector<DrawItem> blended;  // AlphaMode Blend, furthest first
  uint32_t culled = 0;
};

// Culls ASSETS' instances against every view's frustum (kept when visible in any) given each view's
// clip-from-world matrix, and sorts what is left.
DrawList build_draw_list(const GpuAssets& assets, std::span<const mat4> clip_from_world,
                         std::span<const View> views);

}  // namespace liyuan::render
