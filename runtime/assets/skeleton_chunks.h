// SKEL and ANIM chunks read in place: typed views of a pack's skeletons and animation clips, structurally validated
// (sections inside the chunk and aligned, indices in range, finite numbers, ascending key times) so that sampling can
// trust every number. Errors name the pack file and the chunk.
#pragma once

#include "assets/pack_format.h"
#include "assets/pack_reader.h"
#include "core/error.h"

#include <span>
#include <string_view>
#include <vector>

namespace liyuan {

struct MeshChunk;

// One SKEL chunk: views into `storage`.
struct SkeletonChunk {
  const pack::SkeletonHeader* header = nullptr;
  std::span<const pack::SkeletonNode> nodes;
  std::span<const pack::SkinRecord> skins;
  std::span<const uint32_t> joints;         // node index per joint, all skins together
  std::span<const float> inverse_binds;     // 16 floats (column-major) per joint
  std::string_view strings;
  ChunkBytes storage;

  std::string_view node_name(uint32_t node) const;
};

// One ANIM chunk: views into `storage`.
struct AnimationChunk {
  const pack::AnimationHeader* header = nullptr;
  std::string_view name;
  std::span<const pack::AnimationChannel> channels;
  std::span<const float> data;
  ChunkBytes storage;
};

// Every SKEL chunk of READER, checked against MESHES: nodes (parents before children, finite rest TRS, names inside
// the string table and valid UTF-8), joints naming nodes, finite inverse bind matrices, skins naming skinned meshes
// whose joint_count matches, each mesh named by at most one skin in the pack.
Result<std::vector<SkeletonChunk>> load_skeletons(const PackReader& reader, std::span<const MeshChunk> meshes);

// Every ANIM chunk of READER, checked against SKELETONS: the skeleton index, a non-empty UTF-8 name, a finite
// non-negative duration, and per channel a node of that skeleton, a known path and interpolation, keys inside the
// data array, finite ascending times within the duration, finite values, non-zero rotation quaternions.
Result<std::vector<AnimationChunk>> load_animations(const PackReader& reader, std::span<const SkeletonChunk> skeletons);

}  // namespace liyuan
