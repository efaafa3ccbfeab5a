// Skeletal animation as plain data, and sampling it: a channel at a time (LINEAR: lerp, quaternions slerped along the
// shorter arc; STEP: the key at or before the time), a clip's time (wrapped or clamped), and the local and global
// transforms of a skeleton posed by a clip.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "assets/pack_format.h"
#include "core/math.h"

namespace liyuan::anim {

// A node's local transform: translation, rotation, scale (applied as T * R * S).
struct Trs {
  vec3 translation{0.0f};
  quat rotation{1.0f, 0.0f, 0.0f, 0.0f};
  vec3 scale{1.0f};

  mat4 matrix() const;
};

// One mesh's skin: which nodes its joints are, and their inverse bind matrices.
struct Skin {
  uint32_t mesh = 0;  // pack MESH index
  std::vector<uint32_t> joints;
  std::vector<mat4> inverse_binds;
};

// A node hierarchy at rest, parents before children (parents[n] < n, or -1).
struct Skeleton {
  std::vector<int32_t> parents;
  std::vector<Trs> rest;
  std::vector<std::string> names;
  std::vector<Skin> skins;
  mat4 root{1.0f};  // pack (relic) space from the skeleton's space
};

struct Channel {
  uint32_t node = 0;
  pack::AnimationPath path = pack::AnimationPath::Translation;
  pack::Interpolation interpolation = pack::Interpolation::Linear;
  std::vector<float> times;   // seconds, ascending, at least one
  std::vector<float> values;  // 3 per key (translation, scale) or 4 (rotation x, y, z, w)
};

struct Clip {
  std::string name;
  float duration = 0.0f;  // seconds
  uint32_t skeleton = 0;  // AnimationSet skeleton index
  std::vector<Channel> channels;
};

// CLIP_TIME seconds into a clip of DURATION: wrapped into [0, DURATION) when LOOP, else clamped to [0, DURATION].
// Non-finite times and empty clips give 0.
float clip_local_time(double clip_time, float duration, bool loop);

// CHANNEL (translation or scale) at TIME: before the first key the first value, after the last the last, exact at
// every key.
vec3 sample_vec3(const Channel& channel, float time);
// CHANNEL (rotation) at TIME, normalised; LINEAR slerps along the shorter arc.
quat sample_quat(const Channel& channel, float time);

// SKELETON's local transforms posed by CLIP at TIME (seconds into the clip): the rest pose, with every channel of the
// clip applied. LOCALS is resized to the node count.
void sample_pose(const Skeleton& skeleton, const Clip* clip, float time, std::vector<Trs>& locals);

// Global (skeleton-space) transforms from LOCALS: global[n] = global[parent] * local[n]. GLOBALS is resized.
void compute_globals(const Skeleton& skeleton, std::span<const Trs> locals, std::vector<mat4>& globals);

// Appends SKIN's joint matrices to PALETTE: globals[joint] * inverse_bind * MESH_FROM_VERTEX for each joint.
void append_joint_matrices(const Skin& skin, std::span<const mat4> globals, const mat4& mesh_from_vertex,
                           std::vector<mat4>& palette);

}  // namespace liyuan::anim
