// AnimationSet::load: SKEL/ANIM views → plain data; see animation_set.h.
#include "anim/animation_set.h"

#include "assets/vertex_format.h"

#include <fmt/format.h>

namespace liyuan::anim {

Result<AnimationSet> AnimationSet::load(const PackReader& reader, const PackContents& contents) {
  AnimationSet set;
  set.skin_of_mesh_.resize(contents.meshes.size());
  for (const MeshChunk& mesh : contents.meshes) set.mesh_from_vertex_.push_back(vertex::skinned_mesh_from_vertex(*mesh.header));
  for (size_t s = 0; s < contents.skeletons.size(); ++s) {
    const SkeletonChunk& chunk = contents.skeletons[s];
    Skeleton skeleton;
    skeleton.root = glm::make_mat4(chunk.header->root_transform);
    for (uint32_t n = 0; n < chunk.nodes.size(); ++n) {
      const pack::SkeletonNode& node = chunk.nodes[n];
      skeleton.parents.push_back(node.parent);
      Trs rest;
      rest.translation = glm::make_vec3(node.translation);
      rest.rotation = glm::normalize(quat(node.rotation[3], node.rotation[0], node.rotation[1], node.rotation[2]));
      rest.scale = glm::make_vec3(node.scale);
      skeleton.rest.push_back(rest);
      skeleton.names.emplace_back(chunk.node_name(n));
    }
    for (uint32_t k = 0; k < chunk.skins.size(); ++k) {
      const pack::SkinRecord& record = chunk.skins[k];
      Skin skin;
      skin.mesh = record.mesh;
      for (uint32_t j = record.first_joint; j < record.first_joint + record.joint_count; ++j) {
        skin.joints.push_back(chunk.joints[j]);
        skin.inverse_binds.push_back(glm::make_mat4(&chunk.inverse_binds[size_t(j) * 16]));
      }
      if (record.mesh >= set.skin_of_mesh_.size() || set.skin_of_mesh_[record.mesh]) {
        const int position = reader.find(pack::ChunkType::Skeleton, uint32_t(s));
        return make_chunk_error(reader.path().string(), reader.chunk_label(size_t(position)),
                                fmt::format("skin {} names mesh {}, out of range or skinned twice", k, record.mesh));
      }
      set.skin_of_mesh_[record.mesh] = SkinRef{uint32_t(s), k};
      skeleton.skins.push_back(std::move(skin));
    }
    set.skeletons_.push_back(std::move(skeleton));
  }
  for (const AnimationChunk& chunk : contents.animations) {
    Clip clip;
    clip.name = std::string(chunk.name);
    clip.duration = chunk.header->duration;
    clip.skeleton = chunk.header->skeleton;
    for (const pack::AnimationChannel& record : chunk.channels) {
      Channel channel;
      channel.node = record.node;
      channel.path = pack::AnimationPath(record.path);
      channel.interpolation = pack::Interpolation(record.interpolation);
      const size_t components = channel.path == pack::AnimationPath::Rotation ? 4 : 3;
      channel.times.assign(&chunk.data[record.times], &chunk.data[record.times] + record.key_count);
      channel.values.assign(&chunk.data[record.values], &chunk.data[record.values] + record.key_count * components);
      clip.channels.push_back(std::move(channel));
    }
    set.clips_.push_back(std::move(clip));
  }
  set.instances_ = contents.instances;
  set.relics_ = contents.relics;
  for (size_t r = 0; r < contents.relics.size(); ++r) {
    const auto catalogue_relics = contents.catalogue.relics();
    set.relic_ids_.emplace_back(r < catalogue_relics.size() ? contents.catalogue.text(catalogue_relics[r].id) : "");
  }
  return set;
}

int AnimationSet::find_clip(std::string_view name, uint32_t first, uint32_t count) const {
  for (uint32_t c = first; c < first + count && c < clips_.size(); ++c)
    if (clips_[c].name == name) return int(c);
  return -1;
}

std::optional<AnimationSet::SkinRef> AnimationSet::skin_of(uint32_t mesh) const {
  return mesh < skin_of_mesh_.size() ? skin_of_mesh_[mesh] : std::nullopt;
}

}  // namespace liyuan::anim
