#include "present/kiosk/kiosk_state.h"

#include <fmt/format.h>

namespace liyuan::present {

const char* kiosk_state_name(KioskState state) {
  switch (state) {
    case KioskState::Attract:
      return "attract";
    case KioskState::LanguageChoice:
      return "language";
    case KioskState::Active:
      return "active";
  }
  return "?";
}

KioskStateMachine::KioskStateMachine(std::vector<std::string> locales, const KioskTimings& timings, double now)
    : locales_(std::move(locales)), timings_(timings), last_input_(now), last_reason_("started") {}

const std::string& KioskStateMachine::highlighted_locale() const {
  static const std::string none;
  return locales_.empty() ? none : locales_[highlighted_];
}

void KioskStateMachine::start_visit(double now, std::vector<InputEvent>& out) {
  state_ = KioskState::Active;
  visit_started_ = now;
  ++visits_;
  if (!locales_.empty()) {
    InputEvent locale{Command::SetLocale};
    locale.text = locales_[highlighted_];
    out.push_back(locale);
  }
  out.push_back(InputEvent{Command::VisitorArrived});
}

void KioskStateMachine::back_to_attract(double now, std::string reason, std::vector<InputEvent>& out) {
  if (state_ == KioskState::Active) out.push_back(InputEvent{Command::VisitorLeft});
  state_ = KioskState::Attract;
  highlighted_ = 0;
  last_input_ = now;
  last_reason_ = std::move(reason);
}

std::vector<InputEvent> KioskStateMachine::step(double now, const VisitorAction& action) {
  std::vector<InputEvent> out;
  bool input = action.touched || action.choose != 0 || action.confirm;
  switch (state_) {
    case KioskState::Attract:
      if (!input) break;
      last_input_ = now;
      last_reason_ = "a visitor touched the kiosk";
      if (locales_.size() > 1) {
        state_ = KioskState::LanguageChoice;
        highlighted_ = 0;
      } else {
        start_visit(now, out);
      }
      break;
    case KioskState::LanguageChoice:
      if (input) {
        last_input_ = now;
        if (!locales_.empty() && action.choose != 0) {
          long n = long(locales_.size());
          highlighted_ = size_t(((long(highlighted_) + action.choose) % n + n) % n);
        }
        if (action.confirm) {
          last_reason_ = fmt::format("language chosen: {}", highlighted_locale());
          start_visit(now, out);
        }
      } else if (now - last_input_ >= timings_.language_timeout) {
        back_to_attract(now, fmt::format("nobody chose a language for {:.0f} s", timings_.language_timeout), out);
      }
      break;
    case KioskState::Active:
      if (input) last_input_ = now;
      if (now - visit_started_ >= timings_.session_limit) {
        ++ended_session_limit_;
        back_to_attract(now, fmt::format("the visit reached the session limit of {:.0f} s", timings_.session_limit),
                        out);
      } else if (!input && now - last_input_ >= timings_.idle_timeout) {
        ++ended_idle_;
        back_to_attract(now, fmt::format("no input for {:.0f} s", timings_.idle_timeout), out);
      }
      break;
  }
  return out;
}

}  // namespace liyuan::present
