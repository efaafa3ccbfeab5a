#include "app/frame_loop.h"

#include <memory>

#include <fmt/format.h>

#include "core/clock.h"
#include "core/log.h"
#include "render/gpu_assets.h"
#include "render/renderer.h"

namespace liyuan::app {
namespace {

// The renderer and the pack's GPU assets, made for the first frame's target.
struct Drawing {
  std::unique_ptr<render::Renderer> renderer;
  std::unique_ptr<render::GpuAssets> assets;
};

Status prepare_drawing(gpu::Gpu& gpu, const PackContents& contents, const present::PresenterFrame& frame,
                       int forced_lod, Drawing& drawing) {
  const gpu::ImageDesc& target = frame.target->desc;
  if (drawing.renderer) {
    const render::RendererDesc& desc = drawing.renderer->desc();
    if (desc.view_count != frame.view_count || desc.output_format != target.format)
      return make_error("the presenter changed its view count or format mid-show");
    if (Status s = drawing.renderer->resize(target.width, target.height); !s) return s.error();
  } else {
    render::RendererDesc desc;
    desc.width = target.width;
    desc.height = target.height;
    desc.view_count = frame.view_count;
    desc.output_format = target.format;
    desc.forced_lod = forced_lod;
    auto renderer = render::Renderer::create(gpu, desc);
    if (!renderer) return renderer.error();
    drawing.renderer = std::move(*renderer);
  }
  if (drawing.assets) return {};
  auto assets = render::GpuAssets::upload(gpu, contents, drawing.renderer->material_layout());
  if (!assets) return assets.error();
  drawing.assets = std::move(*assets);
  return {};
}

// Keeps AUDIO in step with PLAYER for the PERIOD until the next frame, heard from LISTENER_VIEWS.
void update_sound(ShowAudio& audio, ShowPlayer& player, std::span<const render::View> listener_views, double period) {
  const scene::FrameState* state = player.evaluate();
  if (!state) return;
  if (audio.locale() != player.locale()) audio.set_locale(player.locale());
  audio.update(*state, *player.playhead(), listener_from_views(listener_views), period);
}

// The caption and open panel for PLAYER's state, seen from VIEWS, DT after the last; null (and a warning) when text
// cannot be laid out: the picture goes on without it.
const render::TextOverlay* show_text(ShowText& text, const ShowPlayer& player, const present::Presenter& presenter,
                                     std::span<const render::View> views, double dt, const LoopStats& stats) {
  const scene::FrameState* state = player.state() ? &*player.state() : nullptr;
  if (!state) return nullptr;
  if (text.locale() != player.locale()) (void)text.set_locale(player.locale());
  if (player.open_panel() != text.panel()) text.show_panel(player.open_panel());
  // The notice: the last reload error, the heads-up display when it is on, and what the presenter asks the visitor.
  std::string notice = player.status_message();
  const bool alert = !notice.empty();
  if (player.hud()) {
    if (!notice.empty()) notice += "\n";
    notice += fmt::format("{:.2f} s{}  ·  {}  ·  {:.1f} ms per frame", player.timeline_time(),
                          player.paused() ? " (paused)" : "",
                          player.chapter() >= 0 ? player.chapter_name() : std::string("before the first chapter"),
                          stats.frames ? stats.total_ms / stats.frames : 0.0);
  }
  if (std::string prompt = presenter.prompt(); !prompt.empty()) {
    if (!notice.empty()) notice += "\n";
    notice += prompt;
  }
  text.set_notice(std::move(notice), alert);
  auto overlay = text.build(*state, views, dt);
  if (!overlay) {
    log::warn("captions and panels left out of this frame: {}", overlay.error().to_string());
    return nullptr;
  }
  return *overlay;
}

// Draws PLAYER's frame into FRAME's target (the text laid out TEXT_DT seconds after it last was) and tells the
// presenter what was drawn; returns the views drawn.
Result<std::vector<render::View>> draw(gpu::Gpu& gpu, present::Presenter& presenter, const PackContents& pack,
                                       const present::PresenterFrame& frame, ShowPlayer& player,
                                       const FrameLoopOptions& options, double text_dt, Drawing& drawing,
                                       LoopStats& stats) {
  if (Status s = prepare_drawing(gpu, pack, frame, options.forced_lod, drawing); !s) return s.error();
  const gpu::ImageDesc& target = frame.target->desc;
  stats.width = target.width;
  stats.height = target.height;
  FrameSetup setup = player.frame(*drawing.assets, frame.device_views, float(target.width) / float(target.height),
                                  frame.view_count, frame.views_in_world);
  if (options.text) setup.text = show_text(*options.text, player, presenter, setup.views, text_dt, stats);
  render::FrameInput input{setup.views, &setup.lighting, drawing.assets.get(), setup.instances,
                           setup.joint_matrices, setup.pack_instances, setup.text};
  input.fade = setup.fade;
  input.vignette = setup.vignette;
  // Depth for a compositor only where the renderer resolves it (not with one pass per view on lavapipe).
  input.depth_output = drawing.renderer->resolves_depth_output() ? frame.depth_target : nullptr;
  input.near_plane = frame.near_plane;
  if (Status s = drawing.renderer->record(frame.commands, input, *frame.target, frame.target_use,
                                          frame.target_use_after);
      !s)
    return s.error();
  presenter.on_frame_drawn(present::DrawnFrame{setup.views, player.timeline_time(), player.chapter(),
                                               player.chapter_name(), player.paused(), player.hud(),
                                               player.visitor_present(), player.locale(), player.locales(),
                                               input.depth_output != nullptr});
  return std::move(setup.views);
}

// Nobody there (the headset is off, or the session lost focus) holds the show; after RESET_AFTER seconds of absence
// it starts again, and the next visitor to arrive sets it going.
struct Presence {
  double absent_for = 0.0;
  bool reset_while_away = false;

  void update(const present::PresenterEvents& events, double dt, double reset_after, ShowPlayer& player) {
    bool away = events.visitor_absent || events.focus_lost;
    player.hold(away);
    absent_for = events.visitor_absent ? absent_for + dt : 0.0;
    if (events.visitor_absent && absent_for >= reset_after && player.visitor_present()) {
      log::info("nobody has been here for {:.0f} s: the show starts again", absent_for);
      player.apply(present::InputEvent{present::Command::VisitorLeft});
      reset_while_away = true;
    }
    if (!away && reset_while_away) {  // the headset is back on: the show starts for this visitor
      player.apply(present::InputEvent{present::Command::VisitorArrived});
      reset_while_away = false;
    }
  }
};

}  // namespace

Result<LoopStats> run_frame_loop(gpu::Gpu& gpu, present::Presenter& presenter, const PackContents& contents,
                                 ShowPlayer& player, const FrameLoopOptions& options) {
  Drawing drawing;
  LoopStats stats;
  double previous_display_time = 0.0;
  Presence presence;
  double text_dt = 0.0;           // seconds since the text was last laid out
  const PackContents* pack = &contents;
  std::vector<render::View> listener_views;  // the last views drawn: where the visitor hears from
  for (;;) {
    if (options.before_frame) {
      auto swap = options.before_frame();
      if (!swap) return swap.error();
      if (swap->pack) pack = swap->pack;
      if (swap->assets_changed) drawing.assets.reset();  // waits for the GPU; uploaded again for the next drawing
    }
    Stopwatch frame_time;
    auto frame = presenter.begin_frame();
    if (!frame) return frame.error();
    double dt = stats.frames == 0 ? 0.0 : std::max(0.0, frame->display_time - previous_display_time);
    previous_display_time = frame->display_time;
    player.advance(dt);
    // Stop at the first frame past the duration; the frame still goes back to the presenter, drawn or not.
    bool done = stats.frames > 0 && ((options.duration >= 0.0 && player.played() >= options.duration - 1e-9) ||
                                     (options.until_timeline_end && player.finished()));
    bool render = frame->should_render && !done;
    text_dt += dt;
    if (render) {
      auto drawn = draw(gpu, presenter, *pack, *frame, player, options, text_dt, drawing, stats);
      if (!drawn) {
        (void)presenter.end_frame(false);  // a frame that fails half way still goes back to the presenter, undrawn
        return drawn.error();
      }
      listener_views = std::move(*drawn);
      text_dt = 0.0;
    }
    if (options.audio && !done) update_sound(*options.audio, player, listener_views, frame->display_period);
    stats.cpu_ms += frame_time.elapsed_ms();
    auto events = presenter.end_frame(render);
    if (!events) return events.error();
    stats.total_ms += frame_time.elapsed_ms();
    ++stats.frames;
    if (render) ++stats.rendered;
    if (render && options.after_frame)
      if (Status s = options.after_frame(stats.rendered - 1); !s) return s.error();
    for (const present::InputEvent& event : events->input) {
      int32_t panel_before = player.open_panel();
      player.apply(event);
      if (event.command == present::Command::Select && player.open_panel() >= 0 && player.open_panel() != panel_before)
        presenter.on_hotspot_selected();
    }
    presence.update(*events, dt, options.reset_after_absent, player);
    if (events->quit || done) break;
  }
  return stats;
}

}  // namespace liyuan::app
