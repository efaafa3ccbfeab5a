// pose_relic / pose_pack; see pose.h.
#include "anim/pose.h"

#include <fmt/format.h>

namespace liyuan::anim {
namespace {

std::string clip_names(const AnimationSet& set, uint32_t first, uint32_t count) {
  std::string names;
  for (uint32_t c = first; c < first + count && c < set.clips().size(); ++c)
    names += (names.empty() ? "" : ", ") + set.clips()[c].name;
  return names.empty() ? "none" : names;
}

Result<std::vector<PosedInstance>> pose_instances(const AnimationSet& set, const std::string& who,
                                                  uint32_t first_instance, uint32_t instance_count,
                                                  uint32_t first_clip, uint32_t clip_count, std::string_view clip_name,
                                                  double clip_time, bool loop, std::vector<mat4>& palette) {
  const int clip_index = set.find_clip(clip_name, first_clip, clip_count);
  if (clip_index < 0) {
    return make_error(fmt::format("{} has no clip '{}' (its clips: {})", who, clip_name,
                                  clip_names(set, first_clip, clip_count)));
  }
  const Clip& clip = set.clips()[size_t(clip_index)];
  const float time = clip_local_time(clip_time, clip.duration, loop);
  const Skeleton& skeleton = set.skeletons()[clip.skeleton];
  std::vector<Trs> locals;
  std::vector<mat4> globals;
  sample_pose(skeleton, &clip, time, locals);
  compute_globals(skeleton, locals, globals);

  std::vector<PosedInstance> posed;
  for (uint32_t i = first_instance; i < first_instance + instance_count && i < set.instances().size(); ++i) {
    const pack::InstanceRecord& record = set.instances()[i];
    PosedInstance instance;
    instance.relic_from_mesh = glm::make_mat4(record.world_from_mesh);
    const auto skin = set.skin_of(record.mesh);
    if (skin && skin->skeleton == clip.skeleton) {
      instance.palette_offset = int32_t(palette.size());
      instance.relic_from_mesh = skeleton.root;
      append_joint_matrices(skeleton.skins[skin->skin], globals, set.mesh_from_vertex(record.mesh), palette);
    }
    posed.push_back(instance);
  }
  return posed;
}

}  // namespace

Result<std::vector<PosedInstance>> pose_relic(const AnimationSet& set, const pack::RelicRecord& relic,
                                              std::string_view clip, double clip_time, bool loop,
                                              std::vector<mat4>& palette) {
  std::string who = "the relic";
  for (size_t r = 0; r < set.relics().size(); ++r) {
    if (set.relics()[r].first_instance == relic.first_instance && set.relics()[r].instance_count == relic.instance_count &&
        set.relics()[r].first_mesh == relic.first_mesh) {
      who = fmt::format("relic '{}'", set.relic_ids()[r]);
      break;
    }
  }
  const uint32_t clip_count = relic.skeleton >= 0 ? relic.animation_count : 0;
  return pose_instances(set, who, relic.first_instance, relic.instance_count, relic.first_animation, clip_count, clip,
                        clip_time, loop, palette);
}

Result<std::vector<PosedInstance>> pose_pack(const AnimationSet& set, std::string_view clip, double clip_time, bool loop,
                                             std::vector<mat4>& palette) {
  return pose_instances(set, "the pack", 0, uint32_t(set.instances().size()), 0, uint32_t(set.clips().size()), clip,
                        clip_time, loop, palette);
}

}  // namespace liyuan::anim
