#include "render/draw_list.h"

#include <algorithm>

#include "assets/pack_format.h"
#include "render/culling.h"

namespace liyuan::render {

DrawList build_draw_list(const GpuAssets& assets, std::span<const mat4> clip_from_world,
                         std::span<const View> views) {
  std::vector<Frustum> frustums;
  for (const mat4& m : clip_from_world) frustums.push_back(frustum_from_clip(m));
  vec3 eye(0.0f);
  for (const View& view : views) eye += vec3(view.world_from_eye[3]);
  if (!views.empty()) eye /= float(views.size());

  DrawList list;
  const auto& instances = assets.instances();
  for (uint32_t i = 0; i < instances.size(); ++i) {
    const GpuInstance& instance = instances[i];
    bool visible = std::any_of(frustums.begin(), frustums.end(),
                               [&](const Frustum& f) { return box_in_frustum(f, instance.world_bounds); });
    if (!visible) {
      ++list.culled;
      continue;
    }
    const GpuMesh& mesh = assets.meshes()[instance.mesh];
    DrawItem item{i, instance.mesh, mesh.material, glm::length(instance.world_bounds.center() - eye)};
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
