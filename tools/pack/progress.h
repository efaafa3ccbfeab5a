// Progress for people: a one-line bar redrawn in place when stderr is a terminal, plain lines otherwise (logs, CI).
// Warnings always go out as whole lines naming their file.
#pragma once

#include <cstdint>
#include <cstdio>
#include <mutex>
#include <string>
#include <string_view>

namespace liyuan::packer {

class Progress {
 public:
  // Writes to OUT (stderr by default); INTERACTIVE chooses the redrawn bar (isatty(OUT) when not given). QUIET
  // suppresses progress but not warnings.
  explicit Progress(std::FILE* out = stderr, int interactive = -1, bool quiet = false);
  ~Progress();

  // More work units are known (a relic's textures once it is planned).
  void add_work(uint64_t units);
  // UNITS units are done; WHAT says which ("water-bottle: texture 2/4"). Thread-safe.
  void advance(std::string_view what, uint64_t units = 1);
  // A warning line "liyuan-pack: warning: MESSAGE" (MESSAGE names the file). Thread-safe; clears the bar first.
  void warn(std::string_view message);
  // Clears the bar (call before printing the summary).
  void finish();

  uint64_t done() const { return done_; }
  uint64_t total() const { return total_; }

 private:
  void draw(std::string_view what);
  void clear_line();

  std::FILE* out_;
  bool interactive_;
  bool quiet_;
  bool drawn_ = false;
  uint64_t done_ = 0;
  uint64_t total_ = 0;
  std::mutex mutex_;
};

}  // namespace liyuan::packer
