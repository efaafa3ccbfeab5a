#include "mesh.h"

#include <limits>

namespace liyuan::hallgen {

uint32_t Mesh::add_vertex(const vec3& position, const vec3& normal, const vec4& color, const vec2& uv) {
  positions.push_back(position);
  uvs.push_back(uv);
  normals.push_back(normal);
  colors.push_back(color);
  return uint32_t(positions.size() - 1);
}

void Mesh::add_triangle(uint32_t a, uint32_t b, uint32_t c) {
  indices.push_back(a);
  indices.push_back(b);
  indices.push_back(c);
}

int Model::add_material(const Material& material) {
  materials.push_back(material);
  meshes.emplace_back();
  return int(materials.size() - 1);
}

size_t Model::triangle_count() const {
  size_t count = 0;
  for (const Mesh& m : meshes) count += m.indices.size() / 3;
  return count;
}

std::array<vec3, 2> Model::bounds() const {
  vec3 lo(std::numeric_limits<float>::max()), hi(-std::numeric_limits<float>::max());
  bool any = false;
  for (const Mesh& m : meshes) {
    for (const vec3& p : m.positions) {
      lo = glm::min(lo, p);
      hi = glm::max(hi, p);
      any = true;
    }
  }
  if (!any) return {vec3(0.0f), vec3(0.0f)};
  return {lo, hi};
}

}  // namespace liyuan::hallgen
