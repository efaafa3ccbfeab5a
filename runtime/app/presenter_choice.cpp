#include "app/presenter_choice.h"

#include "app/exit_codes.h"
#include "core/log.h"
#include "present/offscreen/offscreen_presenter.h"

namespace liyuan::app {

ChosenPresenter choose_presenter(const PresenterRequest& request) {
  ChosenPresenter chosen;
  if (request.name != "auto" && request.name != "offscreen") {
    log::error("presenter '{}' is not available in this build (offscreen is)", request.name);
    chosen.failure_exit_code = kExitUsage;
    return chosen;
  }
  if (request.name == "auto") log::info("presenter: offscreen (no window or headset presenter in this build)");
  present::OffscreenDesc desc{request.width, request.height, request.stereo ? 2u : 1u, request.fps};
  chosen.presenter = std::make_unique<present::OffscreenPresenter>(desc);
  return chosen;
}

}  // namespace liyuan::app
