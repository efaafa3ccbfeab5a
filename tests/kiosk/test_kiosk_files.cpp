// The kiosk's rotating log and its status file, on real files.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "present/kiosk/rotating_log.h"
#include "present/kiosk/status_file.h"
#include "support/background_process.h"
#include "support/test_support.h"

namespace liyuan::present {
namespace {

TEST(RotatingLog, KeepsAtMostMaxFilesEachUnderMaxBytesAndTheNewestLinesInThePlainName) {
  std::filesystem::path dir = test::output_dir();
  RotatingLog log;
  ASSERT_TRUE(log.open({dir / "logs" / "kiosk.log", 1000, 3}));
  for (int i = 0; i < 200; ++i) log.write(fmt::format("line {:03d} of the kiosk's day", i));
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "logs")) files.push_back(entry.path());
  EXPECT_EQ(files.size(), 3u);
  for (const auto& file : files) EXPECT_LE(std::filesystem::file_size(file), 1000u) << file;
  std::string newest = test::read_text_file(dir / "logs" / "kiosk.log");
  EXPECT_NE(newest.find("line 199"), std::string::npos);
  std::string older = test::read_text_file(dir / "logs" / "kiosk.log.1");
  EXPECT_EQ(older.find("line 199"), std::string::npos);
  EXPECT_NE(older.find("line 1"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir / "logs" / "kiosk.log.3"));
}

TEST(RotatingLog, AppendsToWhatAnEarlierRunLeft) {
  std::filesystem::path dir = test::output_dir();
  {
    RotatingLog log;
    ASSERT_TRUE(log.open({dir / "kiosk.log"}));
    log.write("first run");
  }
  RotatingLog log;
  ASSERT_TRUE(log.open({dir / "kiosk.log"}));
  log.write("second run");
  std::string text = test::read_text_file(dir / "kiosk.log");
  EXPECT_NE(text.find("first run"), std::string::npos);
  EXPECT_NE(text.find("second run"), std::string::npos);
}

TEST(RotatingLog, AnUnwritablePathIsAnErrorNamingIt) {
  RotatingLog log;
  Status opened = log.open({"/proc/liyuan-cannot/kiosk.log"});
  ASSERT_FALSE(opened);
  EXPECT_NE(opened.error().to_string().find("/proc/liyuan-cannot/kiosk.log"), std::string::npos);
}

TEST(StatusFile, IsJsonOperatorsCanRead) {
  std::filesystem::path file = test::output_dir() / "status.json";
  KioskStatus status;
  status.pid = 42;
  status.state = "active";
  status.chapter = "The \"Tang\" court";
  status.fps = 59.5;
  status.locale = "zh-Hans";
  status.visits = 3;
  ASSERT_TRUE(write_status_file(file, status));
  auto json = nlohmann::json::parse(test::read_text_file(file));
  EXPECT_EQ(json["pid"], 42);
  EXPECT_EQ(json["state"], "active");
  EXPECT_EQ(json["chapter"], "The \"Tang\" court");
  EXPECT_DOUBLE_EQ(json["fps"].get<double>(), 59.5);
  EXPECT_EQ(json["locale"], "zh-Hans");
  EXPECT_EQ(json["visits"], 3);
  EXPECT_TRUE(json["last_error"].is_null());
  EXPECT_GT(json["updated"].get<double>(), 1.7e9);
  status.last_error = "vkQueuePresentKHR failed: VK_ERROR_SURFACE_LOST_KHR";
  status.chapter.clear();
  ASSERT_TRUE(write_status_file(file, status));
  json = nlohmann::json::parse(test::read_text_file(file));
  EXPECT_EQ(json["last_error"], status.last_error);
  EXPECT_TRUE(json["chapter"].is_null());
}

}  // namespace
}  // namespace liyuan::present
