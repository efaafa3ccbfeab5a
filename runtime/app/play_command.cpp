#include "app/play_command.h"

#include <cmath>
#include <optional>

#include "app/exit_codes.h"
#include "app/gpu_session.h"
#include "app/offscreen_frames.h"
#include "app/scene_frame.h"
#include "app/show.h"
#include "assets/pack_contents.h"
#include "assets/pack_reader.h"
#include "core/clock.h"
#include "core/log.h"
#include "render/framing.h"
#include "scene/playhead.h"
#include "scene/timeline_evaluate.h"

namespace liyuan::app {
namespace {

struct PlayStats {
  uint32_t frames = 0;
  double cpu_ms = 0.0;    // building frames and recording commands
  double total_ms = 0.0;  // including the GPU and the readback
};

// Logs what a visitor would notice starting at STATE: a new chapter, a new caption.
void log_changes(const Show& show, const scene::FrameState& state, int32_t* chapter, std::string_view* caption) {
  const scene::Timeline& timeline = show.exhibition.timeline;
  if (state.chapter != *chapter) {
    *chapter = state.chapter;
    if (state.chapter >= 0) log::info("{:7.2f} s  chapter '{}'", state.time, timeline.chapters[size_t(state.chapter)].name);
  }
  std::string_view key = state.caption ? state.caption->key : std::string_view{};
  if (key != *caption) {
    *caption = key;
    if (!key.empty()) log::info("{:7.2f} s  caption '{}'", state.time, key);
  }
}

Result<PlayStats> play_frames(gpu::Gpu& gpu, const PackContents& contents, const Show* show,
                              const PlayOptions& options, double duration) {
  OffscreenFramesDesc desc{options.width, options.height, options.stereo ? 2u : 1u, -1};
  auto frames = OffscreenFrames::create(gpu, contents, desc);
  if (!frames) return frames.error();
  float aspect = float(options.width) / float(options.height);
  uint32_t count = uint32_t(std::max(1.0, std::floor(duration * options.fps + 1e-9)));
  PlayStats stats;
  int32_t chapter = -1;
  std::string_view caption;
  // The playhead maps play time onto timeline time: straight through, or looping the attract section until a
  // visitor arrives.
  std::optional<scene::Playhead> playhead;
  if (show) {
    playhead.emplace(show->exhibition.timeline, scene::AtEnd::Hold);
    playhead->seek(options.start);
    if (!options.attract) playhead->visitor_arrived();
  }
  for (uint32_t i = 0; i < count; ++i) {
    double played = double(i) / options.fps;
    Stopwatch frame_time;
    FrameSetup setup;
    if (show) {
      if (options.attract && options.visitor_at >= 0.0 && played >= options.visitor_at &&
          !playhead->visitor_present()) {
        playhead->visitor_arrived();
        log::info("{:7.2f} s  a visitor arrives (played {:.2f} s)", playhead->time(), played);
      }
      double t = playhead->time();
      scene::FrameState state = scene::evaluate(show->exhibition.timeline, show->exhibition.graph, t);
      log_changes(*show, state, &chapter, &caption);
      SceneFrame frame = build_scene_frame(*show, (*frames)->assets(), state, aspect, options.stereo);
      for (const std::string& problem : frame.problems) log::warn("{}", problem);
      if (i == 0)
        for (const std::string& id : frame.missing_relics)
          log::warn("relic '{}' is in the scene but not in the pack: a placeholder stands in its place", id);
      setup = FrameSetup{std::move(frame.views), std::move(frame.lighting), std::move(frame.instances),
                         std::move(frame.joint_matrices)};
      playhead->advance(1.0 / options.fps);
    } else {
      render::FramingOptions framing;
      // Once round over the duration (a zero duration shows the front).
      framing.azimuth = duration > 0.0 ? float(2.0 * M_PI * played / duration) : 0.0f;
      const Aabb& bounds = (*frames)->assets().world_bounds();
      setup = FrameSetup{render::frame_bounds(bounds, aspect, options.stereo, framing),
                         render::studio_lighting(bounds), {}, {}, true};
    }
    stats.cpu_ms += frame_time.elapsed_ms();
    if (Status s = (*frames)->render(setup); !s) return s.error();
    stats.total_ms += frame_time.elapsed_ms();
    ++stats.frames;
  }
  return stats;
}

}  // namespace

int run_play(const PlayOptions& options) {
  if (options.presenter != "auto" && options.presenter != "offscreen") {
    log::error("presenter '{}' is not available in this build (offscreen is; window, kiosk and xr are coming)",
               options.presenter);
    return kExitUsage;
  }
  if (options.presenter == "auto") log::info("presenter: offscreen (no window or headset presenter in this build)");
  if (!(options.fps > 0.0 && options.fps <= 1000.0)) {
    log::error("--fps must be between 0 and 1000");
    return kExitUsage;
  }
  auto input = load_input(options.input);
  if (!input) {
    log::error("{}", input.error().to_string());
    return kExitFailure;
  }
  double duration = options.duration;
  if (duration < 0)
    duration = input->show ? std::max(0.0, input->show->exhibition.timeline.duration - options.start) : 10.0;
  auto session = GpuSession::create();
  if (!session) {
    log::error("{}", session.error().to_string());
    return kExitFailure;
  }
  auto stats = play_frames(session->gpu(), input->pack(), input->show.get(), options, duration);
  uint32_t validation_messages = session->finish();
  if (!stats) {
    log::error("{}: {}", options.input.string(), stats.error().to_string());
    return kExitFailure;
  }
  log::info("played {:.2f} s: {} frames at {}x{}{}; per frame {:.2f} ms CPU, {:.2f} ms in all ({:.1f} fps offscreen)",
            duration, stats->frames, options.width, options.height, options.stereo ? " x2 eyes" : "",
            stats->cpu_ms / stats->frames, stats->total_ms / stats->frames, 1000.0 * stats->frames / stats->total_ms);
  if (validation_messages > 0) {
    log::error("the Vulkan validation layer reported {} message(s) (above): treat as a bug", validation_messages);
    return kExitValidation;
  }
  return kExitOk;
}

}  // namespace liyuan::app
