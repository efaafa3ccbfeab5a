#include "support/xvfb.h"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include "support/test_support.h"

namespace liyuan::test {
namespace {

uint32_t big_endian_32(const uint8_t* p) {
  return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | uint32_t(p[3]);
}

// The 8-bit value of the channel MASK selects in PIXEL.
uint8_t channel(uint32_t pixel, uint32_t mask) {
  if (mask == 0) return 0;
  int shift = __builtin_ctz(mask);
  uint32_t max = mask >> shift;
  return uint8_t(((pixel & mask) >> shift) * 255u / max);
}

}  // namespace

Result<std::unique_ptr<XvfbServer>> XvfbServer::start(uint32_t width, uint32_t height) {
  int fds[2];
  if (pipe(fds) != 0) return make_error("pipe failed");
  auto server = std::make_unique<XvfbServer>();
  std::string screen = std::to_string(width) + "x" + std::to_string(height) + "x24";
  bool started = server->process_.start(
      "Xvfb", {"-displayfd", std::to_string(fds[1]), "-screen", "0", screen, "-nolisten", "tcp"}, {}, fds[1]);
  close(fds[1]);
  if (!started) {
    close(fds[0]);
    return make_error("could not start Xvfb");
  }
  // Xvfb writes its display number to the fd once it is ready for clients.
  std::string number;
  pollfd wait_for{fds[0], POLLIN, 0};
  while (poll(&wait_for, 1, 20000) > 0) {
    char c;
    if (read(fds[0], &c, 1) != 1 || c == '\n') break;
    number += c;
  }
  close(fds[0]);
  if (number.empty()) return make_error("Xvfb did not start (is the xvfb package installed?)");
  server->display_ = ":" + number;
  return server;
}

void XvfbServer::make_current() const {
  setenv("DISPLAY", display_.c_str(), 1);
  unsetenv("WAYLAND_DISPLAY");
}

Result<RgbaImage> XvfbServer::screenshot() const {
  std::filesystem::path file = std::filesystem::temp_directory_path() /
                               ("liyuan-xwd-" + std::to_string(getpid()) + "-" + display_.substr(1) + ".xwd");
  CommandResult result = run_command("/usr/bin/xwd", {"-root", "-silent", "-display", display_, "-out", file.string()});
  if (result.exit_code != 0) return make_error("xwd failed: " + result.output);
  std::ifstream in(file, std::ios::binary);
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::remove(file);
  return decode_xwd(bytes);
}

Result<RgbaImage> decode_xwd(std::span<const uint8_t> bytes) {
  constexpr size_t kHeaderFields = 25;
  if (bytes.size() < kHeaderFields * 4) return make_error("xwd: file too short");
  auto field = [&](size_t i) { return big_endian_32(bytes.data() + 4 * i); };
  uint32_t header_size = field(0), version = field(1), format = field(2);
  uint32_t width = field(4), height = field(5), byte_order = field(7), bits_per_pixel = field(11);
  uint32_t bytes_per_line = field(12), red_mask = field(14), green_mask = field(15), blue_mask = field(16);
  uint32_t colour_count = field(19);
  if (version != 7 || format != 2) return make_error("xwd: not a version 7 ZPixmap");
  if (bits_per_pixel != 24 && bits_per_pixel != 32) return make_error("xwd: unsupported bits per pixel");
  size_t pixels_at = size_t(header_size) + size_t(colour_count) * 12;
  if (pixels_at + size_t(bytes_per_line) * height > bytes.size()) return make_error("xwd: truncated pixels");
  RgbaImage image{width, height, std::vector<uint8_t>(size_t(width) * height * 4)};
  uint32_t stride = bits_per_pixel / 8;
  for (uint32_t y = 0; y < height; ++y) {
    const uint8_t* row = bytes.data() + pixels_at + size_t(y) * bytes_per_line;
    for (uint32_t x = 0; x < width; ++x) {
      const uint8_t* p = row + size_t(x) * stride;
      uint32_t pixel = 0;
      for (uint32_t b = 0; b < stride; ++b)
        pixel |= byte_order == 0 ? uint32_t(p[b]) << (8 * b) : uint32_t(p[b]) << (8 * (stride - 1 - b));
      uint8_t* out = image.pixel(x, y);
      out[0] = channel(pixel, red_mask);
      out[1] = channel(pixel, green_mask);
      out[2] = channel(pixel, blue_mask);
      out[3] = 255;
    }
  }
  return image;
}

RgbaImage crop(const RgbaImage& image, uint32_t x, uint32_t y, uint32_t width, uint32_t height) {
  width = x < image.width ? std::min(width, image.width - x) : 0;
  height = y < image.height ? std::min(height, image.height - y) : 0;
  RgbaImage out{width, height, std::vector<uint8_t>(size_t(width) * height * 4)};
  for (uint32_t row = 0; row < height; ++row)
    std::copy_n(image.pixel(x, y + row), size_t(width) * 4, out.pixel(0, row));
  return out;
}

}  // namespace liyuan::test
