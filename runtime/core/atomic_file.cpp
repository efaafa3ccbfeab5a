#include "core/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>

namespace liyuan {

Status write_file_atomically(const std::filesystem::path& path, std::span<const std::byte> bytes) {
  std::filesystem::path directory = path.parent_path().empty() ? "." : path.parent_path();
  std::string pattern = (directory / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
  int fd = mkstemp(pattern.data());
  if (fd < 0) return make_error(path.string() + ": cannot create a temporary file: " + std::strerror(errno));
  auto fail = [&](const char* what) {
    std::string reason = std::strerror(errno);
    ::close(fd);
    ::unlink(pattern.c_str());
    return make_error(path.string() + ": " + what + ": " + reason);
  };
  size_t written = 0;
  while (written < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("cannot write");
    }
    written += static_cast<size_t>(n);
  }
  if (::fchmod(fd, 0644) != 0) return fail("cannot set permissions");
  if (::fsync(fd) != 0) return fail("cannot flush");
  if (::close(fd) != 0) {
    ::unlink(pattern.c_str());
    return make_error(path.string() + ": cannot close: " + std::strerror(errno));
  }
  if (std::rename(pattern.c_str(), path.c_str()) != 0) {
    std::string reason = std::strerror(errno);
    ::unlink(pattern.c_str());
    return make_error(path.string() + ": cannot rename into place: " + reason);
  }
  return {};
}

}  // namespace liyuan
