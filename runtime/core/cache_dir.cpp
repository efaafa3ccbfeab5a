#include "core/cache_dir.h"

#include <cstdlib>
#include <cstring>

namespace liyuan {

std::filesystem::path user_cache_dir() {
  if (const char* dir = std::getenv("LIYUAN_CACHE_DIR")) {
    if (std::strcmp(dir, "off") == 0) return {};
    if (*dir) return dir;
  }
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::filesystem::path(xdg) / "liyuan";
  if (const char* home = std::getenv("HOME"); home && *home) return std::filesystem::path(home) / ".cache" / "liyuan";
  return {};
}

}  // namespace liyuan
