#include "core/image_file.h"

#include <stb_image.h>
#include <stb_image_write.h>

#include <algorithm>
#include <cstring>

#include "core/atomic_file.h"

namespace liyuan {

Result<RgbaImage> read_png(const std::filesystem::path& path) {
  int width = 0, height = 0, channels = 0;
  stbi_uc* data = stbi_load(path.c_str(), &width, &height, &channels, 4);
  if (!data) return make_error(path.string() + ": cannot read image: " + stbi_failure_reason());
  RgbaImage image;
  image.width = static_cast<uint32_t>(width);
  image.height = static_cast<uint32_t>(height);
  image.pixels.assign(data, data + size_t(width) * size_t(height) * 4);
  stbi_image_free(data);
  return image;
}

Status write_png(const std::filesystem::path& path, const RgbaImage& image) {
  if (image.width == 0 || image.height == 0 || image.pixels.size() != size_t(image.width) * image.height * 4)
    return make_error(path.string() + ": cannot write an empty or inconsistent image");
  std::vector<std::byte> encoded;
  auto append = [](void* context, void* data, int size) {
    auto* out = static_cast<std::vector<std::byte>*>(context);
    auto* bytes = static_cast<const std::byte*>(data);
    out->insert(out->end(), bytes, bytes + size);
  };
  if (!stbi_write_png_to_func(append, &encoded, int(image.width), int(image.height), 4, image.pixels.data(),
                              int(image.width * 4)))
    return make_error(path.string() + ": PNG encoding failed");
  return write_file_atomically(path, encoded);
}

RgbaImage join_side_by_side(const std::vector<RgbaImage>& images) {
  RgbaImage out;
  for (const RgbaImage& image : images) {
    out.width += image.width;
    out.height = std::max(out.height, image.height);
  }
  out.pixels.assign(size_t(out.width) * out.height * 4, 0);
  uint32_t x0 = 0;
  for (const RgbaImage& image : images) {
    for (uint32_t y = 0; y < image.height; ++y)
      std::memcpy(out.pixel(x0, y), image.pixel(0, y), size_t(image.width) * 4);
    x0 += image.width;
  }
  return out;
}

}  // namespace liyuan
