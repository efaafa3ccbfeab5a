// Shape builders: boxes, quads and lathe-turned solids, appended to a Mesh under a transform. Everything hallgen
// makes is built from these three.
#pragma once

#include <functional>
#include <vector>

#include "mesh.h"

namespace liyuan::hallgen {

// A colour as a function of where on a lathe solid a vertex lies: ANGLE in [0, 1) around the axis, Y along it.
using LatheColor = std::function<vec4(float angle, float y)>;

// The transform that moves the origin to OFFSET.
mat4 translation(const vec3& offset);
// A rotation by DEGREES about the unit AXIS.
mat4 rotation(float degrees, const vec3& axis);

// Appends the axis-aligned box LO..HI, placed by XF, with flat normals and one COLOR (12 triangles).
void add_box(Mesh& mesh, const mat4& xf, const vec3& lo, const vec3& hi, const vec4& color);
// Appends the box LO..HI in the mesh's own frame.
void add_box(Mesh& mesh, const vec3& lo, const vec3& hi, const vec4& color);

// Appends the quad P0 P1 P2 P3 (counter-clockwise seen from its front, planar) with one flat normal and COLOR.
void add_quad(Mesh& mesh, const vec3& p0, const vec3& p1, const vec3& p2, const vec3& p3, const vec4& color);

// Appends a solid of revolution about the Y axis, placed by XF: PROFILE lists (radius, y) from the bottom up along
// the outer surface (start or end at radius 0 to close it); a point given twice in a row makes a hard edge there.
// SEGMENTS around (>= 3). Normals point away from the axis on rising walls and up on tops.
void add_lathe(Mesh& mesh, const mat4& xf, const std::vector<vec2>& profile, int segments, const LatheColor& color);
// The same with one colour.
void add_lathe(Mesh& mesh, const mat4& xf, const std::vector<vec2>& profile, int segments, const vec4& color);

// A linear colour from sRGB bytes, as a colour picker shows them.
vec4 srgb(int r, int g, int b, float alpha = 1.0f);

}  // namespace liyuan::hallgen
