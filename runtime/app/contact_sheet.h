// A contact sheet for reviewing a recording: up to 4×4 evenly spaced frames (the first and the last included),
// scaled down, in a grid on a dark ground, each with its timeline time drawn under it (digit_font.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/digit_font.h"
#include "core/image_file.h"

namespace liyuan::app {

struct ContactSheetLayout {
  uint32_t columns = 0, rows = 0;
  uint32_t thumb_width = 0, thumb_height = 0;  // a frame, scaled down
  uint32_t padding = 8;                        // around and between cells
  uint32_t label_height = 0;                   // the strip under each frame holding its time
  uint32_t label_scale = 2;                    // digit_font pixels per glyph pixel
  uint32_t width = 0, height = 0;              // the whole sheet

  // Top-left corner of cell I's frame (cells left to right, top to bottom).
  uint32_t cell_x(uint32_t i) const { return padding + (i % columns) * (thumb_width + padding); }
  uint32_t cell_y(uint32_t i) const { return padding + (i / columns) * (thumb_height + label_height + padding); }
  // Top-left corner of cell I's time label.
  uint32_t label_x(uint32_t i) const { return cell_x(i); }
  uint32_t label_y(uint32_t i) const {
    return cell_y(i) + thumb_height + (label_height - digits_height(label_scale)) / 2;
  }
};

inline constexpr uint32_t kContactSheetMaxCells = 16;
inline constexpr uint32_t kContactSheetThumbWidth = 320;
inline constexpr uint8_t kContactSheetGround[4] = {24, 24, 24, 255};
inline constexpr uint8_t kContactSheetInk[4] = {235, 235, 235, 255};

// The frames (0-based indices) a sheet shows of a recording of FRAME_COUNT frames: min(FRAME_COUNT, 16), evenly
// spaced, first and last included.
std::vector<uint32_t> contact_sheet_frames(uint32_t frame_count);

// The layout of a sheet of CELLS frames of FRAME_WIDTH × FRAME_HEIGHT (at most 4 columns; frames wider than 320
// pixels scaled down to 320).
ContactSheetLayout contact_sheet_layout(uint32_t cells, uint32_t frame_width, uint32_t frame_height);

// A time label: "12.50s" below a minute, "1:02.50" from one.
std::string timestamp_label(double seconds);

// IMAGE scaled down to WIDTH × HEIGHT, each pixel the mean of the source pixels it covers.
RgbaImage scale_down(const RgbaImage& image, uint32_t width, uint32_t height);

// Builds a sheet as frames arrive, so a long recording never keeps its frames in memory.
class ContactSheet {
 public:
  // A sheet for a recording of FRAME_COUNT frames of FRAME_WIDTH × FRAME_HEIGHT.
  ContactSheet(uint32_t frame_count, uint32_t frame_width, uint32_t frame_height);

  // Places frame FRAME (0-based, seen at timeline time SECONDS) in its cell when the sheet shows it.
  void add(uint32_t frame, const RgbaImage& image, double seconds);

  const RgbaImage& image() const { return sheet_; }
  const ContactSheetLayout& layout() const { return layout_; }
  const std::vector<uint32_t>& frames() const { return frames_; }

 private:
  std::vector<uint32_t> frames_;
  ContactSheetLayout layout_;
  RgbaImage sheet_;
};

}  // namespace liyuan::app
