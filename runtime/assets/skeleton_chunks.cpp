// load_skeletons / load_animations: SKEL and ANIM chunks as typed views, every number checked.
#include "assets/skeleton_chunks.h"

#include "assets/catalogue.h"
#include "assets/pack_contents.h"

#include <fmt/format.h>

#include <cmath>

namespace liyuan {
namespace {

bool finite_all(const float* v, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (!std::isfinite(v[i])) return false;
  return true;
}

// [OFFSET, OFFSET + COUNT * STRIDE) inside SIZE bytes, 16-byte aligned (4 when ALIGN says so).
bool section_inside(uint64_t offset, uint64_t count, uint64_t stride, uint64_t size, uint64_t align = 16) {
  if (offset % align != 0 || offset > size) return false;
  return count <= (size - offset) / stride;
}

template <typename T>
std::span<const T> view_of(std::span<const std::byte> payload, uint64_t offset, uint64_t count) {
  return {reinterpret_cast<const T*>(payload.data() + offset), size_t(count)};
}

class ChunkChecker {
 public:
  ChunkChecker(const PackReader& reader, int position) : reader_(reader), position_(position) {}
  Error fail(std::string message) const {
    return make_chunk_error(reader_.path().string(), reader_.chunk_label(size_t(position_)), std::move(message));
  }

 private:
  const PackReader& reader_;
  int position_;
};

Result<SkeletonChunk> load_skeleton(const PackReader& reader, uint32_t index, std::span<const MeshChunk> meshes,
                                    std::vector<int>& skin_of_mesh) {
  const int position = reader.find(pack::ChunkType::Skeleton, index);
  ChunkChecker check(reader, position);
  auto bytes = reader.load(size_t(position));
  if (!bytes) return bytes.error();
  SkeletonChunk skeleton;
  skeleton.storage = std::move(*bytes);
  const auto payload = skeleton.storage.bytes();
  const uint64_t size = payload.size();
  if (size < sizeof(pack::SkeletonHeader)) {
    return check.fail(fmt::format("{} bytes, shorter than the {}-byte skeleton header", size,
                                  sizeof(pack::SkeletonHeader)));
  }
  const auto* h = reinterpret_cast<const pack::SkeletonHeader*>(payload.data());
  skeleton.header = h;
  if (!finite_all(h->root_transform, 16)) return check.fail("non-finite root transform");
  if (h->node_count == 0) return check.fail("a skeleton needs at least one node");
  if (!section_inside(h->node_offset, h->node_count, sizeof(pack::SkeletonNode), size))
    return check.fail(fmt::format("{} nodes at {} outside the {}-byte chunk or unaligned", h->node_count,
                                  h->node_offset, size));
  if (!section_inside(h->skin_offset, h->skin_count, sizeof(pack::SkinRecord), size))
    return check.fail(fmt::format("{} skins at {} outside the chunk or unaligned", h->skin_count, h->skin_offset));
  if (!section_inside(h->joint_offset, h->joint_count, sizeof(uint32_t), size))
    return check.fail(fmt::format("{} joints at {} outside the chunk or unaligned", h->joint_count, h->joint_offset));
  if (!section_inside(h->inverse_bind_offset, h->joint_count, 16 * sizeof(float), size))
    return check.fail(fmt::format("{} inverse bind matrices at {} outside the chunk or unaligned", h->joint_count,
                                  h->inverse_bind_offset));
  if (!section_inside(h->strings_offset, h->strings_size, 1, size, 1))
    return check.fail(fmt::format("string table [{}, +{}) outside the chunk", h->strings_offset, h->strings_size));
  skeleton.nodes = view_of<pack::SkeletonNode>(payload, h->node_offset, h->node_count);
  skeleton.skins = view_of<pack::SkinRecord>(payload, h->skin_offset, h->skin_count);
  skeleton.joints = view_of<uint32_t>(payload, h->joint_offset, h->joint_count);
  skeleton.inverse_binds = view_of<float>(payload, h->inverse_bind_offset, uint64_t(h->joint_count) * 16);
  skeleton.strings = std::string_view(reinterpret_cast<const char*>(payload.data()) + h->strings_offset,
                                      h->strings_size);

  for (uint32_t n = 0; n < h->node_count; ++n) {
    const pack::SkeletonNode& node = skeleton.nodes[n];
    if (node.parent < -1 || node.parent >= int32_t(n))
      return check.fail(fmt::format("node {} has parent {}: parents must come before their children", n, node.parent));
    if (!finite_all(node.translation, 3) || !finite_all(node.rotation, 4) || !finite_all(node.scale, 3))
      return check.fail(fmt::format("node {} has a non-finite rest transform", n));
    const float q = node.rotation[0] * node.rotation[0] + node.rotation[1] * node.rotation[1] +
                    node.rotation[2] * node.rotation[2] + node.rotation[3] * node.rotation[3];
    if (!(q > 1e-12f) || !std::isfinite(q)) return check.fail(fmt::format("node {} has a zero rotation quaternion", n));
    const pack::StringRef& name = node.name;
    if (uint64_t(name.offset) + name.size >= h->strings_size ||
        skeleton.strings[size_t(name.offset) + name.size] != '\0')
      return check.fail(fmt::format("node {}: name [{}, +{}) outside the string table or not NUL-terminated", n,
                                    name.offset, name.size));
    if (!is_valid_utf8(skeleton.node_name(n))) return check.fail(fmt::format("node {}: name is not valid UTF-8", n));
  }
  for (uint32_t j = 0; j < h->joint_count; ++j) {
    if (skeleton.joints[j] >= h->node_count)
      return check.fail(fmt::format("joint {} names node {}, but the skeleton has {}", j, skeleton.joints[j],
                                    h->node_count));
    if (!finite_all(&skeleton.inverse_binds[size_t(j) * 16], 16))
      return check.fail(fmt::format("joint {} has a non-finite inverse bind matrix", j));
  }
  for (uint32_t s = 0; s < h->skin_count; ++s) {
    const pack::SkinRecord& skin = skeleton.skins[s];
    if (skin.joint_count == 0 || uint64_t(skin.first_joint) + skin.joint_count > h->joint_count)
      return check.fail(fmt::format("skin {}: joints [{}, +{}) outside the skeleton's {}", s, skin.first_joint,
                                    skin.joint_count, h->joint_count));
    if (skin.mesh >= meshes.size())
      return check.fail(fmt::format("skin {} names mesh {}, but the pack holds {}", s, skin.mesh, meshes.size()));
    const pack::MeshHeader& mesh = *meshes[skin.mesh].header;
    if (!(mesh.flags & pack::kMeshSkinned))
      return check.fail(fmt::format("skin {} names mesh {}, which has no skin stream", s, skin.mesh));
    if (mesh.joint_count != skin.joint_count)
      return check.fail(fmt::format("skin {} has {} joints but mesh {} indexes {}", s, skin.joint_count, skin.mesh,
                                    mesh.joint_count));
    if (skin_of_mesh[skin.mesh] >= 0)
      return check.fail(fmt::format("skin {} names mesh {}, which another skin already names", s, skin.mesh));
    skin_of_mesh[skin.mesh] = int(index);
  }
  return skeleton;
}

Result<AnimationChunk> load_animation(const PackReader& reader, uint32_t index,
                                      std::span<const SkeletonChunk> skeletons) {
  const int position = reader.find(pack::ChunkType::Animation, index);
  ChunkChecker check(reader, position);
  auto bytes = reader.load(size_t(position));
  if (!bytes) return bytes.error();
  AnimationChunk clip;
  clip.storage = std::move(*bytes);
  const auto payload = clip.storage.bytes();
  const uint64_t size = payload.size();
  if (size < sizeof(pack::AnimationHeader)) {
    return check.fail(fmt::format("{} bytes, shorter than the {}-byte animation header", size,
                                  sizeof(pack::AnimationHeader)));
  }
  const auto* h = reinterpret_cast<const pack::AnimationHeader*>(payload.data());
  clip.header = h;
  if (h->skeleton >= skeletons.size())
    return check.fail(fmt::format("names skeleton {}, but the pack holds {}", h->skeleton, skeletons.size()));
  if (!std::isfinite(h->duration) || h->duration < 0.0f) return check.fail("duration is not a finite number >= 0");
  if (h->name_size == 0 || !section_inside(h->name_offset, h->name_size, 1, size, 1))
    return check.fail(fmt::format("name [{}, +{}) empty or outside the chunk", h->name_offset, h->name_size));
  clip.name = std::string_view(reinterpret_cast<const char*>(payload.data()) + h->name_offset, h->name_size);
  if (!is_valid_utf8(clip.name)) return check.fail("name is not valid UTF-8");
  if (!section_inside(h->channel_offset, h->channel_count, sizeof(pack::AnimationChannel), size))
    return check.fail(fmt::format("{} channels at {} outside the chunk or unaligned", h->channel_count,
                                  h->channel_offset));
  if (!section_inside(h->data_offset, h->data_count, sizeof(float), size, 4))
    return check.fail(fmt::format("{} key floats at {} outside the chunk or unaligned", h->data_count, h->data_offset));
  clip.channels = view_of<pack::AnimationChannel>(payload, h->channel_offset, h->channel_count);
  clip.data = view_of<float>(payload, h->data_offset, h->data_count);

  const SkeletonChunk& skeleton = skeletons[h->skeleton];
  for (uint32_t c = 0; c < h->channel_count; ++c) {
    const pack::AnimationChannel& channel = clip.channels[c];
    auto fail = [&](std::string message) { return check.fail(fmt::format("channel {}: {}", c, message)); };
    if (channel.node >= skeleton.nodes.size())
      return fail(fmt::format("node {}, but skeleton {} has {}", channel.node, h->skeleton, skeleton.nodes.size()));
    if (channel.path > uint32_t(pack::AnimationPath::Scale)) return fail(fmt::format("unknown path {}", channel.path));
    if (channel.interpolation > uint32_t(pack::Interpolation::Step))
      return fail(fmt::format("unknown interpolation {}", channel.interpolation));
    const uint64_t components = channel.path == uint32_t(pack::AnimationPath::Rotation) ? 4 : 3;
    if (channel.key_count == 0) return fail("no keys");
    if (uint64_t(channel.times) + channel.key_count > h->data_count ||
        uint64_t(channel.values) + channel.key_count * components > h->data_count)
      return fail(fmt::format("{} keys at times {} / values {} outside the {} key floats", channel.key_count,
                              channel.times, channel.values, h->data_count));
    const float* times = &clip.data[channel.times];
    for (uint32_t k = 0; k < channel.key_count; ++k) {
      if (!std::isfinite(times[k]) || times[k] < 0.0f || times[k] > h->duration * 1.0001f + 1e-6f)
        return fail(fmt::format("key {} time {} is not within the clip's {} s", k, times[k], h->duration));
      if (k > 0 && times[k] < times[k - 1])
        return fail(fmt::format("key times are not ascending ({} after {})", times[k], times[k - 1]));
    }
    const float* values = &clip.data[channel.values];
    if (!finite_all(values, channel.key_count * components)) return fail("non-finite key values");
    if (components == 4) {
      for (uint32_t k = 0; k < channel.key_count; ++k) {
        const float* q = values + 4 * k;
        if (!(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3] > 1e-12f))
          return fail(fmt::format("key {} is a zero rotation quaternion", k));
      }
    }
  }
  return clip;
}

}  // namespace

std::string_view SkeletonChunk::node_name(uint32_t node) const {
  const pack::StringRef& name = nodes[node].name;
  return strings.substr(name.offset, name.size);
}

Result<std::vector<SkeletonChunk>> load_skeletons(const PackReader& reader, std::span<const MeshChunk> meshes) {
  std::vector<SkeletonChunk> skeletons;
  std::vector<int> skin_of_mesh(meshes.size(), -1);
  const uint32_t count = reader.count(pack::ChunkType::Skeleton);
  for (uint32_t s = 0; s < count; ++s) {
    auto skeleton = load_skeleton(reader, s, meshes, skin_of_mesh);
    if (!skeleton) return skeleton.error();
    skeletons.push_back(std::move(*skeleton));
  }
  for (size_t m = 0; m < meshes.size(); ++m) {
    if ((meshes[m].header->flags & pack::kMeshSkinned) && skin_of_mesh[m] < 0) {
      const int position = reader.find(pack::ChunkType::Mesh, uint32_t(m));
      return make_chunk_error(reader.path().string(), reader.chunk_label(size_t(position)),
                              "the mesh is skinned but no SKEL chunk's skin names it");
    }
  }
  return skeletons;
}

Result<std::vector<AnimationChunk>> load_animations(const PackReader& reader, std::span<const SkeletonChunk> skeletons) {
  std::vector<AnimationChunk> clips;
  const uint32_t count = reader.count(pack::ChunkType::Animation);
  for (uint32_t a = 0; a < count; ++a) {
    auto clip = load_animation(reader, a, skeletons);
    if (!clip) return clip.error();
    clips.push_back(std::move(*clip));
  }
  return clips;
}

}  // namespace liyuan
