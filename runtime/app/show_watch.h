// Watching an exhibition's source files for saves (Linux inotify). The folders holding the files are watched, not
// the files, because editors often save by writing a new file and renaming it over the old one; events are filtered
// to the files asked for. Changes are debounced: a burst of saves counts once, when it has been quiet for a while.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <vector>

#include "app/show.h"
#include "core/error.h"

namespace liyuan::app {

class ShowWatch {
 public:
  // Starts watching FILES; a change counts once nothing more has changed for DEBOUNCE_SECONDS.
  static Result<ShowWatch> create(const std::vector<std::filesystem::path>& files, double debounce_seconds = 0.1);
  ShowWatch(ShowWatch&& other) noexcept;
  ShowWatch& operator=(ShowWatch&& other) noexcept;
  ShowWatch(const ShowWatch&) = delete;
  ShowWatch& operator=(const ShowWatch&) = delete;
  ~ShowWatch();

  // Replaces the watched files with FILES (an exhibition that now includes other files); changes already seen stay.
  Status watch(const std::vector<std::filesystem::path>& files);
  // Reads what happened since the last call without waiting. True when a watched file changed and nothing has
  // changed for the debounce time since: take_changes() then says which.
  bool settled();
  // As settled(), waiting up to TIMEOUT_SECONDS for it to become true.
  bool wait_settled(double timeout_seconds);
  // The watched files changed since the last call (canonical paths), and when the latest change was seen
  // (monotonic_seconds()); forgets them.
  std::vector<std::filesystem::path> take_changes();
  double last_change_seen() const { return last_change_; }
  const std::vector<std::filesystem::path>& files() const { return files_; }

 private:
  explicit ShowWatch(int fd, double debounce_seconds) : fd_(fd), debounce_(debounce_seconds) {}
  void read_events();
  void close_all();

  int fd_ = -1;
  double debounce_ = 0.1;
  std::vector<std::filesystem::path> files_;
  std::map<int, std::filesystem::path> folders_;                  // watch descriptor → folder
  std::map<std::filesystem::path, std::set<std::string>> names_;  // folder → watched file names in it
  std::set<std::filesystem::path> changed_;
  double last_change_ = 0.0;
};

// Every file SHOW was read from, as it lies on disk: exhibition.yaml, its scene files, string tables, relic
// manifests and the models the manifests name. EXHIBITION is the path the show was loaded from.
std::vector<std::filesystem::path> show_source_files(const std::filesystem::path& exhibition, const Show& show);

}  // namespace liyuan::app
