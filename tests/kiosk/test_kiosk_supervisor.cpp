// Restart after a crash: `liyuan kiosk-supervisor` keeps a kiosk running. These tests kill the supervised process
// for real (SIGKILL) and watch it come back; the time it took is printed, not asserted (times on shared machines
// vary; the supervisor's own delay is 0.5 s by default).
#include <gtest/gtest.h>
#include <signal.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "core/clock.h"
#include "support/background_process.h"
#include "support/test_support.h"
#include "support/xvfb.h"

namespace liyuan::test {
namespace {

int read_pid(const std::filesystem::path& file) {
  std::string text = read_text_file(file);
  return text.empty() ? 0 : std::atoi(text.c_str());
}

bool alive(int pid) {
  return pid > 0 && kill(pid, 0) == 0;
}

std::optional<nlohmann::json> read_status(const std::filesystem::path& file) {
  std::string text = read_text_file(file);
  auto json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded()) return std::nullopt;
  return json;
}

std::filesystem::path kiosk_pack() {
  std::filesystem::path dir = std::filesystem::path(std::getenv("LIYUAN_TEST_OUTPUT")) / "kiosk-packs";
  std::filesystem::create_directories(dir);
  std::filesystem::path out = dir / "water-bottle.lypak";
  if (!std::filesystem::exists(out)) {
    CommandResult packed = run_command(pack_exe(), {"pack", water_bottle_gltf().string(), "-o", out.string()});
    EXPECT_EQ(packed.exit_code, 0) << packed.output;
  }
  return out;
}

TEST(KioskSupervisor, RestartsAKilledChildAndPassesSigtermThrough) {
  std::filesystem::path dir = output_dir();
  std::filesystem::path pid_file = dir / "child.pid";
  BackgroundProcess supervisor;
  ASSERT_TRUE(supervisor.start(
      runtime_exe(), {"kiosk-supervisor", "--", "/bin/sh", "-c", "echo $$ > " + pid_file.string() + "; exec sleep 60"},
      dir / "supervisor.out"));
  ASSERT_TRUE(wait_until([&] { return alive(read_pid(pid_file)); }, 20.0));
  int first = read_pid(pid_file);

  Stopwatch restart;
  ASSERT_EQ(kill(first, SIGKILL), 0);
  ASSERT_TRUE(wait_until(
      [&] {
        int pid = read_pid(pid_file);
        return pid != first && alive(pid);
      },
      20.0))
      << read_text_file(dir / "supervisor.out");
  double seconds = restart.elapsed_seconds();
  std::printf("[ measure  ] killed child back after %.2f s (supervisor delay 0.5 s)\n", seconds);
  RecordProperty("restart_seconds", std::to_string(seconds));
  int second = read_pid(pid_file);

  std::optional<int> status = supervisor.stop(SIGTERM, 20.0);
  ASSERT_TRUE(status) << "the supervisor left after SIGTERM";
  EXPECT_EQ(*status, 0);
  EXPECT_TRUE(wait_until([&] { return !alive(second); }, 5.0)) << "SIGTERM reached the child";
  std::string out = read_text_file(dir / "supervisor.out");
  EXPECT_NE(out.find("was killed by signal 9"), std::string::npos) << out;
  EXPECT_NE(out.find("run 2 started"), std::string::npos) << out;
}

TEST(KioskSupervisor, BacksOffWhenTheChildKeepsCrashing) {
  std::filesystem::path dir = output_dir();
  BackgroundProcess supervisor;
  ASSERT_TRUE(supervisor.start(
      runtime_exe(), {"kiosk-supervisor", "--restart-delay", "0.05", "--max-delay", "0.4", "--crash-loop", "3", "--log",
                      (dir / "supervisor.log").string(), "--", "/bin/sh", "-c", "echo starting; exit 7"}));
  // The third crash doubles the delay, then each further one, up to the limit.
  EXPECT_TRUE(wait_until(
      [&] {
        std::string log = read_text_file(dir / "supervisor.log");
        return log.find("restarting in 0.4 s (6 crash") != std::string::npos;
      },
      30.0))
      << read_text_file(dir / "supervisor.log");
  ASSERT_TRUE(supervisor.stop(SIGTERM, 20.0));
  std::string log = read_text_file(dir / "supervisor.log");
  for (const char* expected :
       {"restarting in 0.1 s (1 crash", "restarting in 0.1 s (2 crash", "restarting in 0.1 s (3 crash",
        "restarting in 0.2 s (4 crash", "restarting in 0.4 s (5 crash", "exited with status 7", "starting"})
    EXPECT_NE(log.find(expected), std::string::npos) << expected << "\n" << log;
  EXPECT_EQ(log.find("restarting in 0.8 s"), std::string::npos) << "the delay stays at --max-delay";
}

TEST(KioskSupervisor, AnOperatorExitEndsTheSupervisorWithoutARestart) {
  std::filesystem::path dir = output_dir();
  CommandResult result = run_command(runtime_exe(), {"kiosk-supervisor", "--", "/bin/sh", "-c", "exit 0"});
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("stopped by its operator"), std::string::npos) << result.output;
  EXPECT_EQ(result.output.find("run 2"), std::string::npos) << result.output;
}

TEST(KioskSupervisor, WithoutACommandItIsAUsageError) {
  CommandResult result = run_command(runtime_exe(), {"kiosk-supervisor"});
  EXPECT_EQ(result.exit_code, 2) << result.output;
}

// The real thing: a fullscreen kiosk on an X server, killed, back in the attract loop with a new process.
TEST(KioskSupervisor, AKilledKioskIsBackInTheAttractLoop) {
  auto server = XvfbServer::start(640, 480);
  ASSERT_TRUE(server) << server.error().to_string();
  (*server)->make_current();
  std::filesystem::path dir = output_dir();
  std::filesystem::path status_file = dir / "status.json";
  BackgroundProcess supervisor;
  ASSERT_TRUE(supervisor.start(
      runtime_exe(), {"kiosk-supervisor", "--log", (dir / "supervisor.log").string(), "--", runtime_exe().string(),
                      "play", kiosk_pack().string(), "--presenter", "kiosk", "--kiosk-status", status_file.string(),
                      "--kiosk-log", (dir / "kiosk.log").string()}));
  auto in_attract = [&](int not_pid) {
    auto status = read_status(status_file);
    return status && (*status)["state"] == "attract" && (*status)["pid"].get<int>() != not_pid &&
           alive((*status)["pid"].get<int>());
  };
  ASSERT_TRUE(wait_until([&] { return in_attract(0); }, 60.0)) << read_text_file(dir / "supervisor.log");
  int first = (*read_status(status_file))["pid"].get<int>();
  EXPECT_TRUE((*read_status(status_file))["last_error"].is_null());

  Stopwatch restart;
  ASSERT_EQ(kill(first, SIGKILL), 0);
  ASSERT_TRUE(wait_until([&] { return in_attract(first); }, 60.0)) << read_text_file(dir / "supervisor.log");
  double seconds = restart.elapsed_seconds();
  std::printf("[ measure  ] killed kiosk back on screen (attract loop, status written) after %.2f s\n", seconds);
  RecordProperty("kiosk_restart_seconds", std::to_string(seconds));
  auto status = read_status(status_file);
  ASSERT_TRUE(status);
  EXPECT_NE((*status)["last_error"].get<std::string>().find("ended without stopping"), std::string::npos);
  EXPECT_GT((*status)["fps"].get<double>(), -1.0);

  std::optional<int> stopped = supervisor.stop(SIGTERM, 30.0);
  ASSERT_TRUE(stopped);
  EXPECT_EQ(*stopped, 0);
  EXPECT_EQ((*read_status(status_file))["state"], "stopped") << "the kiosk stopped cleanly on SIGTERM";
  std::string kiosk_log = read_text_file(dir / "kiosk.log");
  EXPECT_NE(kiosk_log.find("kiosk started"), kiosk_log.rfind("kiosk started")) << "two runs logged\n" << kiosk_log;
  EXPECT_NE(kiosk_log.find("kiosk stopped"), std::string::npos) << kiosk_log;
  std::string supervisor_log = read_text_file(dir / "supervisor.log");
  EXPECT_NE(supervisor_log.find("validation on"), std::string::npos) << "the kiosk's output is relayed";
  EXPECT_EQ(supervisor_log.find("validation layer reported"), std::string::npos) << supervisor_log;
}

TEST(KioskPackaging, TheSystemdUnitVerifiesAndRestartsAlways) {
  std::filesystem::path unit = content_dir().parent_path() / "packaging" / "liyuan-kiosk.service";
  std::string text = read_text_file(unit);
  ASSERT_FALSE(text.empty()) << unit;
  EXPECT_NE(text.find("\nRestart=always\n"), std::string::npos);
  EXPECT_NE(text.find("\nRestartSec=1\n"), std::string::npos);
  EXPECT_NE(text.find("kiosk-supervisor"), std::string::npos);
  // systemd's own check, with the paths pointed at this build.
  std::string local = std::regex_replace(text, std::regex("/usr/local/bin/liyuan"), runtime_exe().string());
  std::filesystem::path copy = output_dir() / "liyuan-kiosk.service";
  std::ofstream(copy) << local;
  CommandResult verified = run_command("/usr/bin/systemd-analyze", {"verify", copy.string()});
  EXPECT_EQ(verified.exit_code, 0) << verified.output;
}

}  // namespace
}  // namespace liyuan::test
