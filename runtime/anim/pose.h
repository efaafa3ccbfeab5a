// Posing: a relic (or a whole single-model pack) at a clip time → joint matrices for GPU skinning and where each
// instance stands.
//
// Palette convention: for a skinned instance, palette[palette_offset + j] is, for joint j of its mesh's skin,
//   global(joint j) * inverse_bind(j) * vertex::skinned_mesh_from_vertex(mesh header)
// i.e. it takes the fetched 0..1 quantised position straight to the skeleton's space; the vertex shader blends the
// four weighted matrices, then applies relic_from_mesh (the skeleton's root: the packer's normalisation and a relic's
// placement) and the scene's transform. Normals and tangents use the blended matrix's 3x3 with the dequantisation
// scale divided out (render: GpuMesh::skin_vertex_scale).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "anim/animation_set.h"
#include "assets/pack_format.h"
#include "core/error.h"
#include "core/math.h"

namespace liyuan::anim {

struct PosedInstance {
  int32_t palette_offset = -1;  // first of the instance's joint matrices in the palette; -1: not skinned
  mat4 relic_from_mesh{1.0f};   // replaces the INST transform
};

// Poses the relic whose RELC record is RELIC with clip CLIP at CLIP_TIME seconds (wrapped into the clip when LOOP,
// else clamped), appending joint matrices to PALETTE. Returns one PosedInstance per instance in the relic's INST
// range (RELC order): palette_offset is where that instance's mesh's joint matrices start (-1 when the mesh is not
// skinned), relic_from_mesh replaces the INST transform (skinned meshes are placed by their skeleton). An unknown
// clip is an error naming the relic and the clips it has.
Result<std::vector<PosedInstance>> pose_relic(const AnimationSet& set, const pack::RelicRecord& relic,
                                              std::string_view clip, double clip_time, bool loop,
                                              std::vector<mat4>& palette);

// The same for a single-model pack (no RELC): every instance of the pack, with every clip of the pack to choose from.
Result<std::vector<PosedInstance>> pose_pack(const AnimationSet& set, std::string_view clip, double clip_time, bool loop,
                                             std::vector<mat4>& palette);

}  // namespace liyuan::anim
