// Layouts shared by GLSL and C++: uniform blocks, push constants and limits. One definition, so they cannot drift.
// Everything is vec4/mat4-granular so std140 (GLSL) and C++ agree without padding rules to remember.
#ifndef LIYUAN_SHARED_TYPES_H
#define LIYUAN_SHARED_TYPES_H

#ifdef __cplusplus
#include <cstdint>
#include <glm/glm.hpp>
namespace liyuan::shader {
using vec4 = glm::vec4;
using uvec4 = glm::uvec4;
using mat4 = glm::mat4;
#endif

#define LY_MAX_VIEWS 2
#define LY_MAX_POINT_LIGHTS 16

// Descriptor set 0: per frame. Set 1: per material.
#define LY_SET_FRAME 0
#define LY_SET_MATERIAL 1
#define LY_BINDING_FRAME_UNIFORMS 0
#define LY_BINDING_JOINT_PALETTE 1  // storage buffer of mat4 joint matrices (pbr_skinned.vert)
#define LY_BINDING_MATERIAL_UNIFORMS 0
#define LY_BINDING_BASE_COLOR 1
#define LY_BINDING_METALLIC_ROUGHNESS 2
#define LY_BINDING_NORMAL 3
#define LY_BINDING_OCCLUSION 4
#define LY_BINDING_EMISSIVE 5
#define LY_BINDING_HDR_INPUT 0

#define LY_ALPHA_OPAQUE 0
#define LY_ALPHA_MASK 1
#define LY_ALPHA_BLEND 2

struct PointLight {
  vec4 position_range;   // xyz world position (m), w range (m) beyond which the light contributes nothing
  vec4 color_intensity;  // rgb linear colour, w intensity (candela)
};

struct FrameUniforms {
  mat4 view_projection[LY_MAX_VIEWS];
  vec4 camera_position[LY_MAX_VIEWS];  // xyz world position of each eye
  vec4 sun_direction;                  // xyz unit vector towards the light
  vec4 sun_color;                      // rgb linear colour x illuminance (lux-like scale)
  vec4 ambient_sky;                    // rgb radiance from above
  vec4 ambient_ground;                 // rgb radiance from below
  uvec4 counts;                        // x point light count
  vec4 fog;                            // rgb colour, w density per metre (0: no fog)
  PointLight point_lights[LY_MAX_POINT_LIGHTS];
};

struct MaterialUniforms {
  vec4 base_color_factor;  // linear RGBA
  vec4 emissive_factor;    // rgb linear emissive, w alpha cutoff
  vec4 pbr;                // x metallic, y roughness, z normal scale, w occlusion strength
  uvec4 flags;             // x alpha mode (LY_ALPHA_*)
};

// Per draw: 128 bytes, the most every Vulkan device guarantees. Skinned draws (pbr_skinned.vert) put world_from_mesh
// in world_from_vertex (the joint matrices hold the dequantisation) and 1 / the dequantisation scale of axis c in
// normal_matrix[c].w; their palette offset travels as the draw's firstInstance.
struct DrawPushConstants {
  mat4 world_from_vertex;  // world_from_mesh with the mesh's position dequantisation folded in
  vec4 normal_matrix[3];   // inverse-transpose of world_from_mesh's upper 3x3, as three columns (w: see above)
  vec4 uv_transform;       // xy offset, zw scale: uv = offset + quantised uv * scale
};

struct TonemapPushConstants {
  vec4 params;  // x exposure, y the view layer to read, z fade to black (0 … 1), w vignette strength (0 … 1)
};

#ifdef __cplusplus
}  // namespace liyuan::shader
#endif

#endif  // LIYUAN_SHARED_TYPES_H
