// The one place that picks a presenter: the one asked for, or with `auto` the best available — a headset when an
// OpenXR runtime answers, else a window when there is a display, else offscreen — saying in one line why each
// better one was passed over.
#pragma once

#include <memory>
#include <string>

#include "core/error.h"
#include "present/kiosk/kiosk_presenter.h"
#include "present/presenter.h"

namespace liyuan::app {

struct PresenterRequest {
  std::string name = "auto";  // auto | xr | window | kiosk | offscreen
  uint32_t width = 1280;      // offscreen image / window size (per eye with stereo)
  uint32_t height = 720;
  bool stereo = false;        // both eyes (offscreen, window side by side)
  double fps = 30.0;          // offscreen: frames per second of display time
  bool fixed_step = false;    // window and kiosk: display time advances by 1 / fps per frame, not by the clock
  bool vsync = true;          // window and kiosk
  present::KioskDesc kiosk;   // kiosk: timings, log and status files (its window is made from the fields above)
  double snap_turn_degrees = 30.0;   // headset: one snap turn
  double absent_after_still = 20.0;  // headset: a head this long perfectly still means nobody wears it (0: never)
};

struct ChosenPresenter {
  std::unique_ptr<present::Presenter> presenter;
  int failure_exit_code = 0;  // set with no presenter: the exit status to leave with (usage, or unavailable)
};

// Makes the presenter REQUEST names (see the file comment for `auto`). A presenter asked for by name that cannot
// start is an error (exit status 2) after one line saying why; `auto` falls back instead.
ChosenPresenter choose_presenter(const PresenterRequest& request);

}  // namespace liyuan::app
