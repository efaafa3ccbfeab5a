// "\r[#########.........] 12/30  water-bottle: texture 2/4" on a terminal; "liyuan-pack: [12/30] ..." elsewhere.
#include "progress.h"

#include <fmt/format.h>

#include <unistd.h>

namespace liyuan::packer {

Progress::Progress(std::FILE* out, int interactive, bool quiet)
    : out_(out), interactive_(interactive < 0 ? isatty(fileno(out)) != 0 : interactive != 0), quiet_(quiet) {}

Progress::~Progress() { finish(); }

void Progress::add_work(uint64_t units) {
  std::lock_guard lock(mutex_);
  total_ += units;
}

void Progress::advance(std::string_view what, uint64_t units) {
  std::lock_guard lock(mutex_);
  done_ += units;
  if (!quiet_) draw(what);
}

void Progress::warn(std::string_view message) {
  std::lock_guard lock(mutex_);
  clear_line();
  fmt::print(out_, "liyuan-pack: warning: {}\n", message);
  std::fflush(out_);
}

void Progress::finish() {
  std::lock_guard lock(mutex_);
  clear_line();
}

void Progress::clear_line() {
  if (!drawn_) return;
  fmt::print(out_, "\r\x1b[2K");
  std::fflush(out_);
  drawn_ = false;
}

void Progress::draw(std::string_view what) {
  const uint64_t total = std::max(total_, done_);
  if (!interactive_) {
    fmt::print(out_, "liyuan-pack: [{}/{}] {}\n", done_, total, what);
    std::fflush(out_);
    return;
  }
  constexpr int kWidth = 24;
  const int filled = total == 0 ? 0 : int(done_ * kWidth / total);
  std::string line = fmt::format("[{}{}] {}/{}  {}", std::string(size_t(filled), '#'),
                                 std::string(size_t(kWidth - filled), '.'), done_, total, what);
  if (line.size() > 100) {  // cut at a character boundary: file names may be any UTF-8
    size_t cut = 100;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xc0) == 0x80) --cut;
    line.resize(cut);
  }
  fmt::print(out_, "\r\x1b[2K{}", line);
  std::fflush(out_);
  drawn_ = true;
}

}  // namespace liyuan::packer
