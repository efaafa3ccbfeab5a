// ImportedModel's nodes, skins and clips → SKEL and ANIM chunk payloads (pack_format.h), with indices local to the
// model: skins name the model's meshes and clips name skeleton 0. assemble_pack offsets both per relic.
#pragma once

#include <cstddef>
#include <vector>

#include "imported_model.h"

namespace liyuan::packer {

// The SKEL payload of MODEL (empty when it has no skins), with ROOT (pack space from the source's space: the
// model's normalisation, then a relic's placement) as its root transform.
std::vector<std::byte> skeleton_payload(const ImportedModel& model, const mat4& root);

// The ANIM payload of CLIP, animating skeleton SKELETON.
std::vector<std::byte> animation_payload(const ImportedClip& clip, uint32_t skeleton);

}  // namespace liyuan::packer
