// Puts an imported model into the runtime's conventions: metres, +Y up, front towards +Z, and its pivot at the centre
// of its base (so a relic placed at a plinth's top stands on it). Optionally scales it to a real-world height.
#pragma once

#include <string>

#include "core/error.h"
#include "imported_model.h"

namespace liyuan::packer {

struct NormaliseOptions {
  // The source's up axis: "+y" (glTF, most tools), "+z" (scanners, CAD, STL), or "-y", "-z", "+x", "-x". Empty: what
  // the file says (FBX metadata), else +y.
  std::string up;
  // The source's front (the side visitors should see first), in the source's axes before the up rotation: "+z"
  // (default), "-z", "+x", "-x". It is turned to face +Z.
  std::string front;
  // Metres per source unit. 0: what the file says (FBX unit scale), else 1.
  float unit_scale = 0.0f;
  // When > 0, the model is scaled uniformly so that its height (Y extent, after the rotation) is this many metres.
  float height = 0.0f;
  bool pivot_at_base = true;
};

// Metadata the importer read from the file, for the "what the file says" defaults.
struct SourceAxes {
  std::string up;          // e.g. "+z"; empty when the file says nothing
  std::string front;       // e.g. "-y"; empty when the file says nothing
  float unit_scale = 0.0f;  // metres per unit; 0 when the file says nothing
};

// The rotation taking an axis named like "+z" to another; errors name the unknown axis.
Result<mat4> axis_rotation(const std::string& up, const std::string& front);

// Rotates, scales and moves MODEL's instances as OPTIONS say (FILE_AXES filling what OPTIONS leave open). Meshes are not
// touched: only instance transforms change (and model_from_source, which records the same transform for skeletons). Fails on an unknown axis name or a model with no extent.
Status normalise_model(ImportedModel& model, const NormaliseOptions& options, const SourceAxes& file_axes = {});

// The box around every instance's mesh in world space.
Aabb model_bounds(const ImportedModel& model);

}  // namespace liyuan::packer
