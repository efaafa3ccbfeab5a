#include "support/test_support.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace liyuan::test {
namespace {

std::filesystem::path required_env_path(const char* name) {
  const char* value = std::getenv(name);
  if (!value || !*value) throw std::runtime_error(std::string(name) + " is not set (run the tests through ctest)");
  return value;
}

}  // namespace

std::filesystem::path data_dir() { return required_env_path("LIYUAN_TEST_DATA"); }
std::filesystem::path content_dir() { return required_env_path("LIYUAN_CONTENT"); }
std::filesystem::path water_bottle_gltf() { return content_dir() / "relics" / "water-bottle" / "WaterBottle.gltf"; }
std::filesystem::path pack_exe() { return required_env_path("LIYUAN_PACK_EXE"); }
std::filesystem::path runtime_exe() { return required_env_path("LIYUAN_EXE"); }

std::filesystem::path output_dir() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string name = info ? std::string(info->test_suite_name()) + "." + info->name() : "unnamed";
  for (char& c : name) if (c == '/') c = '_';
  std::filesystem::path dir = required_env_path("LIYUAN_TEST_OUTPUT") / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

CommandResult run_command(const std::filesystem::path& exe, const std::vector<std::string>& args) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return {};
  pid_t pid = fork();
  if (pid == 0) {
    dup2(pipe_fds[1], STDOUT_FILENO);
    dup2(pipe_fds[1], STDERR_FILENO);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    std::vector<char*> argv;
    std::string exe_string = exe.string();
    argv.push_back(exe_string.data());
    std::vector<std::string> copies = args;
    for (auto& a : copies) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(exe_string.c_str(), argv.data());
    _exit(127);
  }
  close(pipe_fds[1]);
  CommandResult result;
  char buffer[4096];
  ssize_t n;
  while ((n = read(pipe_fds[0], buffer, sizeof buffer)) > 0) result.output.append(buffer, static_cast<size_t>(n));
  close(pipe_fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

}  // namespace liyuan::test
