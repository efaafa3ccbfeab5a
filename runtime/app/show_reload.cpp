#include "app/show_reload.h"

#include <algorithm>
#include <tuple>
#include <vector>

#include "core/clock.h"
#include "core/log.h"

namespace liyuan::app {
namespace {

// What GpuAssets is made from: the checksums of a pack's material, instance, mesh and texture chunks, in order.
std::vector<std::tuple<uint32_t, uint32_t, uint64_t>> gpu_side(const PackReader& reader) {
  std::vector<std::tuple<uint32_t, uint32_t, uint64_t>> chunks;
  for (const pack::ChunkEntry& entry : reader.chunks()) {
    auto type = static_cast<pack::ChunkType>(entry.type);
    if (type == pack::ChunkType::Material || type == pack::ChunkType::Instance || type == pack::ChunkType::Mesh ||
        type == pack::ChunkType::Texture)
      chunks.emplace_back(entry.type, entry.index, entry.checksum);
  }
  std::sort(chunks.begin(), chunks.end());
  return chunks;
}

std::string describe_files(const std::vector<std::filesystem::path>& files) {
  std::string text;
  for (const std::filesystem::path& file : files) text += (text.empty() ? "" : ", ") + file.filename().string();
  return text;
}

}  // namespace

Result<std::unique_ptr<ShowReload>> ShowReload::create(const std::filesystem::path& exhibition,
                                                       std::unique_ptr<Show> show, double debounce_seconds) {
  auto watch = ShowWatch::create(show_source_files(exhibition, *show), debounce_seconds);
  if (!watch) return watch.error();
  log::info("watching {} source files of {} for changes", watch->files().size(), exhibition.string());
  return std::unique_ptr<ShowReload>(new ShowReload(exhibition, std::move(show), std::move(*watch)));
}

Result<PackSwap> ShowReload::poll(ShowPlayer& player) {
  if (!watch_.settled()) return PackSwap{};
  double saved_at = watch_.last_change_seen();
  std::vector<std::filesystem::path> changed = watch_.take_changes();
  Stopwatch load_time;
  auto loaded = load_show(exhibition_);
  if (!loaded) {
    ++stats_.failures;
    std::string message = loaded.error().to_string();
    log::error("{} (not applied: the last good version plays on until this is fixed)", message);
    player.set_status_message(std::move(message));
    return PackSwap{};
  }
  std::unique_ptr<Show> show = std::move(*loaded);
  stats_.last_load_ms = load_time.elapsed_ms();
  // The sources may name other files now (a new include, another string table).
  if (Status s = watch_.watch(show_source_files(exhibition_, *show)); !s) log::warn("{}", s.error().to_string());
  bool assets_changed = gpu_side(show->reader) != gpu_side(show_->reader);
  player.replace_show(show.get());
  player.set_status_message({});
  show_ = std::move(show);  // the old show goes: the player and the loop now use the new one
  ++stats_.reloads;
  if (assets_changed) ++stats_.asset_uploads;
  stats_.last_latency_ms = (monotonic_seconds() - saved_at) * 1000.0;
  log::info("{:7.2f} s  reloaded ({}): {:.0f} ms to load, {:.0f} ms after the save{}", player.timeline_time(),
            describe_files(changed), stats_.last_load_ms, stats_.last_latency_ms,
            assets_changed ? "; relic geometry changed: uploading it again" : "");
  return PackSwap{&show_->contents, assets_changed};
}

std::function<Result<PackSwap>()> hot_reload_hook(ShowReload& reload, ShowPlayer& player) {
  return [&reload, &player]() { return reload.poll(player); };
}

}  // namespace liyuan::app
