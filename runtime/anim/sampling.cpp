// Channel sampling, clip time and pose composition; see sampling.h.
#include "anim/sampling.h"

#include <algorithm>
#include <cmath>

namespace liyuan::anim {
namespace {

// The keys around TIME: A <= B, and the fraction of the way from A to B (0 when they are the same key).
struct KeySpan {
  size_t a = 0, b = 0;
  float t = 0.0f;
};

KeySpan find_keys(const Channel& channel, float time) {
  const std::vector<float>& times = channel.times;
  const size_t last = times.size() - 1;
  if (times.size() == 1 || !(time > times.front())) return {0, 0, 0.0f};
  if (time >= times[last]) return {last, last, 0.0f};
  const size_t b = size_t(std::upper_bound(times.begin(), times.end(), time) - times.begin());  // times[b] > time
  const size_t a = b - 1;
  if (channel.interpolation == pack::Interpolation::Step) return {a, a, 0.0f};
  const float span = times[b] - times[a];
  return {a, b, span > 0.0f ? std::clamp((time - times[a]) / span, 0.0f, 1.0f) : 0.0f};
}

vec3 key3(const Channel& channel, size_t k) { return vec3(channel.values[3 * k], channel.values[3 * k + 1], channel.values[3 * k + 2]); }
quat key4(const Channel& channel, size_t k) {
  const float* v = &channel.values[4 * k];
  return quat(v[3], v[0], v[1], v[2]);  // stored x, y, z, w
}

}  // namespace

mat4 Trs::matrix() const {
  return glm::translate(mat4(1.0f), translation) * glm::mat4_cast(rotation) * glm::scale(mat4(1.0f), scale);
}

float clip_local_time(double clip_time, float duration, bool loop) {
  if (!std::isfinite(clip_time) || !(duration > 0.0f)) return 0.0f;
  if (loop) {
    double t = std::fmod(clip_time, double(duration));
    if (t < 0.0) t += duration;
    return std::min(float(t), std::nextafter(duration, 0.0f));
  }
  return float(std::clamp(clip_time, 0.0, double(duration)));
}

vec3 sample_vec3(const Channel& channel, float time) {
  const KeySpan keys = find_keys(channel, time);
  if (keys.a == keys.b) return key3(channel, keys.a);
  return glm::mix(key3(channel, keys.a), key3(channel, keys.b), keys.t);
}

quat sample_quat(const Channel& channel, float time) {
  const KeySpan keys = find_keys(channel, time);
  if (keys.a == keys.b) return glm::normalize(key4(channel, keys.a));
  // glm::slerp takes the shorter arc (it negates one end when their dot product is negative).
  return glm::normalize(glm::slerp(glm::normalize(key4(channel, keys.a)), glm::normalize(key4(channel, keys.b)), keys.t));
}

void sample_pose(const Skeleton& skeleton, const Clip* clip, float time, std::vector<Trs>& locals) {
  locals.assign(skeleton.rest.begin(), skeleton.rest.end());
  if (!clip) return;
  for (const Channel& channel : clip->channels) {
    if (channel.node >= locals.size() || channel.times.empty()) continue;
    Trs& local = locals[channel.node];
    switch (channel.path) {
      case pack::AnimationPath::Translation: local.translation = sample_vec3(channel, time); break;
      case pack::AnimationPath::Rotation: local.rotation = sample_quat(channel, time); break;
      case pack::AnimationPath::Scale: local.scale = sample_vec3(channel, time); break;
    }
  }
}

void compute_globals(const Skeleton& skeleton, std::span<const Trs> locals, std::vector<mat4>& globals) {
  globals.resize(locals.size());
  for (size_t n = 0; n < locals.size(); ++n) {
    const int32_t parent = n < skeleton.parents.size() ? skeleton.parents[n] : -1;
    const mat4 local = locals[n].matrix();
    globals[n] = parent >= 0 && size_t(parent) < n ? globals[size_t(parent)] * local : local;
  }
}

void append_joint_matrices(const Skin& skin, std::span<const mat4> globals, const mat4& mesh_from_vertex,
                           std::vector<mat4>& palette) {
  for (size_t j = 0; j < skin.joints.size(); ++j) {
    const mat4& global = skin.joints[j] < globals.size() ? globals[skin.joints[j]] : mat4(1.0f);
    palette.push_back(global * skin.inverse_binds[j] * mesh_from_vertex);
  }
}

}  // namespace liyuan::anim
