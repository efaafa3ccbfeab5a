// glTF 2.0 metallic-roughness BRDF (Appendix B of the glTF specification): GGX distribution, height-correlated
// Smith visibility, Schlick Fresnel, Lambertian diffuse.
#ifndef LIYUAN_BRDF_GLSL
#define LIYUAN_BRDF_GLSL

const float PI = 3.14159265358979;

float distribution_ggx(float n_dot_h, float alpha) {
  float a2 = alpha * alpha;
  float d = n_dot_h * n_dot_h * (a2 - 1.0) + 1.0;
  return a2 / (PI * d * d);
}

float visibility_smith_ggx_correlated(float n_dot_v, float n_dot_l, float alpha) {
  float a2 = alpha * alpha;
  float gv = n_dot_l * sqrt(n_dot_v * n_dot_v * (1.0 - a2) + a2);
  float gl = n_dot_v * sqrt(n_dot_l * n_dot_l * (1.0 - a2) + a2);
  return 0.5 / max(gv + gl, 1e-5);
}

vec3 fresnel_schlick(vec3 f0, float v_dot_h) {
  return f0 + (1.0 - f0) * pow(clamp(1.0 - v_dot_h, 0.0, 1.0), 5.0);
}

// Radiance reflected towards V from a light of radiance RADIANCE arriving from L.
vec3 shade_light(vec3 n, vec3 v, vec3 l, vec3 radiance, vec3 diffuse_color, vec3 f0, float alpha) {
  float n_dot_l = clamp(dot(n, l), 0.0, 1.0);
  if (n_dot_l <= 0.0) return vec3(0.0);
  vec3 h = normalize(l + v);
  float n_dot_v = clamp(abs(dot(n, v)), 1e-4, 1.0);
  float n_dot_h = clamp(dot(n, h), 0.0, 1.0);
  float v_dot_h = clamp(dot(v, h), 0.0, 1.0);
  vec3 f = fresnel_schlick(f0, v_dot_h);
  vec3 specular = f * distribution_ggx(n_dot_h, alpha) * visibility_smith_ggx_correlated(n_dot_v, n_dot_l, alpha);
  vec3 diffuse = (1.0 - f) * diffuse_color / PI;
  return (diffuse + specular) * radiance * n_dot_l;
}

// Split-sum environment BRDF, analytic fit (Karis, "Physically Based Shading on Mobile", 2014).
vec3 environment_brdf(vec3 f0, float roughness, float n_dot_v) {
  const vec4 c0 = vec4(-1.0, -0.0275, -0.572, 0.022);
  const vec4 c1 = vec4(1.0, 0.0425, 1.04, -0.04);
  vec4 r = roughness * c0 + c1;
  float a004 = min(r.x * r.x, exp2(-9.28 * n_dot_v)) * r.x + r.y;
  vec2 ab = vec2(-1.04, 1.04) * a004 + r.zw;
  return f0 * ab.x + ab.y;
}

// A hemisphere of light: SKY above, GROUND below, blended by direction D's height.
vec3 hemisphere_radiance(vec3 d, vec3 sky, vec3 ground) {
  return mix(ground, sky, clamp(d.y * 0.5 + 0.5, 0.0, 1.0));
}

#endif
