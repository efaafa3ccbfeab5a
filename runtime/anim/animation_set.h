// A pack's skeletons and clips, loaded once from its validated SKEL and ANIM chunks, with what posing needs of its
// meshes (skins, position dequantisation), instances and relics.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "anim/sampling.h"
#include "assets/pack_contents.h"
#include "assets/pack_reader.h"
#include "core/error.h"

namespace liyuan::anim {

class AnimationSet {
 public:
  // Copies CONTENTS' skeletons and clips (load_pack_contents validated them against READER's chunks) so the set
  // outlives both. Errors name READER's file and the chunk.
  static Result<AnimationSet> load(const PackReader& reader, const PackContents& contents);

  const std::vector<Skeleton>& skeletons() const { return skeletons_; }
  const std::vector<Clip>& clips() const { return clips_; }

  // The clip named NAME among clips [FIRST, FIRST + COUNT), or -1.
  int find_clip(std::string_view name, uint32_t first, uint32_t count) const;
  // The skeleton and skin that skin MESH, or nullopt when it is not skinned.
  struct SkinRef {
    uint32_t skeleton = 0;
    uint32_t skin = 0;
  };
  std::optional<SkinRef> skin_of(uint32_t mesh) const;

  // Per pack instance: its mesh and INST transform. Per mesh: its skinned dequantisation.
  const std::vector<pack::InstanceRecord>& instances() const { return instances_; }
  const mat4& mesh_from_vertex(uint32_t mesh) const { return mesh_from_vertex_[mesh]; }
  // Relic records and ids (empty for a single-model pack).
  const std::vector<pack::RelicRecord>& relics() const { return relics_; }
  const std::vector<std::string>& relic_ids() const { return relic_ids_; }

 private:
  std::vector<Skeleton> skeletons_;
  std::vector<Clip> clips_;
  std::vector<std::optional<SkinRef>> skin_of_mesh_;
  std::vector<mat4> mesh_from_vertex_;
  std::vector<pack::InstanceRecord> instances_;
  std::vector<pack::RelicRecord> relics_;
  std::vector<std::string> relic_ids_;
};

}  // namespace liyuan::anim
