// Khronos PBR Neutral tone mapping (Khronos Group, 2024): keeps base colours true under neutral lighting, which
// matters for relics whose colour is the point. Input and output are linear; the sRGB encode is the target's.
#ifndef LIYUAN_TONEMAP_GLSL
#define LIYUAN_TONEMAP_GLSL

vec3 tonemap_pbr_neutral(vec3 color) {
  const float start_compression = 0.8 - 0.04;
  const float desaturation = 0.15;
  float x = min(color.r, min(color.g, color.b));
  float offset = x < 0.08 ? x - 6.25 * x * x : 0.04;
  color -= offset;
  float peak = max(color.r, max(color.g, color.b));
  if (peak < start_compression) return color;
  const float d = 1.0 - start_compression;
  float new_peak = 1.0 - d * d / (peak + d - start_compression);
  color *= new_peak / peak;
  float g = 1.0 - 1.0 / (desaturation * (peak - new_peak) + 1.0);
  return mix(color, vec3(new_peak), g);
}

#endif
