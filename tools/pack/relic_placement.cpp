// Front, scale, base: three steps from the scan's arbitrary frame to the relic frame scenes place.
#include "relic_placement.h"

#include <fmt/format.h>

#include <cmath>

namespace liyuan::packer {
namespace {

// Rotation about +Y taking FRONT to +Z. Multiples of 90 degrees, built exactly (no sin/cos rounding).
mat4 front_rotation(RelicFront front) {
  mat4 r(1.f);
  switch (front) {
    case RelicFront::PlusZ: break;
    case RelicFront::MinusZ:  // (x, z) → (-x, -z)
      r[0][0] = -1.f;
      r[2][2] = -1.f;
      break;
    case RelicFront::PlusX:  // +X → +Z: (x, z) → (-z, x)
      r[0] = vec4(0.f, 0.f, 1.f, 0.f);
      r[2] = vec4(-1.f, 0.f, 0.f, 0.f);
      break;
    case RelicFront::MinusX:  // -X → +Z: (x, z) → (z, -x)
      r[0] = vec4(0.f, 0.f, -1.f, 0.f);
      r[2] = vec4(1.f, 0.f, 0.f, 0.f);
      break;
  }
  return r;
}

}  // namespace

Aabb model_bounds(const ImportedModel& model) {
  Aabb box;
  for (const ImportedInstance& instance : model.instances) {
    if (instance.mesh >= model.meshes.size()) continue;
    for (const vec3& p : model.meshes[instance.mesh].positions) box.expand(vec3(instance.world_from_mesh * vec4(p, 1.f)));
  }
  return box;
}

Result<RelicPlacement> place_relic(const ImportedModel& model, const RelicManifest& manifest) {
  RelicPlacement placement;
  const mat4 rotation = front_rotation(manifest.front);
  const Aabb turned = transform_aabb(model_bounds(model), rotation);
  if (turned.empty()) return make_error(manifest.file + ": the model '" + manifest.source + "' holds no geometry");
  const vec3 extent = turned.extent();
  float scale = 1.f;
  if (manifest.height > 0.f) {
    if (!(extent.y > 0.f)) return make_error(manifest.file + ": the model has no height to scale to 'height'");
    scale = manifest.height / extent.y;
  } else {
    int axis = 0;
    for (int a = 1; a < 3; ++a) axis = manifest.box[a] > manifest.box[axis] ? a : axis;
    if (!(extent[axis] > 0.f)) {
      return make_error(fmt::format("{}: the model has no extent along {} to scale to 'size'", manifest.file,
                                    "xyz"[axis]));
    }
    scale = manifest.box[axis] / extent[axis];
    for (int a = 0; a < 3; ++a) {
      const float scaled = extent[a] * scale;
      if (std::abs(scaled - manifest.box[a]) > 0.05f * manifest.box[a]) {
        placement.warnings.push_back(fmt::format(
            "{}: the model scaled to size [{:.3g}, {:.3g}, {:.3g}] m measures [{:.3g}, {:.3g}, {:.3g}] m: its "
            "proportions differ from 'size' by more than 5% along {}",
            manifest.file, manifest.box.x, manifest.box.y, manifest.box.z, extent.x * scale, extent.y * scale,
            extent.z * scale, "xyz"[a]));
        break;
      }
    }
  }
  const vec3 base(turned.center().x, turned.min.y, turned.center().z);
  const mat4 scaling = glm::scale(mat4(1.f), vec3(scale));
  const mat4 to_origin = glm::translate(mat4(1.f), -base);
  placement.relic_from_model = scaling * to_origin * rotation;
  placement.bounds.min = (turned.min - base) * scale;
  placement.bounds.max = (turned.max - base) * scale;
  return placement;
}

}  // namespace liyuan::packer
