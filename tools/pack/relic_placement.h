// A relic's place in its own space. The importer already puts every model into metres, +Y up, front towards +Z and
// the base centre on the origin (normalise.h); a manifest says which way is up and front and how tall the relic is,
// and may give a bounding size instead of a height, which is fitted here (docs/pack-format.md, "RELC").
#pragma once

#include "core/error.h"
#include "core/math.h"
#include "imported_model.h"
#include "manifest.h"
#include "normalise.h"

#include <string>
#include <vector>

namespace liyuan::packer {

// The importer's normalisation for MANIFEST: its `up` and `front` axes and its `height` (0 when it gives a size box).
NormaliseOptions relic_normalise_options(const RelicManifest& manifest);

struct RelicPlacement {
  mat4 relic_from_model{1.f};  // applied to every instance (a uniform scale about the origin, or identity)
  std::vector<std::string> warnings;
};

// For a manifest with `size: [x, y, z]`: the uniform scale that makes the axis with the largest size match it; other
// axes more than 5% off give a warning naming the manifest. Identity for a manifest with `height` (the importer has
// scaled already). MODEL is the normalised import. Fails, naming the manifest, when the model has no extent along
// that axis.
Result<RelicPlacement> fit_relic_size(const ImportedModel& model, const RelicManifest& manifest);

}  // namespace liyuan::packer
