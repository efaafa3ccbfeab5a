#include "app/contact_sheet.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "app/digit_font.h"

namespace liyuan::app {

std::vector<uint32_t> contact_sheet_frames(uint32_t frame_count) {
  uint32_t cells = std::min(frame_count, kContactSheetMaxCells);
  std::vector<uint32_t> frames;
  for (uint32_t k = 0; k < cells; ++k)
    frames.push_back(cells == 1 ? 0 : uint32_t(std::lround(double(k) * (frame_count - 1) / (cells - 1))));
  return frames;
}

ContactSheetLayout contact_sheet_layout(uint32_t cells, uint32_t frame_width, uint32_t frame_height) {
  ContactSheetLayout layout;
  cells = std::max(cells, 1u);
  layout.columns = std::min(cells, 4u);
  layout.rows = (cells + layout.columns - 1) / layout.columns;
  layout.thumb_width = std::min(frame_width, kContactSheetThumbWidth);
  layout.thumb_height = std::max(1u, uint32_t(std::lround(double(frame_height) * layout.thumb_width / frame_width)));
  layout.label_height = digits_height(layout.label_scale) + 8;
  layout.width = layout.padding + layout.columns * (layout.thumb_width + layout.padding);
  layout.height = layout.padding + layout.rows * (layout.thumb_height + layout.label_height + layout.padding);
  return layout;
}

std::string timestamp_label(double seconds) {
  seconds = std::max(0.0, seconds);
  if (seconds < 59.995) return fmt::format("{:.2f}s", seconds);
  long hundredths = std::lround(seconds * 100.0);
  return fmt::format("{}:{:02}.{:02}", hundredths / 6000, (hundredths / 100) % 60, hundredths % 100);
}

RgbaImage scale_down(const RgbaImage& image, uint32_t width, uint32_t height) {
  RgbaImage out{width, height, std::vector<uint8_t>(size_t(width) * height * 4)};
  for (uint32_t y = 0; y < height; ++y) {
    uint32_t y0 = uint32_t(uint64_t(y) * image.height / height);
    uint32_t y1 = std::max(y0 + 1, uint32_t(uint64_t(y + 1) * image.height / height));
    for (uint32_t x = 0; x < width; ++x) {
      uint32_t x0 = uint32_t(uint64_t(x) * image.width / width);
      uint32_t x1 = std::max(x0 + 1, uint32_t(uint64_t(x + 1) * image.width / width));
      uint32_t sum[4] = {};
      for (uint32_t sy = y0; sy < y1; ++sy)
        for (uint32_t sx = x0; sx < x1; ++sx)
          for (int c = 0; c < 4; ++c) sum[c] += image.pixel(sx, sy)[c];
      uint32_t count = (y1 - y0) * (x1 - x0);
      for (int c = 0; c < 4; ++c) out.pixel(x, y)[c] = uint8_t((sum[c] + count / 2) / count);
    }
  }
  return out;
}

ContactSheet::ContactSheet(uint32_t frame_count, uint32_t frame_width, uint32_t frame_height)
    : frames_(contact_sheet_frames(frame_count)),
      layout_(contact_sheet_layout(uint32_t(frames_.size()), frame_width, frame_height)) {
  sheet_ = RgbaImage{layout_.width, layout_.height, std::vector<uint8_t>(size_t(layout_.width) * layout_.height * 4)};
  for (size_t i = 0; i < sheet_.pixels.size(); i += 4)
    std::copy(kContactSheetGround, kContactSheetGround + 4, &sheet_.pixels[i]);
}

void ContactSheet::add(uint32_t frame, const RgbaImage& image, double seconds) {
  auto at = std::find(frames_.begin(), frames_.end(), frame);
  if (at == frames_.end()) return;
  uint32_t cell = uint32_t(at - frames_.begin());
  RgbaImage thumb = scale_down(image, layout_.thumb_width, layout_.thumb_height);
  for (uint32_t y = 0; y < thumb.height; ++y)
    std::copy_n(thumb.pixel(0, y), size_t(thumb.width) * 4,
                sheet_.pixel(layout_.cell_x(cell), layout_.cell_y(cell) + y));
  draw_digits(sheet_, layout_.label_x(cell), layout_.label_y(cell), timestamp_label(seconds), layout_.label_scale,
              {kContactSheetInk[0], kContactSheetInk[1], kContactSheetInk[2], kContactSheetInk[3]});
}

}  // namespace liyuan::app
