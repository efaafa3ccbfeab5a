#include "app/presenter_choice.h"

#include "app/exit_codes.h"
#include "core/log.h"
#include "present/offscreen/offscreen_presenter.h"
#include "present/window/window_presenter.h"

namespace liyuan::app {
namespace {

// Opens the window or kiosk presenter REQUEST names (`auto`: a window).
Result<std::unique_ptr<present::Presenter>> open_display_presenter(const PresenterRequest& request) {
  present::WindowDesc window;
  window.width = request.stereo ? request.width * 2 : request.width;
  window.height = request.height;
  window.stereo = request.stereo;
  window.vsync = request.vsync;
  window.fixed_fps = request.fixed_step ? request.fps : 0.0;
  if (request.name == "kiosk") {
    present::KioskDesc kiosk = request.kiosk;
    kiosk.window = window;
    auto opened = present::KioskPresenter::open(kiosk);
    if (!opened) return opened.error();
    return std::unique_ptr<present::Presenter>(std::move(*opened));
  }
  auto opened = present::WindowPresenter::open(window);
  if (!opened) return opened.error();
  return std::unique_ptr<present::Presenter>(std::move(*opened));
}

}  // namespace

ChosenPresenter choose_presenter(const PresenterRequest& request) {
  ChosenPresenter chosen;
  if (request.name != "auto" && request.name != "offscreen" && request.name != "window" && request.name != "kiosk") {
    log::error("presenter '{}' is not available in this build (window, kiosk and offscreen are)", request.name);
    chosen.failure_exit_code = kExitUsage;
    return chosen;
  }
  if (request.name != "offscreen") {
    auto opened = open_display_presenter(request);
    if (opened) {
      if (request.name == "auto") log::info("presenter: window (no headset presenter in this build)");
      chosen.presenter = std::move(*opened);
      return chosen;
    }
    if (request.name != "auto") {
      log::error("{}: run under X (or Xvfb), or use --presenter offscreen", opened.error().to_string());
      chosen.failure_exit_code = kExitUsage;
      return chosen;
    }
    log::info("presenter: offscreen ({})", opened.error().to_string());
  }
  present::OffscreenDesc desc{request.width, request.height, request.stereo ? 2u : 1u, request.fps};
  chosen.presenter = std::make_unique<present::OffscreenPresenter>(desc);
  return chosen;
}

}  // namespace liyuan::app
