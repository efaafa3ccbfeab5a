// A relic's place in its own space: turned so its front faces +Z, scaled to its real-world size, base centred on
// the origin (docs/pack-format.md, "RELC").
#pragma once

#include "core/error.h"
#include "core/math.h"
#include "imported_model.h"
#include "manifest.h"

#include <string>
#include <vector>

namespace liyuan::packer {

// The box around every instance's mesh in MODEL's world space (every vertex transformed; empty for no geometry).
Aabb model_bounds(const ImportedModel& model);

struct RelicPlacement {
  mat4 relic_from_model{1.f};      // applied to every instance
  Aabb bounds;                     // the relic's box in relic space, metres
  std::vector<std::string> warnings;
};

// Rotates about Y so that MANIFEST.front becomes +Z, then scales uniformly so that the height (Y extent) becomes
// MANIFEST.height, or, for a size box, so that the axis with the largest size matches; other axes more than 5% off
// the box give a warning naming the manifest. Finally the box's base centre moves to the origin. Fails, naming the
// manifest, when the model has no extent along the axis that sets the scale.
Result<RelicPlacement> place_relic(const ImportedModel& model, const RelicManifest& manifest);

}  // namespace liyuan::packer
