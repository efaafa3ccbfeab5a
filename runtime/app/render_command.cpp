#include "app/render_command.h"

#include <fmt/format.h>

#include "app/exit_codes.h"
#include "app/gpu_session.h"
#include "app/offscreen_frames.h"
#include "app/scene_frame.h"
#include "app/show.h"
#include "app/show_text.h"
#include "assets/pack_contents.h"
#include "assets/pack_reader.h"
#include "core/clock.h"
#include "core/image_file.h"
#include "core/log.h"
#include "render/framing.h"
#include "scene/timeline_evaluate.h"

namespace liyuan::app {
namespace {

struct RenderedFrame {
  RgbaImage image;
  render::FrameStats stats;
};

// The views and lights of the frame, given the pack's assets on the GPU.
using FrameBuilder = std::function<FrameSetup(const render::GpuAssets& assets)>;

// Everything that needs the GPU, so that every GPU object is gone before the session finishes.
Result<RenderedFrame> render_frame(gpu::Gpu& gpu, const PackContents& contents, const RenderOptions& options,
                                   const FrameBuilder& build) {
  OffscreenFramesDesc desc{options.width, options.height, options.stereo ? 2u : 1u, options.lod};
  auto frames = OffscreenFrames::create(gpu, contents, desc);
  if (!frames) return frames.error();
  if (Status s = (*frames)->render(build((*frames)->assets())); !s) return s.error();
  RenderedFrame rendered;
  rendered.stats = (*frames)->last_stats();
  rendered.image = options.stereo ? join_side_by_side((*frames)->last_views()) : (*frames)->last_views()[0];
  return rendered;
}

// A bare relic: turntable framing under studio lights.
FrameBuilder turntable(const RenderOptions& options) {
  return [&options](const render::GpuAssets& assets) {
    render::FramingOptions framing;
    framing.azimuth = glm::radians(options.turntable_degrees);
    float aspect = float(options.width) / float(options.height);
    return FrameSetup{render::frame_bounds(assets.world_bounds(), aspect, options.stereo, framing),
                      render::studio_lighting(assets.world_bounds()), {}, {}, true};
  };
}

// An exhibition at options.time, with its caption and open panel when TEXT is set. Text that cannot be laid out
// (a full glyph atlas) is left out with a warning: the show goes on.
FrameBuilder exhibition_at(const Show& show, const RenderOptions& options, ShowText* text) {
  return [&show, &options, text](const render::GpuAssets& assets) {
    scene::FrameState state = scene::evaluate(show.exhibition.timeline, show.exhibition.graph, options.time);
    float aspect = float(options.width) / float(options.height);
    SceneFrame frame = build_scene_frame(show, assets, state, aspect, options.stereo);
    for (const std::string& id : frame.missing_relics)
      log::warn("relic '{}' is in the scene but not in the pack: a placeholder stands in its place", id);
    for (const std::string& problem : frame.problems) log::warn("{}", problem);
    FrameSetup setup{std::move(frame.views), std::move(frame.lighting), std::move(frame.instances),
                     std::move(frame.joint_matrices)};
    if (text) {
      auto overlay = text->build(state, setup.views, 0.0);
      if (overlay) setup.text = *overlay;
      else log::warn("captions and panels left out: {}", overlay.error().to_string());
    }
    return setup;
  };
}

// The show's text in options.locale with options.panel open; null when --no-text, or (with a warning naming the
// missing font package) when the fonts cannot be opened: the frame is still rendered. A bad --panel fails.
Result<std::unique_ptr<ShowText>> show_text_for(const Show& show, const RenderOptions& options) {
  if (options.no_text) return std::unique_ptr<ShowText>();
  auto text = ShowText::create(show, options.locale);
  if (!text) {
    log::warn("captions and panels left out: {}", text.error().to_string());
    return std::unique_ptr<ShowText>();
  }
  if (!options.panel.empty()) {
    if (Status s = (*text)->open_panel(options.panel); !s) return Error{"--panel: " + s.error().message, {}};
  }
  return text;
}

}  // namespace

int run_render(const RenderOptions& options) {
  Stopwatch total;
  auto input = load_input(options.input);
  if (!input) {
    log::error("{}", input.error().to_string());
    return kExitFailure;
  }
  std::unique_ptr<ShowText> text;
  if (input->show) {
    auto made = show_text_for(*input->show, options);
    if (!made) {
      log::error("{}", made.error().to_string());
      return kExitFailure;
    }
    text = std::move(*made);
  } else if (!options.panel.empty()) {
    log::error("--panel needs an exhibition; {} is a bare relic", options.input.string());
    return kExitUsage;
  }
  auto session = GpuSession::create();
  if (!session) {
    log::error("{}", session.error().to_string());
    return kExitFailure;
  }
  auto rendered = render_frame(session->gpu(), input->pack(), options,
                               input->show ? exhibition_at(*input->show, options, text.get()) : turntable(options));
  uint32_t validation_messages = session->finish();
  if (!rendered) {
    log::error("{}: {}", options.input.string(), rendered.error().to_string());
    return kExitFailure;
  }
  if (Status s = write_png(options.out, rendered->image); !s) {
    log::error("{}", s.error().to_string());
    return kExitFailure;
  }
  std::string lods;
  for (uint32_t l = 0; l < 8; ++l)
    if (rendered->stats.draws_per_lod[l])
      lods += fmt::format("{}LOD {} x{}", lods.empty() ? "" : ", ", l, rendered->stats.draws_per_lod[l]);
  log::info("wrote {} ({}x{}{}, {} draws ({}), {} triangles, {:.0f} ms)", options.out.string(), rendered->image.width,
            rendered->image.height, options.stereo ? ", left|right" : "", rendered->stats.drawn, lods,
            rendered->stats.triangles, total.elapsed_ms());
  if (validation_messages > 0) {
    log::error("the Vulkan validation layer reported {} message(s) (above): treat as a bug", validation_messages);
    return kExitValidation;
  }
  return kExitOk;
}

}  // namespace liyuan::app
