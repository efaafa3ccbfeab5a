// 8-bit RGBA images in memory and as PNG files (libstb from Debian): frames, screenshots, golden images.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include "core/error.h"

namespace liyuan {

struct RgbaImage {
  uint32_t width = 0;
  uint32_t height = 0;
  std::vector<uint8_t> pixels;  // rows top to bottom, 4 bytes a pixel

  uint8_t* pixel(uint32_t x, uint32_t y) { return &pixels[(size_t(y) * width + x) * 4]; }
  const uint8_t* pixel(uint32_t x, uint32_t y) const { return &pixels[(size_t(y) * width + x) * 4]; }
};

// Reads a PNG (or any format stb_image decodes) as RGBA. Errors name the file and stb's reason.
Result<RgbaImage> read_png(const std::filesystem::path& path);

// Writes IMAGE as a PNG atomically (never a half-written file).
Status write_png(const std::filesystem::path& path, const RgbaImage& image);

// IMAGES side by side, left to right, top-aligned (stereo pairs, contact sheets).
RgbaImage join_side_by_side(const std::vector<RgbaImage>& images);

}  // namespace liyuan
