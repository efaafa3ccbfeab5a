// The kiosk's life as a pure state machine, so it can be tested without a screen:
//
//   attract ──touch──► language choice ──confirm──► active ──no input for idle_timeout──► attract
//      ▲                    │ (one locale: straight to active)   └──session_limit reached────────► attract
//      └──no input for language_timeout──┘
//
// Time is given, never read: step(now, action) with `now` in seconds on any monotonic clock. The machine answers with
// the show's commands (present/input.h): VisitorArrived and SetLocale when a visitor starts, VisitorLeft when the
// kiosk goes back to the attract loop.
#pragma once

#include <string>
#include <vector>

#include "present/input.h"

namespace liyuan::present {

enum class KioskState { Attract, LanguageChoice, Active };

// "attract", "language", "active".
const char* kiosk_state_name(KioskState state);

struct KioskTimings {
  double idle_timeout = 60.0;      // seconds without input in a visit before the attract loop returns
  double session_limit = 900.0;    // seconds a visit may last at most, input or not
  double language_timeout = 30.0;  // seconds without input on the language choice before the attract loop returns
};

// What a visitor did since the last step.
struct VisitorAction {
  bool touched = false;  // any key, button, movement or gamepad input (it counts as presence)
  int choose = 0;        // on the language choice: move by this many locales (+1 next, -1 previous)
  bool confirm = false;  // on the language choice: take the highlighted locale
};

class KioskStateMachine {
 public:
  // A kiosk offering LOCALES (default first; may be empty: no choice to make), starting in the attract loop at NOW.
  KioskStateMachine(std::vector<std::string> locales, const KioskTimings& timings, double now);

  // Moves the machine to NOW with ACTION and returns the commands for the show, in order.
  std::vector<InputEvent> step(double now, const VisitorAction& action);

  KioskState state() const { return state_; }
  // The locale highlighted on the language choice, and chosen once active ("" without locales).
  const std::string& highlighted_locale() const;
  // Visits begun so far, and how many of them ended by each cause.
  uint32_t visits() const { return visits_; }
  uint32_t ended_idle() const { return ended_idle_; }
  uint32_t ended_session_limit() const { return ended_session_limit_; }
  // Why the machine last changed state, for the log ("a visitor touched the kiosk", "idle for 60 s", …).
  const std::string& last_reason() const { return last_reason_; }

 private:
  void start_visit(double now, std::vector<InputEvent>& out);
  void back_to_attract(double now, std::string reason, std::vector<InputEvent>& out);

  std::vector<std::string> locales_;
  KioskTimings timings_;
  KioskState state_ = KioskState::Attract;
  size_t highlighted_ = 0;
  double last_input_ = 0.0;
  double visit_started_ = 0.0;
  uint32_t visits_ = 0;
  uint32_t ended_idle_ = 0;
  uint32_t ended_session_limit_ = 0;
  std::string last_reason_;
};

}  // namespace liyuan::present
