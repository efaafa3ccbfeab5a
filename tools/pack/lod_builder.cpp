// LOD chains with meshopt_simplify; see lod_builder.h.
#include "lod_builder.h"

#include <meshoptimizer.h>

#include <algorithm>

#include "surface_distance.h"

namespace liyuan::packer {

std::vector<LodLevel> build_lod_chain(const std::vector<vec3>& positions, const std::vector<uint32_t>& indices,
                                      const LodOptions& options) {
  std::vector<LodLevel> chain;
  chain.push_back(LodLevel{indices, 0.0f});
  if (positions.empty() || indices.size() < 3) return chain;
  const float* position_data = &positions[0].x;
  // meshopt measures error relative to the mesh extent; this converts it to mesh units.
  const float scale = meshopt_simplifyScale(position_data, positions.size(), sizeof(vec3));
  // The full-detail vertices: each level's error is the farthest any of them lies from that level's surface.
  std::vector<uint8_t> used(positions.size(), 0);
  std::vector<vec3> samples;
  for (uint32_t i : indices)
    if (!used[i]) used[i] = 1, samples.push_back(positions[i]);
  size_t target = indices.size();
  while (chain.size() < options.max_levels) {
    const size_t previous = chain.back().indices.size();
    if (previous / 3 < options.min_triangles * 2) break;
    target = std::max<size_t>(size_t(double(target) * options.reduction) / 3 * 3, options.min_triangles * 3);
    std::vector<uint32_t> simplified(indices.size());
    float relative_error = 0.0f;
    // Any error is allowed: the target triangle count decides, and the error is recorded for the renderer.
    size_t count = meshopt_simplify(simplified.data(), indices.data(), indices.size(), position_data, positions.size(),
                                    sizeof(vec3), target, 1.0f, 0, &relative_error);
    if (count == 0 || double(count) > double(previous) * options.min_gain) break;
    simplified.resize(count);
    meshopt_optimizeVertexCache(simplified.data(), simplified.data(), count, positions.size());
    float deviation = max_distance_to_surface(samples, positions, simplified);
    float error = std::max({relative_error * scale, deviation, chain.back().error});
    chain.push_back(LodLevel{std::move(simplified), error});
  }
  return chain;
}

}  // namespace liyuan::packer
