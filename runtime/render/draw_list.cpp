#include "render/draw_list.h"

#include <algorithm>

#include "assets/pack_format.h"
#include "render/culling.h"

namespace liyuan::render {
namespace {

// Distance from P to the nearest point of BOX (0 inside it).
float distance_to_box(const vec3& p, const Aabb& box) {
  vec3 nearest = glm::clamp(p, box.min, box.max);
  return glm::length(p - nearest);
}

}  // namespace

uint32_t choose_lod(const GpuMesh& mesh, float world_scale, float distance, const LodPolicy& policy) {
  uint32_t last = mesh.lods.empty() ? 0u : uint32_t(mesh.lods.size() - 1);
  if (policy.forced_lod >= 0) return std::min(uint32_t(policy.forced_lod), last);
  if (distance <= 1e-4f) return 0;
  for (uint32_t l = last; l > 0; --l) {
    float pixels = mesh.lods[l].error * world_scale / distance * policy.pixels_per_unit_at_one_metre;
    if (pixels <= policy.max_pixel_error) return l;
  }
  return 0;
}

DrawList build_draw_list(const GpuAssets& assets, std::span<const GpuInstance> instances,
                         std::span<const mat4> clip_from_world, std::span<const View> views,
                         const LodPolicy& lod_policy) {
  std::vector<Frustum> frustums;
  for (const mat4& m : clip_from_world) frustums.push_back(frustum_from_clip(m));
  vec3 eye(0.0f);
  for (const View& view : views) eye += vec3(view.world_from_eye[3]);
  if (!views.empty()) eye /= float(views.size());

  DrawList list;
  for (uint32_t i = 0; i < instances.size(); ++i) {
    const GpuInstance& instance = instances[i];
    bool visible = std::any_of(frustums.begin(), frustums.end(),
                               [&](const Frustum& f) { return box_in_frustum(f, instance.world_bounds); });
    if (!visible) {
      ++list.culled;
      continue;
    }
    const GpuMesh& mesh = assets.meshes()[instance.mesh];
    float nearest = 1e30f;
    for (const View& view : views)
      nearest = std::min(nearest, distance_to_box(vec3(view.world_from_eye[3]), instance.world_bounds));
    uint32_t lod = choose_lod(mesh, instance.world_scale, nearest, lod_policy);
    DrawItem item{i, instance.mesh, mesh.material, lod, glm::length(instance.world_bounds.center() - eye)};
    if (assets.materials()[mesh.material].alpha_mode == uint32_t(pack::AlphaMode::Blend))
      list.blended.push_back(item);
    else
      list.opaque.push_back(item);
  }
  std::sort(list.opaque.begin(), list.opaque.end(), [](const DrawItem& a, const DrawItem& b) {
    return a.material != b.material ? a.material < b.material : a.distance < b.distance;
  });
  std::sort(list.blended.begin(), list.blended.end(),
            [](const DrawItem& a, const DrawItem& b) { return a.distance > b.distance; });
  return list;
}

}  // namespace liyuan::render
