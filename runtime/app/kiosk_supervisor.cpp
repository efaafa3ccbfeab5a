#include "app/kiosk_supervisor.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>

#include "app/exit_codes.h"
#include "core/clock.h"
#include "core/log.h"
#include "present/kiosk/rotating_log.h"

namespace liyuan::app {
namespace {

std::atomic<pid_t> g_child{0};
std::atomic<int> g_stop_signal{0};

void on_stop_signal(int signal) {
  g_stop_signal = signal;
  pid_t child = g_child.load();
  if (child > 0) kill(child, signal);
}

// Lines for the log and stderr, from the supervisor and the child's output thread.
class SupervisorLog {
 public:
  explicit SupervisorLog(const std::filesystem::path& path) {
    if (path.empty()) return;
    if (Status s = file_.open({path}); !s) log::warn("kiosk-supervisor: {}", s.error().to_string());
  }
  void line(std::string_view text, bool to_stderr) {
    std::lock_guard lock(mutex_);
    if (to_stderr) std::fprintf(stderr, "%.*s\n", int(text.size()), text.data());
    file_.write(text);
  }
  bool is_open() const { return file_.is_open(); }

 private:
  std::mutex mutex_;
  present::RotatingLog file_;
};

// Copies the child's output from FD line by line to stderr and the log until the child closes it.
void relay_output(int fd, SupervisorLog& out) {
  std::string pending;
  char buffer[4096];
  ssize_t n;
  while ((n = read(fd, buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR)) {
    if (n < 0) continue;
    pending.append(buffer, size_t(n));
    size_t end;
    while ((end = pending.find('\n')) != std::string::npos) {
      out.line(std::string_view(pending).substr(0, end), true);
      pending.erase(0, end + 1);
    }
  }
  if (!pending.empty()) out.line(pending, true);
  close(fd);
}

// Starts COMMAND with its output into a pipe when RELAY; returns its pid (or -1) and the pipe's read end.
pid_t start_child(const std::vector<std::string>& command, bool relay, int* read_fd) {
  int fds[2] = {-1, -1};
  if (relay && pipe2(fds, O_CLOEXEC) != 0) relay = false;
  pid_t pid = fork();
  if (pid == 0) {
    signal(SIGTERM, SIG_DFL);
    signal(SIGINT, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    if (relay) {
      dup2(fds[1], STDOUT_FILENO);
      dup2(fds[1], STDERR_FILENO);
    }
    std::vector<char*> argv;
    std::vector<std::string> copies = command;
    for (std::string& arg : copies) argv.push_back(arg.data());
    argv.push_back(nullptr);
    execvp(argv[0], argv.data());
    std::fprintf(stderr, "kiosk-supervisor: cannot start %s: %s\n", argv[0], std::strerror(errno));
    _exit(127);
  }
  if (relay) {
    close(fds[1]);
    *read_fd = pid > 0 ? fds[0] : (close(fds[0]), -1);
  }
  return pid;
}

std::string describe_exit(int status) {
  if (WIFSIGNALED(status))
    return fmt::format("was killed by signal {} ({})", WTERMSIG(status), strsignal(WTERMSIG(status)));
  return fmt::format("exited with status {}", WEXITSTATUS(status));
}

// Sleeps SECONDS unless a stop signal arrives.
void sleep_unless_stopped(double seconds) {
  Stopwatch waited;
  while (!g_stop_signal && waited.elapsed_seconds() < seconds)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
}

}  // namespace

int run_kiosk_supervisor(const SupervisorOptions& options) {
  if (options.command.empty()) {
    log::error("kiosk-supervisor: no command to supervise (give it after --)");
    return kExitUsage;
  }
  struct sigaction action {};
  action.sa_handler = &on_stop_signal;
  sigemptyset(&action.sa_mask);
  for (int signal_number : {SIGTERM, SIGINT, SIGHUP}) sigaction(signal_number, &action, nullptr);

  SupervisorLog out(options.log_path);
  std::deque<double> crashes;  // times of recent crashes
  double delay = options.restart_delay;
  for (uint32_t run = 1; !g_stop_signal; ++run) {
    int read_fd = -1;
    double started = monotonic_seconds();
    pid_t child = start_child(options.command, out.is_open(), &read_fd);
    if (child < 0) {
      out.line(fmt::format("kiosk-supervisor: fork failed: {}", std::strerror(errno)), true);
      sleep_unless_stopped(options.max_delay);
      continue;
    }
    g_child = child;
    if (g_stop_signal) kill(child, g_stop_signal);  // a stop that arrived while starting
    out.line(fmt::format("kiosk-supervisor: run {} started (pid {})", run, child), true);
    std::thread relay;
    if (read_fd >= 0) relay = std::thread(relay_output, read_fd, std::ref(out));
    int status = 0;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    g_child = 0;
    if (relay.joinable()) relay.join();
    double ended = monotonic_seconds();
    if (g_stop_signal) {
      out.line(fmt::format("kiosk-supervisor: stopped by signal {}; the kiosk {}", int(g_stop_signal),
                           describe_exit(status)),
               true);
      return kExitOk;
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
      out.line("kiosk-supervisor: the kiosk was stopped by its operator", true);
      return kExitOk;
    }
    // A crash. Back off only when they come thick and fast.
    if (ended - started > options.crash_loop_window) {
      crashes.clear();
      delay = options.restart_delay;
    }
    crashes.push_back(ended);
    while (!crashes.empty() && ended - crashes.front() > options.crash_loop_window) crashes.pop_front();
    if (int(crashes.size()) >= options.crash_loop_count) delay = std::min(options.max_delay, delay * 2.0);
    out.line(fmt::format("kiosk-supervisor: the kiosk {} after {:.1f} s; restarting in {:.1f} s ({} crash(es) in "
                         "the last {:.0f} s)",
                         describe_exit(status), ended - started, delay, crashes.size(), options.crash_loop_window),
             true);
    sleep_unless_stopped(delay);
  }
  out.line(fmt::format("kiosk-supervisor: stopped by signal {}", int(g_stop_signal)), true);
  return kExitOk;
}

}  // namespace liyuan::app
