// Angle-weighted vertex normals over position-welded corners, with a crease angle.
#include "normals.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>

namespace liyuan::packer {
namespace {

// Orders vertices so that bitwise-equal positions are adjacent.
bool position_less(const vec3& a, const vec3& b) {
  uint32_t ka[3], kb[3];
  std::memcpy(ka, &a, sizeof ka);
  std::memcpy(kb, &b, sizeof kb);
  return std::lexicographical_compare(ka, ka + 3, kb, kb + 3);
}

bool position_equal(const vec3& a, const vec3& b) { return std::memcmp(&a, &b, sizeof(vec3)) == 0; }

float corner_angle(const vec3& at, const vec3& p1, const vec3& p2) {
  const vec3 e1 = p1 - at, e2 = p2 - at;
  const float l1 = glm::length(e1), l2 = glm::length(e2);
  if (l1 <= 0.f || l2 <= 0.f) return 0.f;
  return std::acos(std::clamp(glm::dot(e1, e2) / (l1 * l2), -1.f, 1.f));
}

}  // namespace

std::vector<vec3> angle_weighted_normals(std::span<const vec3> positions, std::span<const uint32_t> triangles,
                                         float max_angle_degrees) {
  const size_t vertex_count = positions.size();
  const size_t face_count = triangles.size() / 3;

  // Unit face normals, and each vertex's own faces (the reference for the crease test).
  std::vector<vec3> face_normal(face_count);
  std::vector<vec3> reference(vertex_count, vec3(0.f));
  for (size_t f = 0; f < face_count; ++f) {
    const vec3& a = positions[triangles[3 * f]];
    const vec3& b = positions[triangles[3 * f + 1]];
    const vec3& c = positions[triangles[3 * f + 2]];
    const vec3 n = glm::cross(b - a, c - a);
    const float len = glm::length(n);
    face_normal[f] = len > 0.f ? n / len : vec3(0.f);
    for (int k = 0; k < 3; ++k) reference[triangles[3 * f + k]] += face_normal[f];
  }

  // Group vertices by position: group_of[v] is the group id, members listed contiguously.
  std::vector<uint32_t> order(vertex_count);
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return position_less(positions[a], positions[b]); });
  std::vector<uint32_t> group_of(vertex_count);
  uint32_t groups = 0;
  for (size_t k = 0; k < order.size(); ++k) {
    if (k > 0 && !position_equal(positions[order[k]], positions[order[k - 1]])) ++groups;
    group_of[order[k]] = groups;
  }
  if (vertex_count > 0) ++groups;

  // Corners per group (face and angle), in CSR form.
  std::vector<uint32_t> start(groups + 1, 0);
  for (size_t i = 0; i < face_count * 3; ++i) ++start[group_of[triangles[i]] + 1];
  std::partial_sum(start.begin(), start.end(), start.begin());
  struct Corner {
    uint32_t face;
    float angle;
  };
  std::vector<Corner> corners(face_count * 3);
  std::vector<uint32_t> fill(start.begin(), start.end() - 1);
  for (size_t f = 0; f < face_count; ++f) {
    for (int k = 0; k < 3; ++k) {
      const uint32_t v = triangles[3 * f + k];
      const float angle = corner_angle(positions[v], positions[triangles[3 * f + (k + 1) % 3]],
                                       positions[triangles[3 * f + (k + 2) % 3]]);
      corners[fill[group_of[v]]++] = Corner{uint32_t(f), angle};
    }
  }

  const float cos_limit = std::cos(glm::radians(max_angle_degrees));
  std::vector<vec3> normals(vertex_count, vec3(0.f, 1.f, 0.f));
  for (size_t v = 0; v < vertex_count; ++v) {
    const float ref_len = glm::length(reference[v]);
    if (ref_len <= 0.f) continue;  // unused vertex, or only degenerate faces
    const vec3 ref = reference[v] / ref_len;
    vec3 sum(0.f);
    const uint32_t g = group_of[v];
    for (uint32_t c = start[g]; c < start[g + 1]; ++c) {
      const vec3& n = face_normal[corners[c].face];
      if (glm::dot(n, ref) >= cos_limit) sum += n * corners[c].angle;
    }
    const float len = glm::length(sum);
    normals[v] = len > 0.f ? sum / len : ref;
  }
  return normals;
}

}  // namespace liyuan::packer
