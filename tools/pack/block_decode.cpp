// BC decoding follows the Direct3D block compression rules (BC1 four-colour mode when c0 > c1, else three colours and
// black; BC4 eight-value mode when r0 > r1, else six values, 0 and 255). ASTC is decoded by astcenc itself.
#include "block_decode.h"

#include "assets/pack_contents.h"

#include <astcenc.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

namespace liyuan::packer {
namespace {

void rgb565(uint16_t c, int out[3]) {
  out[0] = ((c >> 11) & 31) * 255 / 31;
  out[1] = ((c >> 5) & 63) * 255 / 63;
  out[2] = (c & 31) * 255 / 31;
}

// A BC1 colour block into OUT (16 RGBA texels). BC3's colour half always uses four colours.
void decode_bc1(const uint8_t* block, uint8_t out[64], bool always_four_colours) {
  const uint16_t c0 = uint16_t(block[0] | block[1] << 8), c1 = uint16_t(block[2] | block[3] << 8);
  int palette[4][4];
  rgb565(c0, palette[0]);
  rgb565(c1, palette[1]);
  const bool four = always_four_colours || c0 > c1;
  for (int k = 0; k < 3; ++k) {
    palette[2][k] = four ? (2 * palette[0][k] + palette[1][k]) / 3 : (palette[0][k] + palette[1][k]) / 2;
    palette[3][k] = four ? (palette[0][k] + 2 * palette[1][k]) / 3 : 0;
  }
  for (int p = 0; p < 4; ++p) palette[p][3] = 255;  // BC1 RGB formats: the three-colour black reads opaque
  const uint32_t indices = uint32_t(block[4]) | uint32_t(block[5]) << 8 | uint32_t(block[6]) << 16 |
                           uint32_t(block[7]) << 24;
  for (int i = 0; i < 16; ++i) {
    const int p = int(indices >> (2 * i) & 3);
    for (int k = 0; k < 4; ++k) out[i * 4 + k] = uint8_t(palette[p][k]);
  }
}

// A BC4 block into every STRIDE-th byte of OUT.
void decode_bc4(const uint8_t* block, uint8_t* out, int stride) {
  int values[8];
  values[0] = block[0];
  values[1] = block[1];
  if (values[0] > values[1]) {
    for (int i = 1; i < 7; ++i) values[i + 1] = ((7 - i) * values[0] + i * values[1]) / 7;
  } else {
    for (int i = 1; i < 5; ++i) values[i + 1] = ((5 - i) * values[0] + i * values[1]) / 5;
    values[6] = 0;
    values[7] = 255;
  }
  uint64_t indices = 0;
  for (int i = 0; i < 6; ++i) indices |= uint64_t(block[2 + i]) << (8 * i);
  for (int i = 0; i < 16; ++i) out[i * stride] = uint8_t(values[indices >> (3 * i) & 7]);
}

Result<Rgba8Image> decode_astc(pack::TextureFormat format, uint32_t width, uint32_t height,
                               std::span<const std::byte> level) {
  const pack::TextureBlock block = pack::texture_block(uint32_t(format));
  astcenc_config config;
  astcenc_error status = astcenc_config_init(block.srgb ? ASTCENC_PRF_LDR_SRGB : ASTCENC_PRF_LDR, block.block_width,
                                             block.block_height, 1, ASTCENC_PRE_FAST, ASTCENC_FLG_DECOMPRESS_ONLY,
                                             &config);
  astcenc_context* context = nullptr;
  if (status == ASTCENC_SUCCESS) status = astcenc_context_alloc(&config, 1, &context);
  if (status != ASTCENC_SUCCESS) return make_error(std::string("astcenc: ") + astcenc_get_error_string(status));
  Rgba8Image out;
  out.width = width;
  out.height = height;
  out.pixels.resize(size_t(width) * height * 4);
  void* slices[1] = {out.pixels.data()};
  astcenc_image image{width, height, 1, ASTCENC_TYPE_U8, slices};
  const astcenc_swizzle identity{ASTCENC_SWZ_R, ASTCENC_SWZ_G, ASTCENC_SWZ_B, ASTCENC_SWZ_A};
  status = astcenc_decompress_image(context, reinterpret_cast<const uint8_t*>(level.data()), level.size(), &image,
                                    &identity, 0);
  astcenc_context_free(context);
  if (status != ASTCENC_SUCCESS) return make_error(std::string("astcenc: ") + astcenc_get_error_string(status));
  return out;
}

}  // namespace

Result<Rgba8Image> decode_level(pack::TextureFormat format, uint32_t width, uint32_t height,
                                std::span<const std::byte> level) {
  const uint64_t expected = mip_byte_size(format, width, height);
  if (expected == 0) return make_error("unknown texture format " + std::to_string(uint32_t(format)));
  if (level.size() != expected) {
    return make_error("level is " + std::to_string(level.size()) + " bytes, expected " + std::to_string(expected));
  }
  using F = pack::TextureFormat;
  if (format == F::Rgba8Srgb || format == F::Rgba8Unorm) {
    Rgba8Image out{width, height, std::vector<uint8_t>(level.size())};
    std::memcpy(out.pixels.data(), level.data(), level.size());
    return out;
  }
  if (format == F::Astc4x4Srgb || format == F::Astc4x4Unorm || format == F::Astc6x6Srgb || format == F::Astc6x6Unorm) {
    return decode_astc(format, width, height, level);
  }
  const uint32_t block_bytes = pack::texture_block(uint32_t(format)).block_bytes;
  const uint32_t columns = (width + 3) / 4, rows = (height + 3) / 4;
  Rgba8Image out{width, height, std::vector<uint8_t>(size_t(width) * height * 4)};
  uint8_t texels[64];
  for (uint32_t by = 0; by < rows; ++by) {
    for (uint32_t bx = 0; bx < columns; ++bx) {
      const auto* block = reinterpret_cast<const uint8_t*>(level.data()) + (size_t(by) * columns + bx) * block_bytes;
      for (int i = 0; i < 16; ++i) std::memcpy(texels + i * 4, "\0\0\0\xff", 4);
      switch (format) {
        case F::Bc1Srgb:
        case F::Bc1Unorm: decode_bc1(block, texels, false); break;
        case F::Bc3Srgb:
          decode_bc1(block + 8, texels, true);
          decode_bc4(block, texels + 3, 4);
          break;
        case F::Bc4Unorm: decode_bc4(block, texels, 4); break;
        case F::Bc5Unorm:
          decode_bc4(block, texels, 4);
          decode_bc4(block + 8, texels + 1, 4);
          break;
        default: break;
      }
      for (uint32_t y = 0; y < 4 && by * 4 + y < height; ++y) {
        for (uint32_t x = 0; x < 4 && bx * 4 + x < width; ++x) {
          std::memcpy(&out.pixels[(size_t(by * 4 + y) * width + bx * 4 + x) * 4], texels + (y * 4 + x) * 4, 4);
        }
      }
    }
  }
  return out;
}

double psnr(const Rgba8Image& reference, const Rgba8Image& test, unsigned channel_mask) {
  if (reference.width != test.width || reference.height != test.height ||
      reference.pixels.size() != test.pixels.size()) {
    return 0.0;
  }
  double squared = 0.0;
  uint64_t count = 0;
  for (size_t i = 0; i < reference.pixels.size(); ++i) {
    if (!(channel_mask >> (i % 4) & 1u)) continue;
    const double d = double(reference.pixels[i]) - double(test.pixels[i]);
    squared += d * d;
    ++count;
  }
  if (count == 0 || squared == 0.0) return 99.0;
  return 10.0 * std::log10(255.0 * 255.0 / (squared / double(count)));
}

}  // namespace liyuan::packer
