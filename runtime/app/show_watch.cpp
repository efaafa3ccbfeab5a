#include "app/show_watch.h"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <utility>

#include "core/clock.h"
#include "core/mapped_file.h"
#include "scene/yaml_tree.h"

namespace liyuan::app {
namespace {

// Saves, renames over, and deletions; not every write, so a file being written counts once it is closed.
constexpr uint32_t kEvents = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE;

std::filesystem::path canonical_or_absolute(const std::filesystem::path& path) {
  std::error_code error;
  std::filesystem::path canonical = std::filesystem::weakly_canonical(path, error);
  return error ? std::filesystem::absolute(path, error).lexically_normal() : canonical;
}

// The model a relic manifest names (its `source:`, relative to the manifest), or an empty path.
std::filesystem::path manifest_source(const std::filesystem::path& manifest) {
  auto text = read_text_file(manifest);
  if (!text) return {};
  auto root = scene::parse_yaml(*text, manifest.string());
  if (!root || !root->is_map()) return {};
  for (size_t i = 0; i < root->map_size(); ++i)
    if (root->key(i).text == "source" && root->value(i).is_scalar())
      return manifest.parent_path() / root->value(i).text;
  return {};
}

}  // namespace

Result<ShowWatch> ShowWatch::create(const std::vector<std::filesystem::path>& files, double debounce_seconds) {
  int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd < 0) return make_error(std::string("cannot watch files (inotify): ") + std::strerror(errno));
  ShowWatch watch(fd, debounce_seconds);
  if (Status s = watch.watch(files); !s) return s.error();
  return watch;
}

ShowWatch::ShowWatch(ShowWatch&& other) noexcept {
  *this = std::move(other);
}

ShowWatch& ShowWatch::operator=(ShowWatch&& other) noexcept {
  if (this == &other) return *this;
  close_all();
  fd_ = std::exchange(other.fd_, -1);
  debounce_ = other.debounce_;
  files_ = std::move(other.files_);
  folders_ = std::move(other.folders_);
  names_ = std::move(other.names_);
  changed_ = std::move(other.changed_);
  last_change_ = other.last_change_;
  return *this;
}

ShowWatch::~ShowWatch() {
  close_all();
}

void ShowWatch::close_all() {
  if (fd_ >= 0) close(fd_);  // closing the descriptor removes every watch
  fd_ = -1;
}

Status ShowWatch::watch(const std::vector<std::filesystem::path>& files) {
  read_events();  // changes already made to the old set are kept
  for (const auto& [wd, folder] : folders_) inotify_rm_watch(fd_, wd);
  folders_.clear();
  names_.clear();
  files_.clear();
  for (const std::filesystem::path& file : files) {
    std::filesystem::path path = canonical_or_absolute(file);
    files_.push_back(path);
    names_[path.parent_path()].insert(path.filename().string());
  }
  for (const auto& [folder, names] : names_) {
    int wd = inotify_add_watch(fd_, folder.c_str(), kEvents);
    if (wd < 0) return make_error(folder.string() + ": cannot watch this folder: " + std::strerror(errno));
    folders_[wd] = folder;
  }
  return {};
}

void ShowWatch::read_events() {
  alignas(inotify_event) char buffer[16384];
  for (;;) {
    ssize_t length = read(fd_, buffer, sizeof buffer);
    if (length <= 0) return;  // EAGAIN: nothing more for now
    for (char* at = buffer; at < buffer + length;) {
      const auto* event = reinterpret_cast<const inotify_event*>(at);
      at += sizeof(inotify_event) + event->len;
      if ((event->mask & IN_Q_OVERFLOW) && !files_.empty()) {  // events were lost: take it that anything changed
        changed_.insert(files_.front());
        last_change_ = monotonic_seconds();
        continue;
      }
      auto folder = folders_.find(event->wd);
      if (folder == folders_.end() || event->len == 0) continue;
      std::string name(event->name);
      const std::set<std::string>& names = names_[folder->second];
      if (!names.count(name)) continue;
      changed_.insert(folder->second / name);
      last_change_ = monotonic_seconds();
    }
  }
}

bool ShowWatch::settled() {
  read_events();
  return !changed_.empty() && monotonic_seconds() - last_change_ >= debounce_;
}

bool ShowWatch::wait_settled(double timeout_seconds) {
  double deadline = monotonic_seconds() + timeout_seconds;
  for (;;) {
    if (settled()) return true;
    double now = monotonic_seconds();
    if (now >= deadline) return false;
    // Until the debounce time is up when a change is pending, else until an event (or the deadline).
    double wait = changed_.empty() ? deadline - now : std::min(deadline, last_change_ + debounce_) - now;
    pollfd descriptor{fd_, POLLIN, 0};
    poll(&descriptor, 1, std::max(1, int(std::ceil(wait * 1000.0))));
  }
}

std::vector<std::filesystem::path> ShowWatch::take_changes() {
  std::vector<std::filesystem::path> changes(changed_.begin(), changed_.end());
  changed_.clear();
  return changes;
}

std::vector<std::filesystem::path> show_source_files(const std::filesystem::path& exhibition, const Show& show) {
  const scene::ExhibitionSources& sources = show.exhibition.sources;
  std::vector<std::filesystem::path> files = {exhibition};
  for (const scene::SceneFileDocument& scene : sources.scenes) files.emplace_back(scene.file);
  if (sources.exhibition) {
    for (const scene::LocatedName& table : sources.exhibition->strings)
      files.push_back(exhibition.parent_path() / table.name);
    // Sound files: a narration spoken again is an edit like any other.
    for (const scene::SoundDocument& sound : sources.exhibition->sounds) {
      if (sound.file) files.push_back(exhibition.parent_path() / sound.file->name);
      for (const auto& [locale, file] : sound.files) files.push_back(exhibition.parent_path() / file.name);
    }
  }
  for (const scene::RelicManifest& relic : sources.relics) {
    files.emplace_back(relic.file);
    if (std::filesystem::path model = manifest_source(relic.file); !model.empty()) files.push_back(model);
  }
  return files;
}

}  // namespace liyuan::app
