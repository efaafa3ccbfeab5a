// The kiosk's status for operators: one small JSON file, replaced atomically (core/atomic_file.h) so a reader never
// sees half of it. Fields: pid, state, chapter (name, or null), timeline_time, fps, locale, visits, last_error (or
// null), updated (seconds since the epoch).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "core/error.h"

namespace liyuan::present {

struct KioskStatus {
  int pid = 0;          // the kiosk process (it changes when the supervisor restarts it)
  std::string state;    // kiosk_state_name()
  std::string chapter;  // "" before the first chapter
  double timeline_time = 0.0;
  double fps = 0.0;  // frames presented per second over the last interval
  std::string locale;
  uint32_t visits = 0;
  std::string last_error;  // "" when none
};

// The JSON text of STATUS (one object, keys in the order above plus "updated").
std::string status_json(const KioskStatus& status);
// Writes status_json(STATUS) to PATH atomically.
Status write_status_file(const std::filesystem::path& path, const KioskStatus& status);

}  // namespace liyuan::present
