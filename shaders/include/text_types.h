// The text pass's layouts, shared by GLSL and C++ (render/text_pass.h): one instance per quad (a glyph or a plate).
#ifndef LIYUAN_TEXT_TYPES_H
#define LIYUAN_TEXT_TYPES_H

#ifdef __cplusplus
#include <glm/glm.hpp>
namespace liyuan::shader {
using vec4 = glm::vec4;
using mat4 = glm::mat4;
#endif

#define LY_TEXT_KIND_GLYPH 0.0
#define LY_TEXT_KIND_PLATE 1.0
#define LY_BINDING_TEXT_ATLAS 0

// Per quad (instance rate): world corners and what fills it.
struct TextQuadInstance {
  vec4 origin_kind;  // xyz: the bottom-left corner in world space; w: LY_TEXT_KIND_GLYPH or LY_TEXT_KIND_PLATE
  vec4 right;        // xyz: along the bottom edge, full width
  vec4 up;           // xyz: along the left edge, full height
  vec4 uv;           // glyph: atlas u0, v0 (top), u1, v1; plate: width, height, corner radius (metres)
  vec4 color;        // linear RGB, straight alpha
};

struct TextPushConstants {
  mat4 clip_from_world;
  vec4 params;  // x: edge softness (multiplies the SDF's screen-space derivative), y: fade to black (0 … 1)
};

#ifdef __cplusplus
}  // namespace liyuan::shader
#endif

#endif  // LIYUAN_TEXT_TYPES_H
