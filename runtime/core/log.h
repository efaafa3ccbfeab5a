// Logging to stderr with a level prefix. One line per call; thread-safe.
#pragma once

#include <fmt/format.h>

#include <string_view>

namespace liyuan::log {

enum class Level { Debug = 0, Info = 1, Warn = 2, Error = 3, Off = 4 };

// Sets the lowest level that is printed (default Info; LIYUAN_LOG=debug|info|warn|error|off overrides at start-up).
void set_level(Level level);
Level level();

// Prints one line "liyuan: <level>: <text>" to stderr when LEVEL is enabled.
void write(Level level, std::string_view text);

template <typename... Args>
void debug(fmt::format_string<Args...> f, Args&&... args) {
  if (level() <= Level::Debug) write(Level::Debug, fmt::format(f, std::forward<Args>(args)...));
}
template <typename... Args>
void info(fmt::format_string<Args...> f, Args&&... args) {
  if (level() <= Level::Info) write(Level::Info, fmt::format(f, std::forward<Args>(args)...));
}
template <typename... Args>
void warn(fmt::format_string<Args...> f, Args&&... args) {
  if (level() <= Level::Warn) write(Level::Warn, fmt::format(f, std::forward<Args>(args)...));
}
template <typename... Args>
void error(fmt::format_string<Args...> f, Args&&... args) {
  if (level() <= Level::Error) write(Level::Error, fmt::format(f, std::forward<Args>(args)...));
}

}  // namespace liyuan::log
