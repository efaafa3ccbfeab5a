#include "app/play_command.h"

#include <string_view>

#include "app/exit_codes.h"
#include "app/frame_loop.h"
#include "app/gpu_session.h"
#include "app/presenter_choice.h"
#include "app/show.h"
#include "app/show_player.h"
#include "app/show_reload.h"
#include "core/log.h"

namespace liyuan::app {

int run_play(const PlayOptions& options) {
  if (!(options.fps > 0.0 && options.fps <= 1000.0)) {
    log::error("--fps must be between 0 and 1000");
    return kExitUsage;
  }
  if (options.watch && !is_scene_path(options.input)) {
    log::error("--watch reloads exhibition sources: give it an exhibition.yaml, not a pack");
    return kExitUsage;
  }
  PresenterRequest request{options.presenter, options.width,      options.height, options.stereo,
                           options.fps,       options.fixed_step, options.vsync,  options.kiosk};
  request.snap_turn_degrees = options.snap_turn_degrees;
  request.absent_after_still = options.absent_after_still;
  ChosenPresenter chosen = choose_presenter(request);
  if (!chosen.presenter) return chosen.failure_exit_code;
  return play_on(options, std::move(chosen.presenter));
}

int play_on(const PlayOptions& options, std::unique_ptr<present::Presenter> chosen_presenter) {
  present::Presenter& presenter = *chosen_presenter;

  auto input = load_input(options.input);
  if (!input) {
    log::error("{}", input.error().to_string());
    return kExitFailure;
  }
  bool kiosk = std::string_view(presenter.name()) == "kiosk";
  double duration = options.duration;
  // Without --duration a show plays to the end of its timeline (however long it is paused or held on the way), a
  // bare relic turns once in 10 s, and a kiosk plays until the operator stops it.
  bool to_timeline_end = duration < 0 && input->show && !kiosk;
  if (duration < 0 && !kiosk && !input->show) duration = 10.0;
  // A curator editing in a window keeps watching past the end; offscreen, nobody could close it.
  bool until_closed = options.watch && options.duration < 0 && std::string_view(presenter.name()) != "offscreen";
  std::unique_ptr<ShowReload> reload;
  if (options.watch) {
    auto created = ShowReload::create(options.input, std::move(input->show));
    if (!created) {
      log::error("{}", created.error().to_string());
      return kExitFailure;
    }
    reload = std::move(*created);
  }
  const Show* show = reload ? &reload->show() : input->show.get();
  const PackContents& pack = reload ? reload->show().contents : input->pack();

  auto session = GpuSession::create(presenter);
  if (!session) {
    log::error("{}", session.error().to_string());
    return kExitFailure;
  }
  ShowPlayerOptions player_options;
  player_options.start = options.start;
  player_options.attract = options.attract || kiosk || options.visitor_at >= 0.0;
  player_options.loop = kiosk;
  player_options.visitor_at = options.visitor_at;
  player_options.turntable_seconds = duration > 0.0 ? duration : 10.0;
  player_options.locale = options.locale;
  player_options.comfort.seated = options.seated;
  ShowPlayer player(show, player_options);
  FrameLoopOptions loop;
  loop.duration = until_closed ? -1.0 : duration;
  loop.until_timeline_end = to_timeline_end && !until_closed;
  loop.reset_after_absent = options.reset_after;

  // Sound: a show's narration, sources and beds; a bare relic is silent. Without any output the show goes on.
  ShowAudioOptions audio_options{options.audio, player.locale()};
  audio_options.hrtf = std::string_view(presenter.name()) == "xr";  // a headset: sound placed by HRTF
  std::unique_ptr<ShowAudio> audio;
  auto open_audio = [&](const Show& playing) {
    audio.reset();
    auto opened = ShowAudio::create(playing, audio_options);
    if (opened) audio = std::move(*opened);
    else log::warn("no sound: {}", opened.error().to_string());
    loop.audio = audio.get();
  };
  if (show && options.audio != AudioOutput::Off) open_audio(*show);
  // Captions and relic panels in the visitor's language. Without fonts the show goes on without text.
  std::unique_ptr<ShowText> text;
  auto open_text = [&](const Show& playing) {
    text.reset();
    auto opened = ShowText::create(playing, player.locale());
    if (opened) text = std::move(*opened);
    else log::warn("no captions or panels: {}", opened.error().to_string());
    loop.text = text.get();
  };
  if (show) open_text(*show);
  if (reload) {
    // A reloaded show brings its own strings and pack: its text and sound are opened again from it (both read the
    // show in place).
    loop.before_frame = [&, hook = hot_reload_hook(*reload, player)]() -> Result<PackSwap> {
      auto swap = hook();
      if (swap && swap->pack) {
        open_text(reload->show());
        if (options.audio != AudioOutput::Off) open_audio(reload->show());
      }
      return swap;
    };
  }

  Result<LoopStats> stats = make_error("the presenter did not start");
  if (Status s = presenter.init(session->gpu()); !s) {
    stats = s.error();
  } else {
    stats = run_frame_loop(session->gpu(), presenter, pack, player, loop);
  }
  presenter.shutdown();
  uint32_t validation_messages = session->finish();
  if (!stats) {
    log::error("{}: {}", options.input.string(), stats.error().to_string());
    return kExitFailure;
  }
  if (stats->rendered > 0) {
    log::info("played {:.2f} s on the {} presenter: {} frames at {}x{}{}; per frame {:.2f} ms CPU, {:.2f} ms in all "
              "({:.1f} fps)",
              player.played(), presenter.name(), stats->rendered, stats->width, stats->height,
              options.stereo || std::string_view(presenter.name()) == "xr" ? " x2 eyes" : "",
              stats->cpu_ms / stats->frames, stats->total_ms / stats->frames,
              1000.0 * stats->frames / stats->total_ms);
  }
  if (reload)
    log::info("hot reload: {} edit(s) applied, {} refused", reload->stats().reloads, reload->stats().failures);
  if (validation_messages > 0) {
    log::error("the Vulkan validation layer reported {} message(s) (above): treat as a bug", validation_messages);
    return kExitValidation;
  }
  return kExitOk;
}

}  // namespace liyuan::app
