#include "core/log.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>

namespace liyuan::log {
namespace {

Level level_from_environment() {
  const char* value = std::getenv("LIYUAN_LOG");
  if (!value) return Level::Info;
  if (std::strcmp(value, "debug") == 0) return Level::Debug;
  if (std::strcmp(value, "warn") == 0) return Level::Warn;
  if (std::strcmp(value, "error") == 0) return Level::Error;
  if (std::strcmp(value, "off") == 0) return Level::Off;
  return Level::Info;
}

std::atomic<Level>& current_level() {
  static std::atomic<Level> level{level_from_environment()};
  return level;
}

const char* level_name(Level level) {
  switch (level) {
    case Level::Debug: return "debug";
    case Level::Info: return "info";
    case Level::Warn: return "warning";
    case Level::Error: return "error";
    case Level::Off: break;
  }
  return "";
}

}  // namespace

void set_level(Level level) { current_level().store(level); }
Level level() { return current_level().load(std::memory_order_relaxed); }

void write(Level at, std::string_view text) {
  if (at < level()) return;
  static std::mutex mutex;
  std::lock_guard lock(mutex);
  std::fprintf(stderr, "liyuan: %s: %.*s\n", level_name(at), static_cast<int>(text.size()), text.data());
}

}  // namespace liyuan::log
