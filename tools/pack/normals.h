// Angle-weighted smooth vertex normals for meshes that arrive without any (raw scans such as the Stanford bunny).
#pragma once

#include "core/math.h"

#include <cstdint>
#include <span>
#include <vector>

namespace liyuan::packer {

// Normals for POSITIONS (one per vertex) of the triangle list TRIANGLES (3 indices per triangle, each < positions
// count). Vertices at bitwise-equal positions are treated as one point, so an unwelded triangle soup comes out smooth.
// Each face contributes its unit normal weighted by its corner angle (Thürmer & Wüthrich 1998, "Computing vertex
// normals from polygonal facets"); faces whose normal lies more than MAX_ANGLE_DEGREES from the vertex's own faces
// are left out, so creases sharper than that stay sharp. Returns unit normals; a vertex of degenerate faces only
// gets (0, 1, 0).
std::vector<vec3> angle_weighted_normals(std::span<const vec3> positions, std::span<const uint32_t> triangles,
                                         float max_angle_degrees);

}  // namespace liyuan::packer
