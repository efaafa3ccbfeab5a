#include "present/kiosk/rotating_log.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <cerrno>
#include <chrono>
#include <cstring>

namespace liyuan::present {
namespace {

std::filesystem::path numbered(const std::filesystem::path& path, int n) {
  return n == 0 ? path : std::filesystem::path(path.string() + "." + std::to_string(n));
}

}  // namespace

RotatingLog::~RotatingLog() {
  if (file_) std::fclose(file_);
}

Status RotatingLog::open(const RotatingLogDesc& desc) {
  desc_ = desc;
  if (desc_.max_files < 1) desc_.max_files = 1;
  std::error_code ignored;
  if (desc.path.has_parent_path()) std::filesystem::create_directories(desc.path.parent_path(), ignored);
  file_ = std::fopen(desc.path.c_str(), "ab");
  if (!file_)
    return make_error(fmt::format("{}: cannot open the log file: {}", desc.path.string(), std::strerror(errno)));
  std::error_code error;
  uintmax_t size = std::filesystem::file_size(desc.path, error);
  size_ = error ? 0 : size;
  return {};
}

void RotatingLog::rotate() {
  std::fclose(file_);
  file_ = nullptr;
  std::error_code ignored;
  std::filesystem::remove(numbered(desc_.path, desc_.max_files - 1), ignored);
  for (int n = desc_.max_files - 2; n >= 0; --n)
    std::filesystem::rename(numbered(desc_.path, n), numbered(desc_.path, n + 1), ignored);
  if (desc_.max_files == 1) std::filesystem::remove(desc_.path, ignored);
  file_ = std::fopen(desc_.path.c_str(), "ab");
  size_ = 0;
}

void RotatingLog::write(std::string_view text) {
  if (!file_) return;
  auto now = std::chrono::system_clock::now();
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::string line = fmt::format("{:%Y-%m-%d %H:%M:%S}.{:03d} {}\n",
                                 fmt::localtime(std::chrono::system_clock::to_time_t(now)), int(ms), text);
  if (size_ > 0 && size_ + line.size() > desc_.max_bytes) rotate();
  if (!file_) return;
  std::fwrite(line.data(), 1, line.size(), file_);
  std::fflush(file_);
  size_ += line.size();
}

}  // namespace liyuan::present
