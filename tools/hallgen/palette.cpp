#include "palette.h"

#include <cmath>

#include "shapes.h"

namespace liyuan::hallgen {

float hash01(int32_t x, int32_t y, int32_t z) {
  uint32_t h = uint32_t(x) * 0x8da6b343u ^ uint32_t(y) * 0xd8163841u ^ uint32_t(z) * 0xcb1ab31fu;
  h ^= h >> 15;
  h *= 0x2c1b3c6du;
  h ^= h >> 12;
  h *= 0x297a2d39u;
  h ^= h >> 15;
  return float(h >> 8) / float(1u << 24);
}

float value_noise(float x, float y, int32_t seed) {
  float fx = std::floor(x), fy = std::floor(y);
  int32_t ix = int32_t(fx), iy = int32_t(fy);
  float tx = x - fx, ty = y - fy;
  tx = tx * tx * (3.0f - 2.0f * tx);
  ty = ty * ty * (3.0f - 2.0f * ty);
  float a = hash01(ix, iy, seed), b = hash01(ix + 1, iy, seed);
  float c = hash01(ix, iy + 1, seed), d = hash01(ix + 1, iy + 1, seed);
  return (a + (b - a) * tx) + ((c + (d - c) * tx) - (a + (b - a) * tx)) * ty;
}

namespace {

// Trilinear value noise over integer lattice points hashed with SEED.
float value_noise3(const vec3& p, int32_t seed) {
  vec3 f = glm::floor(p);
  vec3 t = p - f;
  t = t * t * (3.0f - 2.0f * t);
  int32_t ix = int32_t(f.x) + seed * 1013, iy = int32_t(f.y), iz = int32_t(f.z);
  float corners[2][2][2];
  for (int a = 0; a < 2; ++a)
    for (int b = 0; b < 2; ++b)
      for (int c = 0; c < 2; ++c) corners[a][b][c] = hash01(ix + a, iy + b, iz + c);
  float x00 = glm::mix(corners[0][0][0], corners[1][0][0], t.x),
        x10 = glm::mix(corners[0][1][0], corners[1][1][0], t.x);
  float x01 = glm::mix(corners[0][0][1], corners[1][0][1], t.x),
        x11 = glm::mix(corners[0][1][1], corners[1][1][1], t.x);
  return glm::mix(glm::mix(x00, x10, t.y), glm::mix(x01, x11, t.y), t.z);
}

}  // namespace

float ring_noise(float angle, float y, float frequency, float y_frequency, int32_t seed) {
  const float radius = frequency / 6.2831853f, a = angle * 6.2831853f;
  return value_noise3(vec3(radius * std::cos(a) + 64.0f, y * y_frequency + 64.0f, radius * std::sin(a) + 64.0f), seed);
}

vec4 vary(const vec4& color, float amount, float u) {
  return vec4(vec3(color) * (1.0f + amount * (2.0f * u - 1.0f)), color.a);
}

namespace material {

Material red_lacquer() {
  return {"red-lacquer", srgb(168, 32, 22), 0.0f, 0.32f, vec3(0.0f), false};
}
Material dark_lacquer() {
  return {"dark-lacquer", srgb(38, 20, 16), 0.0f, 0.28f, vec3(0.0f), false};
}
Material painted_wood() {
  return {"painted-wood", vec4(1.0f), 0.0f, 0.7f, vec3(0.0f), false};
}
Material stone() {
  return {"carved-stone", srgb(196, 188, 172), 0.0f, 0.75f, vec3(0.0f), false};
}
Material polished_stone() {
  return {"polished-stone", vec4(1.0f), 0.0f, 0.18f, vec3(0.0f), false};
}
Material grout() {
  return {"grout", srgb(26, 25, 23), 0.0f, 0.9f, vec3(0.0f), false};
}
Material plaster() {
  return {"plaster", vec4(1.0f), 0.0f, 0.9f, vec3(0.0f), false};
}
Material window_paper() {
  return {"window-paper", srgb(235, 222, 190), 0.0f, 0.9f, vec3(0.55f, 0.48f, 0.36f), false};
}
Material glass() {
  return {"case-glass", vec4(0.9f, 0.95f, 0.97f, 0.10f), 0.0f, 0.04f, vec3(0.0f), true};
}
Material gilt_bronze() {
  return {"gilt-bronze", srgb(190, 150, 80), 1.0f, 0.35f, vec3(0.0f), false};
}
Material silk(bool lit) {
  return {lit ? "silk-lit" : "silk",
          srgb(200, 46, 26),
          0.0f,
          0.8f,
          lit ? vec3(1.0f, 0.28f, 0.08f) : vec3(0.03f, 0.008f, 0.004f),
          false};
}
Material textile() {
  return {"textile", vec4(1.0f), 0.0f, 0.95f, vec3(0.0f), false};
}
Material glaze() {
  return {"glaze", vec4(1.0f), 0.0f, 0.14f, vec3(0.0f), false};
}
Material bronze() {
  return {"bronze", vec4(1.0f), 0.75f, 0.42f, vec3(0.0f), false};
}

}  // namespace material
}  // namespace liyuan::hallgen
