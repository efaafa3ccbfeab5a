// `liyuan kiosk-supervisor [options] -- COMMAND [ARGS...]`: keeps a kiosk on screen. It runs COMMAND (normally
// `liyuan play SCENE --presenter kiosk ...`), and when it crashes (a non-zero exit status or a signal) starts it
// again after restart_delay seconds. A crash loop backs off: from the crash_loop_count-th crash within
// crash_loop_window seconds on, the delay doubles per crash up to max_delay; a run that lasted longer than the window
// resets it. An exit status of 0 (the operator's key combination) ends the supervisor with 0. SIGTERM, SIGINT and
// SIGHUP are passed to the child, and the supervisor leaves when it has exited. With log_path, the child's output
// (and the supervisor's own lines) go to a rotating log as well as to stderr.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace liyuan::app {

struct SupervisorOptions {
  std::vector<std::string> command;  // program (searched in PATH) and its arguments
  double restart_delay = 0.5;        // seconds from a crash to the restart
  double max_delay = 30.0;           // the longest back-off
  int crash_loop_count = 5;          // crashes within the window before backing off
  double crash_loop_window = 60.0;   // seconds
  std::filesystem::path log_path;    // empty: output only to stderr
};

// Runs the supervisor until the child exits with 0 or a stop signal arrives; returns the exit code (0, or 2 for
// a bad command line such as an empty COMMAND).
int run_kiosk_supervisor(const SupervisorOptions& options);

}  // namespace liyuan::app
