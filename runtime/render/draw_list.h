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
  uint32_t lod = 0;
  float distance = 0.0f;  // from the views' mean eye position to the instance's box centre
};

// How levels of detail are chosen: the coarsest level whose simplification error, projected at the instance's
// nearest point to any eye, stays within max_pixel_error pixels.
struct LodPolicy {
  float max_pixel_error = 0.25f;
  float pixels_per_unit_at_one_metre = 1000.0f;  // image height / (tan(up) - tan(down)) of the views
  int forced_lod = -1;                           // >= 0: always this level (clamped to the mesh's chain)
};

// The level of MESH to draw when its nearest point is DISTANCE metres from the eye and it is scaled by WORLD_SCALE.
uint32_t choose_lod(const GpuMesh& mesh, float world_scale, float distance, const LodPolicy& policy);

struct DrawList {
  std::vector<DrawItem> opaque;   // AlphaMode Opaque and Mask
  std::vector<DrawItem> blended;  // AlphaMode Blend, furthest first
  uint32_t culled = 0;
};

// Culls INSTANCES (of ASSETS' meshes) against every view's frustum (kept when visible in any) given each view's
// clip-from-world matrix, chooses each survivor's level of detail, and sorts what is left.
DrawList build_draw_list(const GpuAssets& assets, std::span<const GpuInstance> instances,
                         std::span<const mat4> clip_from_world, std::span<const View> views,
                         const LodPolicy& lod_policy = {});

}  // namespace liyuan::render
