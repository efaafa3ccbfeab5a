#include "text/distance_field.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace liyuan::text {
namespace {

constexpr float kInfinity = 1e20f;

// One dimension of the transform: GRID[OFFSET + i * STRIDE] for i < LENGTH becomes the squared distance to the
// nearest seed (the lower envelope of parabolas rooted at each sample).
void transform_1d(std::vector<float>& grid, size_t offset, size_t stride, size_t length, std::vector<float>& f,
                  std::vector<float>& z, std::vector<uint32_t>& v) {
  for (size_t q = 0; q < length; ++q) f[q] = grid[offset + q * stride];
  v[0] = 0;
  z[0] = -kInfinity;
  z[1] = kInfinity;
  size_t k = 0;
  for (size_t q = 1; q < length; ++q) {
    float s;
    for (;;) {
      const float r = float(v[k]);
      s = ((f[q] + float(q) * float(q)) - (f[v[k]] + r * r)) / (2.0f * float(q) - 2.0f * r);
      if (s > z[k] || k == 0) break;
      --k;
    }
    if (s <= z[k]) {  // k == 0 and the new parabola hides the first one entirely
      v[0] = uint32_t(q);
      z[0] = -kInfinity;
      z[1] = kInfinity;
      continue;
    }
    ++k;
    v[k] = uint32_t(q);
    z[k] = s;
    z[k + 1] = kInfinity;
  }
  k = 0;
  for (size_t q = 0; q < length; ++q) {
    while (z[k + 1] < float(q)) ++k;
    const float d = float(q) - float(v[k]);
    grid[offset + q * stride] = f[v[k]] + d * d;
  }
}

void transform_2d(std::vector<float>& grid, size_t width, size_t height) {
  const size_t longest = std::max(width, height);
  std::vector<float> f(longest), z(longest + 1);
  std::vector<uint32_t> v(longest);
  for (size_t x = 0; x < width; ++x) transform_1d(grid, x, width, height, f, z, v);
  for (size_t y = 0; y < height; ++y) transform_1d(grid, y * width, 1, width, f, z, v);
}

}  // namespace

std::vector<uint8_t> distance_field(std::span<const uint8_t> coverage, uint32_t width, uint32_t height, int pitch,
                                    uint32_t spread) {
  const size_t out_width = width + 2 * spread;
  const size_t out_height = height + 2 * spread;
  std::vector<float> outer(out_width * out_height, kInfinity);  // squared distance to the shape, from outside
  std::vector<float> inner(out_width * out_height, 0.0f);       // squared distance to the outside, from inside
  for (uint32_t y = 0; y < height; ++y) {
    for (uint32_t x = 0; x < width; ++x) {
      const float a = float(coverage[size_t(y) * size_t(pitch) + x]) / 255.0f;
      const size_t i = (y + spread) * out_width + x + spread;
      if (a >= 1.0f) {
        outer[i] = 0.0f;
        inner[i] = kInfinity;
      } else if (a > 0.0f) {
        // Partly covered: the outline passes about (0.5 - a) pixels from the centre.
        const float d = 0.5f - a;
        outer[i] = d > 0.0f ? d * d : 0.0f;
        inner[i] = d < 0.0f ? d * d : 0.0f;
      }
    }
  }
  transform_2d(outer, out_width, out_height);
  transform_2d(inner, out_width, out_height);
  std::vector<uint8_t> field(out_width * out_height);
  const float scale = 128.0f / float(spread);
  for (size_t i = 0; i < field.size(); ++i) {
    const float distance = std::sqrt(inner[i]) - std::sqrt(outer[i]);  // positive inside
    field[i] = uint8_t(std::clamp(std::lround(128.0f + distance * scale), 0l, 255l));
  }
  return field;
}

}  // namespace liyuan::text
