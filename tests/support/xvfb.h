// A real X server for window tests: Xvfb on a display number it picks itself (-displayfd, so parallel tests never
// collide), stopped when the object goes away. Screenshots with xwd, read into RGBA.
#pragma once

#include <filesystem>
#include <memory>
#include <span>
#include <string>

#include "core/error.h"
#include "core/image_file.h"
#include "support/background_process.h"

namespace liyuan::test {

class XvfbServer {
 public:
  // Starts Xvfb with one WIDTHxHEIGHTx24 screen and waits until it accepts clients. Fails saying why.
  static Result<std::unique_ptr<XvfbServer>> start(uint32_t width = 1280, uint32_t height = 720);
  // ":N", for DISPLAY.
  const std::string& display() const { return display_; }
  // Sets DISPLAY for this process (and the commands it runs) to this server.
  void make_current() const;
  // The whole screen now (xwd -root).
  Result<RgbaImage> screenshot() const;

 private:
  BackgroundProcess process_;
  std::string display_;
};

// Decodes an XWD file (what `xwd` writes): ZPixmap, 24 or 32 bits per pixel, either byte order, TrueColor masks.
Result<RgbaImage> decode_xwd(std::span<const uint8_t> bytes);
// The WIDTHxHEIGHT part of IMAGE whose top left corner is at X, Y (clamped to IMAGE).
RgbaImage crop(const RgbaImage& image, uint32_t x, uint32_t y, uint32_t width, uint32_t height);

}  // namespace liyuan::test
