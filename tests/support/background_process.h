// A process that runs while a test goes on (an X server, a supervised kiosk): started without a shell, its output
// into a file, stopped (and reaped) at the latest when the object goes away.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace liyuan::test {

class BackgroundProcess {
 public:
  BackgroundProcess() = default;
  BackgroundProcess(const BackgroundProcess&) = delete;
  BackgroundProcess& operator=(const BackgroundProcess&) = delete;
  // Sends SIGKILL when still running, and reaps it.
  ~BackgroundProcess();

  // Starts EXE with ARGS, stdout and stderr appended to OUTPUT (/dev/null when empty). KEEP_FD, when >= 0, stays
  // open in the child (for Xvfb's -displayfd). Returns false when fork failed.
  bool start(const std::filesystem::path& exe, const std::vector<std::string>& args,
             const std::filesystem::path& output = {}, int keep_fd = -1);
  pid_t pid() const { return pid_; }
  bool running();
  // Sends SIGNAL and waits up to TIMEOUT seconds; returns the exit status (128+N when killed by signal N), or
  // nothing when it has not exited by then.
  std::optional<int> stop(int signal, double timeout_seconds);
  // Waits up to TIMEOUT seconds for it to exit on its own; the exit status as stop() gives it.
  std::optional<int> wait(double timeout_seconds);

 private:
  pid_t pid_ = -1;
  std::optional<int> status_;
};

// Polls CONDITION every 20 ms until it holds or TIMEOUT seconds pass; returns whether it held.
template <typename Condition>
bool wait_until(Condition condition, double timeout_seconds);

// Reads FILE whole ("" when it does not exist).
std::string read_text_file(const std::filesystem::path& file);

}  // namespace liyuan::test

#include <chrono>
#include <thread>

template <typename Condition>
bool liyuan::test::wait_until(Condition condition, double timeout_seconds) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_seconds);
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}
