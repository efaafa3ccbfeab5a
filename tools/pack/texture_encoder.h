// GPU texture formats for a pack's target, and encoding RGBA8 mip chains into them: BC1/BC3/BC4/BC5 with stb_dxt
// (desktop), ASTC 4x4/6x6 with astcenc (standalone headsets), or RGBA8 as is.
#pragma once

#include "assets/pack_format.h"
#include "core/error.h"
#include "texture_builder.h"

#include <cstddef>
#include <string_view>
#include <vector>

namespace liyuan::packer {

// Which GPUs a pack is for: desktop (BC formats), mobile (ASTC: standalone headsets), or rgba8 (uncompressed).
enum class TextureTarget { Desktop, Mobile, Rgba8 };

// "desktop", "mobile", "rgba8" → the target; false for anything else.
bool parse_texture_target(std::string_view name, TextureTarget& target);
const char* texture_target_name(TextureTarget target);

// What a material does with a texture, which decides its format.
enum class TextureRole {
  Color,           // base colour or emissive, sRGB; alpha unused (opaque material, or emissive)
  ColorWithAlpha,  // base colour of a mask or blend material, sRGB, alpha used
  Normal,          // tangent-space normal: x, y kept, z reconstructed by the shader
  Data,            // linear channels (metallic-roughness, possibly with occlusion in R)
  Occlusion,       // linear, R only
};

// The format of a texture of ROLE for TARGET. HAS_ALPHA says whether the image's alpha is anywhere below 255
// (ColorWithAlpha without any alpha is stored like Color, in a format without alpha).
//   desktop: Color → Bc1Srgb, ColorWithAlpha → Bc3Srgb, Normal → Bc5Unorm, Data → Bc1Unorm, Occlusion → Bc4Unorm
//   mobile:  Color/ColorWithAlpha → Astc6x6Srgb, Normal → Astc4x4Unorm, Data/Occlusion → Astc6x6Unorm
//   rgba8:   sRGB roles → Rgba8Srgb, the rest → Rgba8Unorm
pack::TextureFormat choose_texture_format(TextureRole role, TextureTarget target, bool has_alpha);

// True when some pixel of IMAGE has alpha below 255.
bool has_alpha(const Rgba8Image& image);

// Each level of MIPS (largest first) in FORMAT, exactly mip_byte_size(FORMAT, w, h) bytes per level. Blocks that
// reach past a level's edge (every block of a 2x2 or 1x1 level) repeat the edge texels. ROLE picks the channels
// that matter (Normal: x, y; Occlusion: R; Color: RGB). Deterministic: the same input gives the same bytes. Fails
// only when astcenc refuses its configuration.
Result<std::vector<std::vector<std::byte>>> encode_mips(const std::vector<Rgba8Image>& mips, pack::TextureFormat format,
                                                        TextureRole role);

// A TEXR payload (TextureHeader, then each level 16-byte aligned) for LEVELS already in FORMAT; level 0 is
// WIDTH x HEIGHT.
std::vector<std::byte> encoded_texture_payload(uint32_t width, uint32_t height,
                                               const std::vector<std::vector<std::byte>>& levels,
                                               pack::TextureFormat format);

}  // namespace liyuan::packer
