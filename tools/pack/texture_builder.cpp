// Images → TEXR payloads: decode, fit, mip, lay out.
#include "texture_builder.h"

#include "core/mapped_file.h"

#include <stb_image.h>
#include <stb_image_resize.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>

namespace liyuan::packer {
namespace {

float srgb_to_linear(float c) { return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f); }
float linear_to_srgb(float c) { return c <= 0.0031308f ? c * 12.92f : 1.055f * std::pow(c, 1.f / 2.4f) - 0.055f; }

const std::array<float, 256>& srgb_table() {
  static const std::array<float, 256> table = [] {
    std::array<float, 256> t{};
    for (int i = 0; i < 256; ++i) t[size_t(i)] = srgb_to_linear(float(i) / 255.f);
    return t;
  }();
  return table;
}

uint8_t quantize(float v) { return uint8_t(std::lround(std::clamp(v, 0.f, 1.f) * 255.f)); }

uint64_t align_up(uint64_t value, uint64_t alignment) { return (value + alignment - 1) / alignment * alignment; }

}  // namespace

Result<Rgba8Image> decode_image(const ImageSource& image) {
  Rgba8Image out;
  if (!image.rgba.empty()) {
    out.width = image.width;
    out.height = image.height;
    out.pixels = image.rgba;
    return out;
  }
  std::vector<std::byte> file_bytes;
  std::span<const std::byte> encoded = image.encoded;
  MappedFile mapped;
  if (!image.file.empty()) {
    auto opened = MappedFile::open(image.file);
    if (!opened) return opened.error();
    mapped = std::move(*opened);
    encoded = mapped.bytes();
  }
  const std::string name = image.file.empty() ? image.name : image.file.string();
  if (encoded.empty()) return make_error(name + ": cannot decode texture: the file is empty");
  if (encoded.size() > size_t(INT32_MAX)) return make_error(name + ": cannot decode texture: file too large");
  int w = 0, h = 0, channels = 0;
  stbi_uc* pixels = stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(encoded.data()), int(encoded.size()), &w,
                                          &h, &channels, 4);
  if (!pixels) return make_error(name + ": cannot decode texture: " + stbi_failure_reason());
  out.width = uint32_t(w);
  out.height = uint32_t(h);
  out.pixels.assign(pixels, pixels + size_t(w) * size_t(h) * 4);
  stbi_image_free(pixels);
  return out;
}

Rgba8Image fit_image(Rgba8Image image, uint32_t max_size, bool srgb) {
  const uint32_t largest = std::max(image.width, image.height);
  if (largest <= max_size || max_size == 0) return image;
  const double scale = double(max_size) / double(largest);
  Rgba8Image out;
  out.width = std::max(1u, uint32_t(std::lround(image.width * scale)));
  out.height = std::max(1u, uint32_t(std::lround(image.height * scale)));
  out.pixels.resize(size_t(out.width) * out.height * 4);
  if (srgb) {
    stbir_resize_uint8_srgb(image.pixels.data(), int(image.width), int(image.height), 0, out.pixels.data(),
                            int(out.width), int(out.height), 0, 4, 3, 0);
  } else {
    stbir_resize_uint8(image.pixels.data(), int(image.width), int(image.height), 0, out.pixels.data(), int(out.width),
                       int(out.height), 0, 4);
  }
  return out;
}

std::vector<Rgba8Image> build_mip_chain(const Rgba8Image& image, bool srgb) {
  std::vector<Rgba8Image> chain;
  chain.push_back(image);
  uint32_t w = image.width, h = image.height;
  const auto& table = srgb_table();
  std::vector<float> level(image.pixels.size());
  for (size_t i = 0; i < image.pixels.size(); ++i) {
    const bool colour = srgb && i % 4 != 3;
    level[i] = colour ? table[image.pixels[i]] : float(image.pixels[i]) / 255.f;
  }
  while (w > 1 || h > 1) {
    const uint32_t nw = std::max(1u, w / 2), nh = std::max(1u, h / 2);
    std::vector<float> next(size_t(nw) * nh * 4);
    Rgba8Image mip;
    mip.width = nw;
    mip.height = nh;
    mip.pixels.resize(next.size());
    for (uint32_t y = 0; y < nh; ++y) {
      const uint32_t y0 = std::min(2 * y, h - 1), y1 = std::min(2 * y + 1, h - 1);
      for (uint32_t x = 0; x < nw; ++x) {
        const uint32_t x0 = std::min(2 * x, w - 1), x1 = std::min(2 * x + 1, w - 1);
        for (uint32_t c = 0; c < 4; ++c) {
          const float sum = level[(size_t(y0) * w + x0) * 4 + c] + level[(size_t(y0) * w + x1) * 4 + c] +
                            level[(size_t(y1) * w + x0) * 4 + c] + level[(size_t(y1) * w + x1) * 4 + c];
          const float average = sum * 0.25f;
          const size_t o = (size_t(y) * nw + x) * 4 + c;
          next[o] = average;
          mip.pixels[o] = quantize(srgb && c != 3 ? linear_to_srgb(average) : average);
        }
      }
    }
    chain.push_back(std::move(mip));
    level = std::move(next);
    w = nw;
    h = nh;
  }
  return chain;
}

std::vector<std::byte> texture_payload(const std::vector<Rgba8Image>& mips, pack::TextureFormat format) {
  pack::TextureHeader header;
  std::memset(&header, 0, sizeof header);
  header.width = mips[0].width;
  header.height = mips[0].height;
  header.mip_count = uint32_t(mips.size());
  header.format = uint32_t(format);
  uint64_t offset = align_up(sizeof(pack::TextureHeader), 16);
  for (size_t level = 0; level < mips.size() && level < pack::kMaxMips; ++level) {
    header.mip_offset[level] = offset;
    header.mip_size[level] = mips[level].pixels.size();
    offset = align_up(offset + mips[level].pixels.size(), 16);
  }
  std::vector<std::byte> payload(offset, std::byte{0});
  std::memcpy(payload.data(), &header, sizeof header);
  for (size_t level = 0; level < mips.size() && level < pack::kMaxMips; ++level) {
    std::memcpy(payload.data() + header.mip_offset[level], mips[level].pixels.data(), mips[level].pixels.size());
  }
  return payload;
}

}  // namespace liyuan::packer
