// SKEL and ANIM payloads; see skeleton_builder.h and docs/pack-format.md.
#include "skeleton_builder.h"

#include <cstring>
#include <string>

namespace liyuan::packer {
namespace {

uint32_t align16(size_t value) { return uint32_t((value + 15) / 16 * 16); }

template <typename T>
void put(std::vector<std::byte>& out, size_t offset, const T* data, size_t count) {
  if (count > 0) std::memcpy(out.data() + offset, data, sizeof(T) * count);
}

}  // namespace

std::vector<std::byte> skeleton_payload(const ImportedModel& model, const mat4& root) {
  if (model.skins.empty()) return {};
  std::string strings;
  std::vector<pack::SkeletonNode> nodes;
  for (const ImportedNode& node : model.nodes) {
    pack::SkeletonNode record;
    std::memset(&record, 0, sizeof record);
    record.parent = node.parent;
    record.name = {uint32_t(strings.size()), uint32_t(node.name.size())};
    strings += node.name;
    strings += '\0';
    for (int k = 0; k < 3; ++k) record.translation[k] = node.translation[k], record.scale[k] = node.scale[k];
    const float rotation[4] = {node.rotation.x, node.rotation.y, node.rotation.z, node.rotation.w};
    std::memcpy(record.rotation, rotation, sizeof rotation);
    nodes.push_back(record);
  }
  std::vector<pack::SkinRecord> skins;
  std::vector<uint32_t> joints;
  std::vector<float> inverse_binds;
  for (const ImportedSkin& skin : model.skins) {
    skins.push_back({skin.mesh, uint32_t(joints.size()), uint32_t(skin.joints.size()), 0});
    joints.insert(joints.end(), skin.joints.begin(), skin.joints.end());
    for (const mat4& m : skin.inverse_binds) inverse_binds.insert(inverse_binds.end(), &m[0][0], &m[0][0] + 16);
  }
  pack::SkeletonHeader header;
  std::memset(&header, 0, sizeof header);
  header.node_count = uint32_t(nodes.size());
  header.node_offset = align16(sizeof header);
  header.skin_count = uint32_t(skins.size());
  header.skin_offset = align16(header.node_offset + nodes.size() * sizeof(pack::SkeletonNode));
  header.joint_count = uint32_t(joints.size());
  header.joint_offset = align16(header.skin_offset + skins.size() * sizeof(pack::SkinRecord));
  header.inverse_bind_offset = align16(header.joint_offset + joints.size() * sizeof(uint32_t));
  header.strings_offset = align16(header.inverse_bind_offset + inverse_binds.size() * sizeof(float));
  header.strings_size = uint32_t(strings.size());
  std::memcpy(header.root_transform, &root[0][0], sizeof header.root_transform);
  std::vector<std::byte> out(align16(header.strings_offset + strings.size()), std::byte{0});
  put(out, 0, &header, 1);
  put(out, header.node_offset, nodes.data(), nodes.size());
  put(out, header.skin_offset, skins.data(), skins.size());
  put(out, header.joint_offset, joints.data(), joints.size());
  put(out, header.inverse_bind_offset, inverse_binds.data(), inverse_binds.size());
  put(out, header.strings_offset, strings.data(), strings.size());
  return out;
}

std::vector<std::byte> animation_payload(const ImportedClip& clip, uint32_t skeleton) {
  std::vector<pack::AnimationChannel> channels;
  std::vector<float> data;
  for (const ImportedChannel& channel : clip.channels) {
    pack::AnimationChannel record;
    std::memset(&record, 0, sizeof record);
    record.node = channel.node;
    record.path = uint32_t(channel.path);
    record.interpolation = uint32_t(channel.interpolation);
    record.key_count = uint32_t(channel.times.size());
    record.times = uint32_t(data.size());
    data.insert(data.end(), channel.times.begin(), channel.times.end());
    record.values = uint32_t(data.size());
    data.insert(data.end(), channel.values.begin(), channel.values.end());
    channels.push_back(record);
  }
  pack::AnimationHeader header;
  std::memset(&header, 0, sizeof header);
  header.skeleton = skeleton;
  header.duration = clip.duration;
  header.channel_count = uint32_t(channels.size());
  header.channel_offset = align16(sizeof header);
  header.data_offset = align16(header.channel_offset + channels.size() * sizeof(pack::AnimationChannel));
  header.data_count = uint32_t(data.size());
  header.name_offset = align16(header.data_offset + data.size() * sizeof(float));
  header.name_size = uint32_t(clip.name.size());
  std::vector<std::byte> out(align16(header.name_offset + clip.name.size() + 1), std::byte{0});
  put(out, 0, &header, 1);
  put(out, header.channel_offset, channels.data(), channels.size());
  put(out, header.data_offset, data.data(), data.size());
  put(out, header.name_offset, clip.name.data(), clip.name.size());
  return out;
}

}  // namespace liyuan::packer
