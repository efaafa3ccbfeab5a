// Skins, the nodes they need and clips, from Assimp; see import_skeleton.h.
#include "import_skeleton.h"

#include "core/log.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <numeric>
#include <set>
#include <string>

namespace liyuan::packer {
namespace {

mat4 to_mat4(const aiMatrix4x4& m) {
  const ai_real* p = &m.a1;  // row-major
  mat4 out(1.f);
  for (int c = 0; c < 4; ++c)
    for (int r = 0; r < 4; ++r) out[c][r] = float(p[r * 4 + c]);
  return out;
}

// Keeps the nodes that are joints or ancestors of joints, parents first (depth-first pre-order).
void collect_nodes(const aiNode& node, int32_t parent, const std::set<std::string>& joints, ImportedModel& model) {
  std::function<bool(const aiNode&)> needed = [&](const aiNode& n) {
    if (joints.count(n.mName.C_Str())) return true;
    for (unsigned c = 0; c < n.mNumChildren; ++c)
      if (needed(*n.mChildren[c])) return true;
    return false;
  };
  if (!needed(node)) return;
  ImportedNode out;
  out.name = node.mName.C_Str();
  out.parent = parent;
  aiVector3D scaling, position;
  aiQuaternion rotation;
  node.mTransformation.Decompose(scaling, rotation, position);
  out.translation = vec3(position.x, position.y, position.z);
  out.rotation = glm::normalize(quat(rotation.w, rotation.x, rotation.y, rotation.z));
  out.scale = vec3(scaling.x, scaling.y, scaling.z);
  const int32_t index = int32_t(model.nodes.size());
  model.nodes.push_back(std::move(out));
  for (unsigned c = 0; c < node.mNumChildren; ++c) collect_nodes(*node.mChildren[c], index, joints, model);
}

// The 4 largest of INFLUENCES (joint, weight), renormalised; joint 0 with weight 1 when there are none.
void keep_largest(std::vector<std::pair<uint32_t, float>>& influences, std::array<uint16_t, 4>& joints, vec4& weights) {
  std::stable_sort(influences.begin(), influences.end(), [](auto& a, auto& b) { return a.second > b.second; });
  joints = {0, 0, 0, 0};
  weights = vec4(0.0f);
  float total = 0.0f;
  for (size_t k = 0; k < influences.size() && k < 4; ++k) {
    joints[k] = uint16_t(influences[k].first);
    weights[int(k)] = std::max(influences[k].second, 0.0f);
    total += weights[int(k)];
  }
  if (total > 0.0f && std::isfinite(total)) {
    weights /= total;
  } else {
    joints = {0, 0, 0, 0};
    weights = vec4(1.0f, 0.0f, 0.0f, 0.0f);
  }
}

void import_clips(const aiScene& scene, const std::map<std::string, uint32_t>& node_index, ImportedModel& model) {
  for (unsigned a = 0; a < scene.mNumAnimations; ++a) {
    const aiAnimation& animation = *scene.mAnimations[a];
    const double ticks_per_second = animation.mTicksPerSecond > 0.0 ? animation.mTicksPerSecond : 25.0;
    ImportedClip clip;
    clip.name = animation.mName.length > 0 ? animation.mName.C_Str() : fmt::format("clip{}", a);
    clip.duration = float(std::max(animation.mDuration, 0.0) / ticks_per_second);
    size_t skipped = 0;
    for (unsigned c = 0; c < animation.mNumChannels; ++c) {
      const aiNodeAnim& source = *animation.mChannels[c];
      auto node = node_index.find(source.mNodeName.C_Str());
      if (node == node_index.end()) {
        ++skipped;
        continue;
      }
      auto add = [&](pack::AnimationPath path, unsigned count, auto&& key_time, auto&& key_values) {
        if (count == 0) return;
        ImportedChannel channel;
        channel.node = node->second;
        channel.path = path;
        std::vector<unsigned> order(count);
        std::iota(order.begin(), order.end(), 0u);
        std::stable_sort(order.begin(), order.end(), [&](unsigned x, unsigned y) { return key_time(x) < key_time(y); });
        for (unsigned k : order) {
          const float t = std::max(float(key_time(k) / ticks_per_second), 0.0f);
          channel.times.push_back(t);
          clip.duration = std::max(clip.duration, t);
          key_values(k, channel.values);
        }
        clip.channels.push_back(std::move(channel));
      };
      add(pack::AnimationPath::Translation, source.mNumPositionKeys,
          [&](unsigned k) { return source.mPositionKeys[k].mTime; },
          [&](unsigned k, std::vector<float>& v) {
            const aiVector3D& p = source.mPositionKeys[k].mValue;
            v.insert(v.end(), {float(p.x), float(p.y), float(p.z)});
          });
      add(pack::AnimationPath::Rotation, source.mNumRotationKeys,
          [&](unsigned k) { return source.mRotationKeys[k].mTime; },
          [&](unsigned k, std::vector<float>& v) {
            const aiQuaternion& q = source.mRotationKeys[k].mValue;
            v.insert(v.end(), {float(q.x), float(q.y), float(q.z), float(q.w)});
          });
      add(pack::AnimationPath::Scale, source.mNumScalingKeys,
          [&](unsigned k) { return source.mScalingKeys[k].mTime; },
          [&](unsigned k, std::vector<float>& v) {
            const aiVector3D& s = source.mScalingKeys[k].mValue;
            v.insert(v.end(), {float(s.x), float(s.y), float(s.z)});
          });
    }
    if (skipped > 0) log::debug("clip '{}': {} channels animate nodes outside the skeleton; not packed", clip.name, skipped);
    model.clips.push_back(std::move(clip));
  }
}

}  // namespace

Status import_skeleton(const aiScene& scene, const std::vector<int>& mesh_remap, ImportedModel& model) {
  std::set<std::string> joint_names;
  for (unsigned m = 0; m < scene.mNumMeshes; ++m) {
    if (m >= mesh_remap.size() || mesh_remap[m] < 0) continue;
    const aiMesh& mesh = *scene.mMeshes[m];
    for (unsigned b = 0; b < mesh.mNumBones; ++b) joint_names.insert(mesh.mBones[b]->mName.C_Str());
  }
  if (joint_names.empty() || !scene.mRootNode) return {};
  collect_nodes(*scene.mRootNode, -1, joint_names, model);
  std::map<std::string, uint32_t> node_index;
  for (uint32_t n = 0; n < model.nodes.size(); ++n) node_index.try_emplace(model.nodes[n].name, n);

  for (unsigned m = 0; m < scene.mNumMeshes; ++m) {
    if (m >= mesh_remap.size() || mesh_remap[m] < 0) continue;
    const aiMesh& source = *scene.mMeshes[m];
    if (source.mNumBones == 0) continue;
    ImportedMesh& mesh = model.meshes[size_t(mesh_remap[m])];
    ImportedSkin skin;
    skin.mesh = uint32_t(mesh_remap[m]);
    std::vector<std::vector<std::pair<uint32_t, float>>> influences(mesh.positions.size());
    for (unsigned b = 0; b < source.mNumBones; ++b) {
      const aiBone& bone = *source.mBones[b];
      auto node = node_index.find(bone.mName.C_Str());
      if (node == node_index.end()) return make_error(fmt::format("bone '{}' names no node", bone.mName.C_Str()));
      skin.joints.push_back(node->second);
      skin.inverse_binds.push_back(to_mat4(bone.mOffsetMatrix));
      for (unsigned w = 0; w < bone.mNumWeights; ++w) {
        const aiVertexWeight& weight = bone.mWeights[w];
        if (weight.mVertexId < influences.size() && weight.mWeight > 0.0f && std::isfinite(weight.mWeight))
          influences[weight.mVertexId].emplace_back(b, weight.mWeight);
      }
    }
    if (skin.joints.size() > 65536) return make_error(fmt::format("mesh '{}' has {} bones (at most 65536)", mesh.name,
                                                                  skin.joints.size()));
    size_t unweighted = 0;
    mesh.joints.resize(mesh.positions.size());
    mesh.weights.resize(mesh.positions.size());
    for (size_t v = 0; v < influences.size(); ++v) {
      if (influences[v].empty()) ++unweighted;
      keep_largest(influences[v], mesh.joints[v], mesh.weights[v]);
    }
    if (unweighted > 0)
      log::warn("mesh '{}': {} vertices have no bone weights; they follow its first joint", mesh.name, unweighted);
    mesh.skin = int32_t(model.skins.size());
    mesh.joint_count = uint32_t(skin.joints.size());
    model.skins.push_back(std::move(skin));
  }
  import_clips(scene, node_index, model);
  return {};
}

}  // namespace liyuan::packer
