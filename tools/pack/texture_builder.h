// Texture building: decode (stb_image) to RGBA8, fit within a maximum size, and a full mip chain to 1x1.
#pragma once

#include "assets/pack_format.h"
#include "core/error.h"
#include "imported_model.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace liyuan::packer {

// An RGBA8 image, row 0 at the top.
struct Rgba8Image {
  uint32_t width = 0;
  uint32_t height = 0;
  std::vector<uint8_t> pixels;  // width * height * 4
};

// Decodes IMAGE (PNG, JPEG and whatever else stb_image reads) to RGBA8. The error names the image and stb's reason.
Result<Rgba8Image> decode_image(const ImageSource& image);

// IMAGE scaled down (aspect kept, each side at least 1) so that neither side exceeds MAX_SIZE; returned unchanged when
// it already fits. sRGB images are filtered in linear light.
Rgba8Image fit_image(Rgba8Image image, uint32_t max_size, bool srgb);

// Mip levels of IMAGE, largest (IMAGE itself) first, down to 1x1: each level halves each side (rounding down, at
// least 1) with a 2x2 box filter (the last row/column of an odd-sized level is dropped). With SRGB, colour channels
// are averaged in linear light and re-encoded; alpha (and everything in linear textures) is averaged as stored.
// Levels are computed from a float copy of level 0, so rounding does not accumulate down the chain.
std::vector<Rgba8Image> build_mip_chain(const Rgba8Image& image, bool srgb);

// A TEXR chunk payload (TextureHeader, then the levels, each 16-byte aligned) for MIPS in FORMAT.
std::vector<std::byte> texture_payload(const std::vector<Rgba8Image>& mips, pack::TextureFormat format);

}  // namespace liyuan::packer
