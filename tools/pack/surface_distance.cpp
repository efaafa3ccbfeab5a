// Point-to-mesh distances over a uniform grid of triangle boxes; see surface_distance.h.
#include "surface_distance.h"

#include <algorithm>
#include <cmath>

namespace liyuan::packer {
namespace {

// The point of triangle ABC nearest to P (Ericson, "Real-Time Collision Detection", 5.1.5).
vec3 closest_point_on_triangle(const vec3& p, const vec3& a, const vec3& b, const vec3& c) {
  vec3 ab = b - a, ac = c - a, ap = p - a;
  float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
  if (d1 <= 0 && d2 <= 0) return a;
  vec3 bp = p - b;
  float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
  if (d3 >= 0 && d4 <= d3) return b;
  float vc = d1 * d4 - d3 * d2;
  if (vc <= 0 && d1 >= 0 && d3 <= 0) return a + ab * (d1 / (d1 - d3));
  vec3 cp = p - c;
  float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
  if (d6 >= 0 && d5 <= d6) return c;
  float vb = d5 * d2 - d1 * d6;
  if (vb <= 0 && d2 >= 0 && d6 <= 0) return a + ac * (d2 / (d2 - d6));
  float va = d3 * d6 - d5 * d4;
  if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0) return b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)));
  float denominator = 1.0f / (va + vb + vc);
  return a + ab * (vb * denominator) + ac * (vc * denominator);
}

class TriangleGrid {
 public:
  TriangleGrid(const std::vector<vec3>& positions, const std::vector<uint32_t>& indices)
      : positions_(positions), indices_(indices) {
    for (uint32_t i : indices) box_.expand(positions[i]);
    size_t triangles = indices.size() / 3;
    vec3 extent = glm::max(box_.extent(), vec3(1e-9f));
    // About two triangles per occupied cell on a surface.
    float cell = std::cbrt(extent.x * extent.y * extent.z / float(std::max<size_t>(triangles, 1))) * 1.5f;
    cell = std::max({cell, extent.x / 256.0f, extent.y / 256.0f, extent.z / 256.0f});
    cell_ = cell;
    for (int k = 0; k < 3; ++k) dims_[k] = std::max(1, int(std::ceil(extent[k] / cell)) + 1);
    cells_.resize(size_t(dims_[0]) * dims_[1] * dims_[2]);
    for (uint32_t t = 0; t < triangles; ++t) {
      Aabb tb;
      for (int k = 0; k < 3; ++k) tb.expand(positions[indices[3 * t + k]]);
      glm::ivec3 lo = cell_of(tb.min), hi = cell_of(tb.max);
      for (int z = lo.z; z <= hi.z; ++z)
        for (int y = lo.y; y <= hi.y; ++y)
          for (int x = lo.x; x <= hi.x; ++x) cells_[index_of(x, y, z)].push_back(t);
    }
  }

  // Distance from P to the nearest triangle: rings of cells around P's cell, until no nearer triangle can exist.
  float distance(const vec3& p) const {
    glm::ivec3 centre = cell_of(p);
    float best = INFINITY;
    int max_ring = std::max({dims_[0], dims_[1], dims_[2]});
    for (int ring = 0; ring <= max_ring; ++ring) {
      for (int z = centre.z - ring; z <= centre.z + ring; ++z)
        for (int y = centre.y - ring; y <= centre.y + ring; ++y)
          for (int x = centre.x - ring; x <= centre.x + ring; ++x) {
            if (std::max({std::abs(x - centre.x), std::abs(y - centre.y), std::abs(z - centre.z)}) != ring) continue;
            if (x < 0 || y < 0 || z < 0 || x >= dims_[0] || y >= dims_[1] || z >= dims_[2]) continue;
            for (uint32_t t : cells_[index_of(x, y, z)]) {
              const vec3& a = positions_[indices_[3 * t]];
              const vec3& b = positions_[indices_[3 * t + 1]];
              const vec3& c = positions_[indices_[3 * t + 2]];
              best = std::min(best, glm::length(p - closest_point_on_triangle(p, a, b, c)));
            }
          }
      // Anything in ring r+1 or beyond is at least r * cell away from P (P may sit anywhere in its own cell).
      if (best <= float(ring) * cell_) break;
    }
    return best;
  }

 private:
  glm::ivec3 cell_of(const vec3& p) const {
    glm::ivec3 c = glm::ivec3(glm::floor((p - box_.min) / cell_));
    return glm::clamp(c, glm::ivec3(0), glm::ivec3(dims_[0] - 1, dims_[1] - 1, dims_[2] - 1));
  }
  size_t index_of(int x, int y, int z) const { return (size_t(z) * dims_[1] + size_t(y)) * dims_[0] + size_t(x); }

  const std::vector<vec3>& positions_;
  const std::vector<uint32_t>& indices_;
  Aabb box_;
  float cell_ = 1.0f;
  int dims_[3] = {1, 1, 1};
  std::vector<std::vector<uint32_t>> cells_;
};

}  // namespace

float max_distance_to_surface(const std::vector<vec3>& points, const std::vector<vec3>& positions,
                              const std::vector<uint32_t>& indices) {
  if (points.empty()) return 0.0f;
  if (indices.size() < 3) return 1e30f;
  TriangleGrid grid(positions, indices);
  float worst = 0.0f;
  for (const vec3& p : points) worst = std::max(worst, grid.distance(p));
  return worst;
}

}  // namespace liyuan::packer
