#version 460
#extension GL_GOOGLE_include_directive : require
#extension GL_EXT_multiview : require
#include "shared_types.h"
#include "brdf.glsl"

layout(set = LY_SET_FRAME, binding = LY_BINDING_FRAME_UNIFORMS) uniform Frame { FrameUniforms frame; };
layout(set = LY_SET_MATERIAL, binding = LY_BINDING_MATERIAL_UNIFORMS) uniform Material { MaterialUniforms material; };
layout(set = LY_SET_MATERIAL, binding = LY_BINDING_BASE_COLOR) uniform sampler2D base_color_map;
layout(set = LY_SET_MATERIAL, binding = LY_BINDING_METALLIC_ROUGHNESS) uniform sampler2D metallic_roughness_map;
layout(set = LY_SET_MATERIAL, binding = LY_BINDING_NORMAL) uniform sampler2D normal_map;
layout(set = LY_SET_MATERIAL, binding = LY_BINDING_OCCLUSION) uniform sampler2D occlusion_map;
layout(set = LY_SET_MATERIAL, binding = LY_BINDING_EMISSIVE) uniform sampler2D emissive_map;

layout(location = 0) in vec3 in_world_position;
layout(location = 1) in vec3 in_normal;
layout(location = 2) in vec2 in_uv;
layout(location = 3) in vec4 in_tangent;
layout(location = 4) in vec4 in_color;  // linear vertex colour (white when the mesh has none)

layout(location = 0) out vec4 out_color;

vec3 surface_normal() {
  vec3 n = normalize(in_normal);
  if (!gl_FrontFacing) n = -n;  // double-sided materials light their back faces too
  vec3 t = in_tangent.xyz - n * dot(n, in_tangent.xyz);
  if (dot(t, t) < 1e-12) return n;
  t = normalize(t);
  vec3 b = cross(n, t) * (in_tangent.w < 0.0 ? -1.0 : 1.0);
  // Normal maps carry x and y only (BC5, ASTC normal packs): z is rebuilt, which also holds for RGBA8 unit normals.
  vec2 xy = texture(normal_map, in_uv).rg * 2.0 - 1.0;
  vec3 m = vec3(xy, sqrt(max(1.0 - dot(xy, xy), 0.0)));
  m.xy *= material.pbr.z;
  return normalize(mat3(t, b, n) * m);
}

void main() {
  vec4 base_color = material.base_color_factor * texture(base_color_map, in_uv) * in_color;
  uint alpha_mode = material.flags.x;
  if (alpha_mode == LY_ALPHA_MASK && base_color.a < material.emissive_factor.w) discard;

  vec4 metallic_roughness = texture(metallic_roughness_map, in_uv);
  float metallic = clamp(material.pbr.x * metallic_roughness.b, 0.0, 1.0);
  float roughness = clamp(material.pbr.y * metallic_roughness.g, 0.04, 1.0);
  float alpha = roughness * roughness;
  float occlusion = mix(1.0, texture(occlusion_map, in_uv).r, material.pbr.w);

  vec3 diffuse_color = base_color.rgb * (1.0 - metallic);
  vec3 f0 = mix(vec3(0.04), base_color.rgb, metallic);

  vec3 n = surface_normal();
  vec3 v = normalize(frame.camera_position[gl_ViewIndex].xyz - in_world_position);
  float n_dot_v = clamp(abs(dot(n, v)), 1e-4, 1.0);

  vec3 color = shade_light(n, v, frame.sun_direction.xyz, frame.sun_color.rgb, diffuse_color, f0, alpha);
  for (uint i = 0; i < frame.counts.x; ++i) {
    PointLight light = frame.point_lights[i];
    vec3 to_light = light.position_range.xyz - in_world_position;
    float distance2 = max(dot(to_light, to_light), 1e-4);
    float range = light.position_range.w;
    float window = clamp(1.0 - pow(distance2 / (range * range), 2.0), 0.0, 1.0);  // glTF KHR_lights_punctual falloff
    vec3 radiance = light.color_intensity.rgb * light.color_intensity.w * window * window / distance2;
    color += shade_light(n, v, to_light * inversesqrt(distance2), radiance, diffuse_color, f0, alpha);
  }

  vec3 irradiance = hemisphere_radiance(n, frame.ambient_sky.rgb, frame.ambient_ground.rgb);
  vec3 reflected = hemisphere_radiance(reflect(-v, n), frame.ambient_sky.rgb, frame.ambient_ground.rgb);
  color += (diffuse_color * irradiance + environment_brdf(f0, roughness, n_dot_v) * reflected) * occlusion;
  color += material.emissive_factor.rgb * texture(emissive_map, in_uv).rgb;

  if (frame.fog.w > 0.0) {
    float distance = length(frame.camera_position[gl_ViewIndex].xyz - in_world_position);
    color = mix(frame.fog.rgb, color, exp(-frame.fog.w * distance));
  }

  float out_alpha = alpha_mode == LY_ALPHA_BLEND ? base_color.a : 1.0;
  out_color = vec4(color * out_alpha, out_alpha);  // premultiplied: blended with (ONE, ONE_MINUS_SRC_ALPHA)
}
