// Levels of detail by simplification (meshoptimizer's edge-collapse simplifier, Garland & Heckbert quadrics), each
// with the error it carries, so that the renderer can choose a level by its projected error on screen.
#pragma once

#include <cstdint>
#include <vector>

#include "core/math.h"

namespace liyuan::packer {

struct LodLevel {
  std::vector<uint32_t> indices;  // triangle list over the full-detail vertices
  float error = 0.0f;             // the farthest a full-detail vertex lies from this level's surface, in mesh units
};

struct LodOptions {
  uint32_t max_levels = 8;        // including the full-detail level
  float reduction = 0.5f;         // each level aims at this fraction of the full detail's triangles of the one before
  uint32_t min_triangles = 64;    // no level below this many triangles
  float min_gain = 0.85f;         // a level that keeps more than this fraction of the previous level's triangles ends
                                  // the chain (the simplifier has stalled on the mesh's topology or seams)
};

// The chain for INDICES over POSITIONS, starting with INDICES itself as level 0 (error 0). Every level is simplified
// from level 0, so its error is measured against the full detail; errors never decrease along the chain. Each
// level's index order is optimised for the vertex cache.
std::vector<LodLevel> build_lod_chain(const std::vector<vec3>& positions, const std::vector<uint32_t>& indices,
                                      const LodOptions& options = {});

}  // namespace liyuan::packer
