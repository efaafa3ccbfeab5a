#include "app/play_command.h"

#include "app/exit_codes.h"
#include "app/frame_loop.h"
#include "app/gpu_session.h"
#include "app/presenter_choice.h"
#include "app/show.h"
#include "app/show_player.h"
#include "core/log.h"

namespace liyuan::app {

int run_play(const PlayOptions& options) {
  if (!(options.fps > 0.0 && options.fps <= 1000.0)) {
    log::error("--fps must be between 0 and 1000");
    return kExitUsage;
  }
  PresenterRequest request{options.presenter, options.width,      options.height, options.stereo,
                           options.fps,       options.fixed_step, options.vsync,  options.kiosk};
  ChosenPresenter chosen = choose_presenter(request);
  if (!chosen.presenter) return chosen.failure_exit_code;
  present::Presenter& presenter = *chosen.presenter;

  auto input = load_input(options.input);
  if (!input) {
    log::error("{}", input.error().to_string());
    return kExitFailure;
  }
  bool kiosk = std::string_view(presenter.name()) == "kiosk";
  double duration = options.duration;
  if (duration < 0 && !kiosk)  // a kiosk plays until the operator stops it
    duration = input->show ? std::max(0.0, input->show->exhibition.timeline.duration - options.start) : 10.0;

  auto session = GpuSession::create(presenter);
  if (!session) {
    log::error("{}", session.error().to_string());
    return kExitFailure;
  }
  ShowPlayerOptions player_options;
  player_options.start = options.start;
  player_options.attract = options.attract || kiosk;
  player_options.loop = kiosk;
  player_options.visitor_at = options.visitor_at;
  player_options.turntable_seconds = duration > 0.0 ? duration : 10.0;
  player_options.locale = options.locale;
  ShowPlayer player(input->show.get(), player_options);
  FrameLoopOptions loop;
  loop.duration = duration;

  Result<LoopStats> stats = make_error("the presenter did not start");
  if (Status s = presenter.init(session->gpu()); !s) {
    stats = s.error();
  } else {
    stats = run_frame_loop(session->gpu(), presenter, input->pack(), player, loop);
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
              player.played(), presenter.name(), stats->rendered, options.width, options.height,
              options.stereo ? " x2 eyes" : "", stats->cpu_ms / stats->frames, stats->total_ms / stats->frames,
              1000.0 * stats->frames / stats->total_ms);
  }
  if (validation_messages > 0) {
    log::error("the Vulkan validation layer reported {} message(s) (above): treat as a bug", validation_messages);
    return kExitValidation;
  }
  return kExitOk;
}

}  // namespace liyuan::app
