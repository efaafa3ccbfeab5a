#include "app/presenter_choice.h"

#include <cstdlib>

#include "app/exit_codes.h"
#include "core/log.h"
#include "present/offscreen/offscreen_presenter.h"
#ifdef LIYUAN_WITH_OPENXR
#include "present/openxr/xr_presenter.h"
#include "present/openxr/xr_result.h"
#endif
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

#ifdef LIYUAN_WITH_OPENXR
namespace {

// One line saying why there is no headset: the XrResult, and how to point the loader at a runtime.
std::string no_headset_line(const present::xr::XrUnavailable& why) {
  const char* result = present::xr::xr_result_name(why.result);
  if (why.result == XR_ERROR_RUNTIME_UNAVAILABLE || why.result == XR_ERROR_RUNTIME_FAILURE) {
    if (const char* manifest = std::getenv("XR_RUNTIME_JSON"); manifest && *manifest)
      return fmt::format("no OpenXR runtime ({}): XR_RUNTIME_JSON={} gave none (LIYUAN_LOG=debug shows the "
                         "loader's reasons)",
                         result, manifest);
    return fmt::format("no OpenXR runtime ({}): set XR_RUNTIME_JSON to a runtime's manifest (e.g. Monado's)", result);
  }
  if (why.result == XR_ERROR_FORM_FACTOR_UNAVAILABLE)
    return fmt::format("no headset ({}): connect and wake the headset, or set XR_RUNTIME_JSON to another runtime",
                       result);
  return fmt::format("the OpenXR runtime cannot drive a headset ({}: {}): set XR_RUNTIME_JSON to another runtime",
                     result, why.call);
}

}  // namespace
#endif

ChosenPresenter choose_presenter(const PresenterRequest& request) {
  ChosenPresenter chosen;
#ifdef LIYUAN_WITH_OPENXR
  if (request.name == "xr" || request.name == "auto") {
    present::XrPresenterOptions options{request.snap_turn_degrees, request.absent_after_still};
    present::xr::XrUnavailable why;
    chosen.presenter = present::XrPresenter::connect(options, why);
    if (chosen.presenter) return chosen;
    if (request.name == "xr") {
      log::error("{}", no_headset_line(why));
      chosen.failure_exit_code = kExitUsage;
      return chosen;
    }
    log::warn("{}, falling back to a window or offscreen", no_headset_line(why));
  }
#endif
  if (request.name != "auto" && request.name != "offscreen" && request.name != "window" && request.name != "kiosk") {
    log::error("presenter '{}' is not available in this build (xr, window, kiosk and offscreen are)", request.name);
    chosen.failure_exit_code = kExitUsage;
    return chosen;
  }
  if (request.name != "offscreen") {
    auto opened = open_display_presenter(request);
    if (opened) {
      if (request.name == "auto") log::info("presenter: window");
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
