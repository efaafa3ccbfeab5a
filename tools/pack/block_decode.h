// Decoding stored texture levels back to RGBA8 (BC1/BC3/BC4/BC5 by the D3D rules, ASTC through astcenc), and PSNR
// against the source: what tests and the benchmark use to hold the encoders to a quality bound.
#pragma once

#include "assets/pack_format.h"
#include "core/error.h"
#include "texture_builder.h"

#include <cstddef>
#include <span>

namespace liyuan::packer {

// LEVEL (exactly mip_byte_size(FORMAT, WIDTH, HEIGHT) bytes) decoded to RGBA8, as a GPU samples it without filtering:
// BC1 without alpha reads A = 255, BC4 gives (r, 0, 0, 255), BC5 (r, g, 0, 255). sRGB formats come back sRGB-encoded,
// like the source. Fails on a size mismatch or an unknown format.
Result<Rgba8Image> decode_level(pack::TextureFormat format, uint32_t width, uint32_t height,
                                std::span<const std::byte> level);

// Peak signal-to-noise ratio in dB between two images of the same size over the channels in CHANNEL_MASK (bit 0 = R ..
// bit 3 = A); 99 when they are identical, 0 when the sizes differ.
double psnr(const Rgba8Image& reference, const Rgba8Image& test, unsigned channel_mask);

}  // namespace liyuan::packer
