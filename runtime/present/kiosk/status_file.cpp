#include "present/kiosk/status_file.h"

#include <chrono>
#include <cstddef>
#include <nlohmann/json.hpp>

#include "core/atomic_file.h"

namespace liyuan::present {

std::string status_json(const KioskStatus& status) {
  nlohmann::ordered_json json;
  json["pid"] = status.pid;
  json["state"] = status.state;
  json["chapter"] = status.chapter.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(status.chapter);
  json["timeline_time"] = status.timeline_time;
  json["fps"] = status.fps;
  json["locale"] = status.locale;
  json["visits"] = status.visits;
  json["last_error"] =
      status.last_error.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(status.last_error);
  json["updated"] = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
  return json.dump(2) + "\n";
}

Status write_status_file(const std::filesystem::path& path, const KioskStatus& status) {
  std::string text = status_json(status);
  return write_file_atomically(path, std::as_bytes(std::span<const char>(text.data(), text.size())));
}

}  // namespace liyuan::present
