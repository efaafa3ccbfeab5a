// A log file that never fills the disk: lines go to PATH; when it would pass max_bytes it becomes PATH.1 (PATH.1
// becomes PATH.2, …) and the oldest beyond max_files is deleted. For kiosks that run unattended for months.
#pragma once

#include <cstdio>
#include <filesystem>
#include <string_view>

#include "core/error.h"

namespace liyuan::present {

struct RotatingLogDesc {
  std::filesystem::path path;
  uintmax_t max_bytes = 1u << 20;  // per file
  int max_files = 5;               // PATH plus PATH.1 … PATH.(max_files - 1)
};

class RotatingLog {
 public:
  RotatingLog() = default;
  RotatingLog(const RotatingLog&) = delete;
  RotatingLog& operator=(const RotatingLog&) = delete;
  ~RotatingLog();

  // Opens DESC.path for appending (creating its directory). Fails naming the path when it cannot be opened.
  Status open(const RotatingLogDesc& desc);
  bool is_open() const { return file_ != nullptr; }
  // Appends "YYYY-MM-DD HH:MM:SS.mmm TEXT\n" (local time), rotating first when the line would not fit, and flushes.
  // Does nothing when not open.
  void write(std::string_view text);

 private:
  void rotate();

  RotatingLogDesc desc_;
  std::FILE* file_ = nullptr;
  uintmax_t size_ = 0;
};

}  // namespace liyuan::present
