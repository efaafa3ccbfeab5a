// The size-box fit: one uniform scale, so a relic is never distorted to match a catalogue's measurements.
#include "relic_placement.h"

#include <fmt/format.h>

#include <cmath>

namespace liyuan::packer {

NormaliseOptions relic_normalise_options(const RelicManifest& manifest) {
  NormaliseOptions options;
  options.up = manifest.up;
  options.front = manifest.front;
  options.height = manifest.height;
  options.pivot_at_base = true;
  return options;
}

Result<RelicPlacement> fit_relic_size(const ImportedModel& model, const RelicManifest& manifest) {
  RelicPlacement placement;
  if (manifest.height > 0.f) return placement;
  const Aabb box = model_bounds(model);
  const vec3 extent = box.empty() ? vec3(0.f) : box.extent();
  int axis = 0;
  for (int a = 1; a < 3; ++a) axis = manifest.box[a] > manifest.box[axis] ? a : axis;
  if (!(extent[axis] > 0.f)) {
    return make_error(fmt::format("{}: the model has no extent along {} to scale to 'size'", manifest.file,
                                  "xyz"[axis]));
  }
  const float scale = manifest.box[axis] / extent[axis];
  for (int a = 0; a < 3; ++a) {
    if (std::abs(extent[a] * scale - manifest.box[a]) > 0.05f * manifest.box[a]) {
      placement.warnings.push_back(fmt::format(
          "{}: scaled to 'size' along {}, the model measures [{:.3g}, {:.3g}, {:.3g}] m, not [{:.3g}, {:.3g}, {:.3g}]: "
          "its proportions differ by more than 5%",
          manifest.file, "xyz"[axis], extent.x * scale, extent.y * scale, extent.z * scale, manifest.box.x,
          manifest.box.y, manifest.box.z));
      break;
    }
  }
  placement.relic_from_model = glm::scale(mat4(1.f), vec3(scale));
  return placement;
}

}  // namespace liyuan::packer
