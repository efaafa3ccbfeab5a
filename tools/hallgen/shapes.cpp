#include "shapes.h"

#include <cmath>
#include <glm/gtc/matrix_transform.hpp>

namespace liyuan::hallgen {
namespace {

constexpr float kPi = 3.14159265358979f;

vec3 transform_point(const mat4& xf, const vec3& p) {
  return vec3(xf * vec4(p, 1.0f));
}

vec3 transform_normal(const mat4& xf, const vec3& n) {
  return glm::normalize(glm::transpose(glm::inverse(glm::mat3(xf))) * n);
}

float srgb_to_linear(float c) {
  return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
}

}  // namespace

mat4 translation(const vec3& offset) {
  return glm::translate(mat4(1.0f), offset);
}

mat4 rotation(float degrees, const vec3& axis) {
  return glm::rotate(mat4(1.0f), glm::radians(degrees), axis);
}

vec4 srgb(int r, int g, int b, float alpha) {
  return vec4(srgb_to_linear(float(r) / 255.0f), srgb_to_linear(float(g) / 255.0f), srgb_to_linear(float(b) / 255.0f),
              alpha);
}

void add_quad(Mesh& mesh, const vec3& p0, const vec3& p1, const vec3& p2, const vec3& p3, const vec4& color) {
  vec3 n = glm::normalize(glm::cross(p1 - p0, p2 - p0));
  uint32_t a = mesh.add_vertex(p0, n, color);
  uint32_t b = mesh.add_vertex(p1, n, color);
  uint32_t c = mesh.add_vertex(p2, n, color);
  uint32_t d = mesh.add_vertex(p3, n, color);
  mesh.add_triangle(a, b, c);
  mesh.add_triangle(a, c, d);
}

void add_box(Mesh& mesh, const mat4& xf, const vec3& lo, const vec3& hi, const vec4& color) {
  auto p = [&](float x, float y, float z) { return transform_point(xf, vec3(x, y, z)); };
  const float x0 = lo.x, y0 = lo.y, z0 = lo.z, x1 = hi.x, y1 = hi.y, z1 = hi.z;
  add_quad(mesh, p(x0, y0, z1), p(x1, y0, z1), p(x1, y1, z1), p(x0, y1, z1), color);  // +Z
  add_quad(mesh, p(x1, y0, z0), p(x0, y0, z0), p(x0, y1, z0), p(x1, y1, z0), color);  // -Z
  add_quad(mesh, p(x1, y0, z1), p(x1, y0, z0), p(x1, y1, z0), p(x1, y1, z1), color);  // +X
  add_quad(mesh, p(x0, y0, z0), p(x0, y0, z1), p(x0, y1, z1), p(x0, y1, z0), color);  // -X
  add_quad(mesh, p(x0, y1, z1), p(x1, y1, z1), p(x1, y1, z0), p(x0, y1, z0), color);  // +Y
  add_quad(mesh, p(x0, y0, z0), p(x1, y0, z0), p(x1, y0, z1), p(x0, y0, z1), color);  // -Y
}

void add_box(Mesh& mesh, const vec3& lo, const vec3& hi, const vec4& color) {
  add_box(mesh, mat4(1.0f), lo, hi, color);
}

void add_lathe(Mesh& mesh, const mat4& xf, const std::vector<vec2>& profile, int segments, const LatheColor& color) {
  // Split the profile into smooth runs at repeated points (hard edges).
  std::vector<std::vector<vec2>> runs(1);
  for (size_t i = 0; i < profile.size(); ++i) {
    if (i > 0 && profile[i] == profile[i - 1]) {
      runs.push_back({profile[i]});
      continue;
    }
    runs.back().push_back(profile[i]);
  }
  for (const std::vector<vec2>& run : runs) {
    if (run.size() < 2) continue;
    // Per profile point, the outward normal in (radius, y): the mean of its edges' normals (dy, -dr).
    std::vector<vec2> normals(run.size());
    for (size_t j = 0; j < run.size(); ++j) {
      vec2 n(0.0f);
      if (j > 0) n += glm::normalize(vec2(run[j].y - run[j - 1].y, -(run[j].x - run[j - 1].x)));
      if (j + 1 < run.size()) n += glm::normalize(vec2(run[j + 1].y - run[j].y, -(run[j + 1].x - run[j].x)));
      normals[j] = glm::length(n) > 1e-6f ? glm::normalize(n) : vec2(1.0f, 0.0f);
    }
    const uint32_t first = uint32_t(mesh.positions.size());
    const uint32_t ring = uint32_t(segments + 1);
    for (size_t j = 0; j < run.size(); ++j) {
      for (int k = 0; k <= segments; ++k) {
        float angle = float(k % segments) / float(segments);
        float s = std::sin(2.0f * kPi * angle), c = std::cos(2.0f * kPi * angle);
        vec3 position(run[j].x * s, run[j].y, run[j].x * c);
        vec3 normal(normals[j].x * s, normals[j].y, normals[j].x * c);
        mesh.add_vertex(transform_point(xf, position), transform_normal(xf, normal), color(angle, run[j].y));
      }
    }
    for (size_t j = 0; j + 1 < run.size(); ++j) {
      for (uint32_t k = 0; k < uint32_t(segments); ++k) {
        uint32_t a = first + uint32_t(j) * ring + k, b = a + 1, d = a + ring, c = d + 1;
        if (run[j].x > 0.0f) mesh.add_triangle(a, b, c);
        if (run[j + 1].x > 0.0f) mesh.add_triangle(a, c, d);
      }
    }
  }
}

void add_lathe(Mesh& mesh, const mat4& xf, const std::vector<vec2>& profile, int segments, const vec4& color) {
  add_lathe(mesh, xf, profile, segments, [&](float, float) { return color; });
}

}  // namespace liyuan::hallgen
