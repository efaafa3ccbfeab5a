// The frame loop every presenter runs under: ask the presenter for a frame, move the show on by the time between
// frames, draw what the show says into the presenter's target, hand the frame back, act on what the visitor asked.
//
//   begin_frame → advance(display_time - previous) → [render if should_render] → end_frame → events → apply
//
// The renderer is made at the first frame for the target's size and format, and follows the target when its size
// changes (a resized window).
#pragma once

#include <functional>

#include "app/show_audio.h"
#include "app/show_player.h"
#include "app/show_text.h"
#include "assets/pack_contents.h"
#include "core/error.h"
#include "gpu/gpu.h"
#include "present/presenter.h"

namespace liyuan::app {

// What a before_frame hook reports: the pack to draw from from now on (null: the same as before), and whether its
// GPU assets must be uploaded again (its geometry, materials or textures differ from those drawn so far).
struct PackSwap {
  const PackContents* pack = nullptr;
  bool assets_changed = false;
};

struct FrameLoopOptions {
  double duration = -1.0;  // stop after this many seconds of play; < 0: until the presenter asks to quit
  // Stop when the timeline has played to its end (time paused, held or looped in the attract section does not count).
  bool until_timeline_end = false;
  int forced_lod = -1;     // >= 0: draw this level of detail everywhere
  // Seconds without a visitor (headset off) after which the show starts again; while away it is paused.
  double reset_after_absent = 30.0;
  // Called after each finished frame with its index (e.g. to save the offscreen presenter's views); an error stops
  // the loop with that error.
  std::function<Status(uint32_t frame_index)> after_frame;
  // Called before each frame begins (hot reload: an edited exhibition is loaded here). When it hands over another
  // pack the loop draws from that one, uploading its GPU assets anew if they changed; an error stops the loop.
  std::function<Result<PackSwap>()> before_frame;
  // The show's sound, kept in step with the player each frame (null: silent).
  ShowAudio* audio = nullptr;
  // The show's captions and relic panels, in the player's locale (null: no text).
  ShowText* text = nullptr;
};

struct LoopStats {
  uint32_t frames = 0;    // frames begun and ended
  uint32_t rendered = 0;  // frames drawn (the presenter may ask to skip some)
  double cpu_ms = 0.0;    // building frames and recording commands
  double total_ms = 0.0;  // including the presenter (GPU, readback, present)
  uint32_t width = 0, height = 0;  // the last drawn target's size (per view)
};

// Runs PRESENTER (init() done) over CONTENTS' GPU assets (or those of the pack OPTIONS.before_frame hands over),
// showing PLAYER, until OPTIONS.duration is played or the presenter asks to quit. Errors stop the loop; the presenter is left to the caller to shut down.
Result<LoopStats> run_frame_loop(gpu::Gpu& gpu, present::Presenter& presenter, const PackContents& contents,
                                 ShowPlayer& player, const FrameLoopOptions& options);

}  // namespace liyuan::app
