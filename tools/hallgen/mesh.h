// The in-memory model hallgen builds before writing glTF: materials, and per material one triangle mesh with
// normals and linear vertex colours. Plain data; the shape builders (shapes.h) append to it.
#pragma once

#include <array>
#include <cstdint>
#include <glm/glm.hpp>
#include <string>
#include <vector>

namespace liyuan::hallgen {

using glm::mat4;
using glm::vec2;
using glm::vec3;
using glm::vec4;

// glTF metallic-roughness factors. Colours are linear; `blend` makes the material alpha-blended and double-sided.
struct Material {
  std::string name;
  vec4 base_color{1.0f};
  float metallic = 0.0f;
  float roughness = 0.8f;
  vec3 emissive{0.0f};  // each component in [0, 1] (glTF's emissiveFactor; no strength extension)
  bool blend = false;
  std::string base_color_texture;  // an Image of the model, by name; empty for none (then no UVs are written)
};

// An 8-bit sRGB RGB image the model carries (written as NAME.png beside the glTF, sampled with repeat).
struct Image {
  std::string name;
  int width = 0;
  int height = 0;
  std::vector<unsigned char> rgb;  // rows top to bottom, 3 bytes a pixel
};

// Triangles of one material: positions (metres), unit normals, linear RGBA vertex colours, texture coordinates
// (used when the material has a texture), counter-clockwise fronts.
struct Mesh {
  std::vector<vec3> positions;
  std::vector<vec3> normals;
  std::vector<vec4> colors;
  std::vector<vec2> uvs;
  std::vector<uint32_t> indices;

  // Appends a vertex and returns its index.
  uint32_t add_vertex(const vec3& position, const vec3& normal, const vec4& color, const vec2& uv = vec2(0.0f));
  // Appends the triangle A, B, C (vertex indices, counter-clockwise seen from the front).
  void add_triangle(uint32_t a, uint32_t b, uint32_t c);
};

// A model: its materials and, for each, the mesh drawn with it (same index). Written as one glTF mesh with one
// primitive per non-empty mesh.
struct Model {
  std::string name;
  std::vector<Material> materials;
  std::vector<Mesh> meshes;
  std::vector<Image> images;

  // Adds MATERIAL and returns its index; the mesh of that index receives its triangles.
  int add_material(const Material& material);
  // The mesh drawn with material INDEX.
  Mesh& mesh(int index) { return meshes[size_t(index)]; }
  // Triangles over all meshes.
  size_t triangle_count() const;
  // The smallest box holding every vertex: min in [0], max in [1]. A model without vertices gives zeros.
  std::array<vec3, 2> bounds() const;
};

}  // namespace liyuan::hallgen
