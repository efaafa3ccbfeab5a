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
  ChosenPresenter chosen =
      choose_presenter(PresenterRequest{options.presenter, options.width, options.height, options.stereo, options.fps,
                                        options.snap_turn_degrees, options.absent_after_still});
  if (!chosen.presenter) return chosen.failure_exit_code;
  present::Presenter& presenter = *chosen.presenter;

  auto input = load_input(options.input);
  if (!input) {
    log::error("{}", input.error().to_string());
    return kExitFailure;
  }
  double duration = options.duration;
  if (duration < 0)
    duration = input->show ? std::max(0.0, input->show->exhibition.timeline.duration - options.start) : 10.0;

  auto session = GpuSession::create(presenter);
  if (!session) {
    log::error("{}", session.error().to_string());
    return kExitFailure;
  }
  ShowPlayerOptions player_options;
  player_options.start = options.start;
  player_options.attract = options.attract;
  player_options.visitor_at = options.visitor_at;
  player_options.turntable_seconds = duration;
  player_options.locale = options.locale;
  player_options.comfort.seated = options.seated;
  ShowPlayer player(input->show.get(), player_options);
  FrameLoopOptions loop;
  loop.duration = duration;
  loop.reset_after_absent = options.reset_after;

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
              player.played(), presenter.name(), stats->rendered, stats->width, stats->height,
              options.stereo || std::string_view(presenter.name()) == "xr" ? " x2 eyes" : "",
              stats->cpu_ms / stats->frames, stats->total_ms / stats->frames,
              1000.0 * stats->frames / stats->total_ms);
  }
  if (validation_messages > 0) {
    log::error("the Vulkan validation layer reported {} message(s) (above): treat as a bug", validation_messages);
    return kExitValidation;
  }
  return kExitOk;
}

}  // namespace liyuan::app
