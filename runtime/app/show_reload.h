// Hot reload for curators (`liyuan play SCENE --watch`): when a source of the exhibition is saved, the show is
// loaded again (lint checks, liyuan-pack into the cache: only changed relics are reprocessed) and, if it loads, swapped
// into the player at the same timeline time. A broken edit leaves the last good show playing; its error (with
// file:line:column) is logged once and becomes the player's status message until a save fixes it.
//
//   save ─► ShowWatch (inotify, debounced) ─► load_show ─┬─► ShowPlayer::replace_show ─► PackSwap ─► frame loop
//                                                        └─► error: ShowPlayer::set_status_message, last good show
//                                                        stays
#pragma once

#include <filesystem>
#include <functional>
#include <memory>

#include "app/frame_loop.h"
#include "app/show.h"
#include "app/show_player.h"
#include "app/show_watch.h"
#include "core/error.h"

namespace liyuan::app {

struct ReloadStats {
  uint32_t reloads = 0;          // edits applied
  uint32_t failures = 0;         // edits refused (the last good show stayed)
  uint32_t asset_uploads = 0;    // reloads whose pack geometry, materials or textures changed
  double last_load_ms = 0.0;     // the last reload: checking and packing the sources and loading the pack
  double last_latency_ms = 0.0;  // from the last save seen to the new show being handed to the loop
};

class ShowReload {
 public:
  // Watches every source file of SHOW (loaded from EXHIBITION) and takes it over; saves count once they have been
  // quiet for DEBOUNCE_SECONDS.
  static Result<std::unique_ptr<ShowReload>> create(const std::filesystem::path& exhibition, std::unique_ptr<Show> show,
                                                    double debounce_seconds = 0.1);

  // The show playing: the last one that loaded.
  const Show& show() const { return *show_; }
  ShowWatch& watch() { return watch_; }
  const ReloadStats& stats() const { return stats_; }

  // Reloads when the sources changed (see the file comment), updating PLAYER. Returns what the frame loop must
  // know: the new pack, and whether its GPU assets must be uploaded again. Never fails because of the sources.
  Result<PackSwap> poll(ShowPlayer& player);

 private:
  ShowReload(std::filesystem::path exhibition, std::unique_ptr<Show> show, ShowWatch watch)
      : exhibition_(std::move(exhibition)), show_(std::move(show)), watch_(std::move(watch)) {}

  std::filesystem::path exhibition_;
  std::unique_ptr<Show> show_;
  ShowWatch watch_;
  ReloadStats stats_;
};

// The frame loop's before_frame hook for RELOAD and PLAYER (both must outlive the loop).
std::function<Result<PackSwap>()> hot_reload_hook(ShowReload& reload, ShowPlayer& player);

}  // namespace liyuan::app
