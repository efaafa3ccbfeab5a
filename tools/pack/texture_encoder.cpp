// RGBA8 levels → GPU block formats. BC blocks come from stb_dxt (high-quality mode), ASTC blocks from astcenc (the
// "fast" preset, one thread per texture). Why these encoders: docs/pack-format.md, "Texture formats".
#include "texture_encoder.h"

#include "assets/pack_contents.h"

#include <astcenc.h>
#include <stb_dxt.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>

namespace liyuan::packer {
namespace {

uint64_t align_up(uint64_t value, uint64_t alignment) { return (value + alignment - 1) / alignment * alignment; }

// The 4x4 block at block column BX, row BY of IMAGE as RGBA8, edge texels repeated past the image's edge.
void gather_block(const Rgba8Image& image, uint32_t bx, uint32_t by, uint8_t out[64]) {
  for (uint32_t y = 0; y < 4; ++y) {
    const uint32_t sy = std::min(by * 4 + y, image.height - 1);
    for (uint32_t x = 0; x < 4; ++x) {
      const uint32_t sx = std::min(bx * 4 + x, image.width - 1);
      std::memcpy(out + (y * 4 + x) * 4, &image.pixels[(size_t(sy) * image.width + sx) * 4], 4);
    }
  }
}

std::vector<std::byte> encode_bc(const Rgba8Image& image, pack::TextureFormat format) {
  const uint32_t columns = (image.width + 3) / 4, rows = (image.height + 3) / 4;
  const uint32_t block_bytes = pack::texture_block(uint32_t(format)).block_bytes;
  std::vector<std::byte> out(size_t(columns) * rows * block_bytes);
  uint8_t rgba[64], channels[32];
  for (uint32_t by = 0; by < rows; ++by) {
    for (uint32_t bx = 0; bx < columns; ++bx) {
      gather_block(image, bx, by, rgba);
      auto* dst = reinterpret_cast<unsigned char*>(out.data() + (size_t(by) * columns + bx) * block_bytes);
      switch (format) {
        case pack::TextureFormat::Bc1Srgb:
        case pack::TextureFormat::Bc1Unorm: stb_compress_dxt_block(dst, rgba, 0, STB_DXT_HIGHQUAL); break;
        case pack::TextureFormat::Bc3Srgb: stb_compress_dxt_block(dst, rgba, 1, STB_DXT_HIGHQUAL); break;
        case pack::TextureFormat::Bc4Unorm:
          for (int i = 0; i < 16; ++i) channels[i] = rgba[i * 4];
          stb_compress_bc4_block(dst, channels);
          break;
        case pack::TextureFormat::Bc5Unorm:
          for (int i = 0; i < 16; ++i) {
            channels[2 * i] = rgba[i * 4];
            channels[2 * i + 1] = rgba[i * 4 + 1];
          }
          stb_compress_bc5_block(dst, channels);
          break;
        default: break;
      }
    }
  }
  return out;
}

struct AstcContextDeleter {
  void operator()(astcenc_context* context) const { astcenc_context_free(context); }
};

Result<std::vector<std::vector<std::byte>>> encode_astc(const std::vector<Rgba8Image>& mips, pack::TextureFormat format,
                                                        TextureRole role) {
  const pack::TextureBlock block = pack::texture_block(uint32_t(format));
  astcenc_config config;
  const astcenc_profile profile = block.srgb ? ASTCENC_PRF_LDR_SRGB : ASTCENC_PRF_LDR;
  astcenc_error status = astcenc_config_init(profile, block.block_width, block.block_height, 1, ASTCENC_PRE_FAST, 0,
                                             &config);
  if (status != ASTCENC_SUCCESS) return make_error(std::string("astcenc: ") + astcenc_get_error_string(status));
  // Channels that do not matter get no weight, and are fed constants so that they cost no bits.
  astcenc_swizzle swizzle{ASTCENC_SWZ_R, ASTCENC_SWZ_G, ASTCENC_SWZ_B, ASTCENC_SWZ_A};
  switch (role) {
    case TextureRole::Normal:
      swizzle = {ASTCENC_SWZ_R, ASTCENC_SWZ_G, ASTCENC_SWZ_0, ASTCENC_SWZ_1};
      config.cw_b_weight = 0.f;
      config.cw_a_weight = 0.f;
      break;
    case TextureRole::Occlusion:
      swizzle = {ASTCENC_SWZ_R, ASTCENC_SWZ_R, ASTCENC_SWZ_R, ASTCENC_SWZ_1};
      config.cw_a_weight = 0.f;
      break;
    case TextureRole::Color:
    case TextureRole::Data:
      swizzle.a = ASTCENC_SWZ_1;
      config.cw_a_weight = 0.f;
      break;
    case TextureRole::ColorWithAlpha: break;
  }
  astcenc_context* raw_context = nullptr;
  status = astcenc_context_alloc(&config, 1, &raw_context);
  if (status != ASTCENC_SUCCESS) return make_error(std::string("astcenc: ") + astcenc_get_error_string(status));
  std::unique_ptr<astcenc_context, AstcContextDeleter> context(raw_context);

  std::vector<std::vector<std::byte>> levels;
  for (const Rgba8Image& mip : mips) {
    std::vector<std::byte> out(mip_byte_size(format, mip.width, mip.height));
    void* slices[1] = {const_cast<uint8_t*>(mip.pixels.data())};
    astcenc_image image{mip.width, mip.height, 1, ASTCENC_TYPE_U8, slices};
    status = astcenc_compress_image(context.get(), &image, &swizzle, reinterpret_cast<uint8_t*>(out.data()),
                                    out.size(), 0);
    if (status == ASTCENC_SUCCESS) status = astcenc_compress_reset(context.get());
    if (status != ASTCENC_SUCCESS) return make_error(std::string("astcenc: ") + astcenc_get_error_string(status));
    levels.push_back(std::move(out));
  }
  return levels;
}

}  // namespace

bool parse_texture_target(std::string_view name, TextureTarget& target) {
  if (name == "desktop") target = TextureTarget::Desktop;
  else if (name == "mobile") target = TextureTarget::Mobile;
  else if (name == "rgba8") target = TextureTarget::Rgba8;
  else return false;
  return true;
}

const char* texture_target_name(TextureTarget target) {
  switch (target) {
    case TextureTarget::Desktop: return "desktop";
    case TextureTarget::Mobile: return "mobile";
    case TextureTarget::Rgba8: return "rgba8";
  }
  return "?";
}

pack::TextureFormat choose_texture_format(TextureRole role, TextureTarget target, bool alpha) {
  using F = pack::TextureFormat;
  const bool srgb = role == TextureRole::Color || role == TextureRole::ColorWithAlpha;
  switch (target) {
    case TextureTarget::Rgba8: return srgb ? F::Rgba8Srgb : F::Rgba8Unorm;
    case TextureTarget::Mobile:
      if (role == TextureRole::Normal) return F::Astc4x4Unorm;
      return srgb ? F::Astc6x6Srgb : F::Astc6x6Unorm;
    case TextureTarget::Desktop:
      switch (role) {
        case TextureRole::Color: return F::Bc1Srgb;
        case TextureRole::ColorWithAlpha: return alpha ? F::Bc3Srgb : F::Bc1Srgb;
        case TextureRole::Normal: return F::Bc5Unorm;
        case TextureRole::Data: return F::Bc1Unorm;
        case TextureRole::Occlusion: return F::Bc4Unorm;
      }
  }
  return F::Rgba8Unorm;
}

bool has_alpha(const Rgba8Image& image) {
  for (size_t i = 3; i < image.pixels.size(); i += 4) {
    if (image.pixels[i] != 255) return true;
  }
  return false;
}

Result<std::vector<std::vector<std::byte>>> encode_mips(const std::vector<Rgba8Image>& mips, pack::TextureFormat format,
                                                        TextureRole role) {
  using F = pack::TextureFormat;
  switch (format) {
    case F::Rgba8Srgb:
    case F::Rgba8Unorm: {
      std::vector<std::vector<std::byte>> levels;
      for (const Rgba8Image& mip : mips) {
        const auto* p = reinterpret_cast<const std::byte*>(mip.pixels.data());
        levels.emplace_back(p, p + mip.pixels.size());
      }
      return levels;
    }
    case F::Bc1Srgb:
    case F::Bc1Unorm:
    case F::Bc3Srgb:
    case F::Bc4Unorm:
    case F::Bc5Unorm: {
      std::vector<std::vector<std::byte>> levels;
      for (const Rgba8Image& mip : mips) levels.push_back(encode_bc(mip, format));
      return levels;
    }
    case F::Astc4x4Srgb:
    case F::Astc4x4Unorm:
    case F::Astc6x6Srgb:
    case F::Astc6x6Unorm: return encode_astc(mips, format, role);
  }
  return make_error("unknown texture format " + std::to_string(uint32_t(format)));
}

std::vector<std::byte> encoded_texture_payload(uint32_t width, uint32_t height,
                                               const std::vector<std::vector<std::byte>>& levels,
                                               pack::TextureFormat format) {
  pack::TextureHeader header;
  std::memset(&header, 0, sizeof header);
  header.width = width;
  header.height = height;
  header.mip_count = uint32_t(std::min<size_t>(levels.size(), pack::kMaxMips));
  header.format = uint32_t(format);
  uint64_t offset = align_up(sizeof(pack::TextureHeader), 16);
  for (uint32_t level = 0; level < header.mip_count; ++level) {
    header.mip_offset[level] = offset;
    header.mip_size[level] = levels[level].size();
    offset = align_up(offset + levels[level].size(), 16);
  }
  std::vector<std::byte> payload(offset, std::byte{0});
  std::memcpy(payload.data(), &header, sizeof header);
  for (uint32_t level = 0; level < header.mip_count; ++level) {
    if (!levels[level].empty()) {
      std::memcpy(payload.data() + header.mip_offset[level], levels[level].data(), levels[level].size());
    }
  }
  return payload;
}

}  // namespace liyuan::packer
