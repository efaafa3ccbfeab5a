#include "support/background_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

namespace liyuan::test {
namespace {

int exit_code(int status) {
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

BackgroundProcess::~BackgroundProcess() {
  if (running()) stop(SIGKILL, 10.0);
}

bool BackgroundProcess::start(const std::filesystem::path& exe, const std::vector<std::string>& args,
                              const std::filesystem::path& output, int keep_fd) {
  std::string out = output.empty() ? std::string("/dev/null") : output.string();
  pid_ = fork();
  if (pid_ < 0) return false;
  if (pid_ == 0) {
    int fd = open(out.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd >= 0) {
      dup2(fd, STDOUT_FILENO);
      dup2(fd, STDERR_FILENO);
    }
    for (int other = 3; other < 1024; ++other)
      if (other != keep_fd) close(other);
    std::vector<std::string> copies = args;
    std::string exe_string = exe.string();
    std::vector<char*> argv{exe_string.data()};
    for (std::string& arg : copies) argv.push_back(arg.data());
    argv.push_back(nullptr);
    execvp(exe_string.c_str(), argv.data());
    _exit(127);
  }
  status_.reset();
  return true;
}

bool BackgroundProcess::running() {
  if (pid_ <= 0 || status_) return false;
  int status = 0;
  if (waitpid(pid_, &status, WNOHANG) == pid_) {
    status_ = exit_code(status);
    return false;
  }
  return true;
}

std::optional<int> BackgroundProcess::wait(double timeout_seconds) {
  wait_until([&] { return !running(); }, timeout_seconds);
  return status_;
}

std::optional<int> BackgroundProcess::stop(int signal, double timeout_seconds) {
  if (running()) kill(pid_, signal);
  return wait(timeout_seconds);
}

std::string read_text_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace liyuan::test
