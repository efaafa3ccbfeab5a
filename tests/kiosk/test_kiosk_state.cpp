// The kiosk state machine: attract → language choice → active → idle → attract, the session limit, and the show's
// commands at each step. Time is handed in, so every case is exact.
#include <gtest/gtest.h>

#include "present/kiosk/kiosk_state.h"

namespace liyuan::present {
namespace {

const std::vector<std::string> kLocales = {"en", "zh-Hans", "fr"};

VisitorAction touch() {
  return VisitorAction{true, 0, false};
}
VisitorAction choose(int by) {
  return VisitorAction{true, by, false};
}
VisitorAction confirm() {
  return VisitorAction{true, 0, true};
}
VisitorAction nothing() {
  return VisitorAction{};
}

KioskTimings timings() {
  KioskTimings t;
  t.idle_timeout = 60.0;
  t.session_limit = 600.0;
  t.language_timeout = 20.0;
  return t;
}

std::vector<Command> commands_of(const std::vector<InputEvent>& events) {
  std::vector<Command> out;
  for (const InputEvent& e : events) out.push_back(e.command);
  return out;
}

TEST(KioskState, AttractLanguageActiveIdleAndBackToAttract) {
  KioskStateMachine kiosk(kLocales, timings(), 0.0);
  EXPECT_EQ(kiosk.state(), KioskState::Attract);
  EXPECT_TRUE(kiosk.step(100.0, nothing()).empty()) << "the attract loop waits, however long";
  EXPECT_EQ(kiosk.state(), KioskState::Attract);

  EXPECT_TRUE(kiosk.step(101.0, touch()).empty()) << "a touch opens the language choice; the show waits";
  EXPECT_EQ(kiosk.state(), KioskState::LanguageChoice);
  EXPECT_EQ(kiosk.highlighted_locale(), "en");

  EXPECT_TRUE(kiosk.step(102.0, choose(+1)).empty());
  EXPECT_EQ(kiosk.highlighted_locale(), "zh-Hans");
  auto started = kiosk.step(103.0, confirm());
  ASSERT_EQ(commands_of(started), (std::vector<Command>{Command::SetLocale, Command::VisitorArrived}));
  EXPECT_EQ(started[0].text, "zh-Hans");
  EXPECT_EQ(kiosk.state(), KioskState::Active);
  EXPECT_EQ(kiosk.visits(), 1u);

  EXPECT_TRUE(kiosk.step(150.0, touch()).empty()) << "input keeps the visit going";
  EXPECT_TRUE(kiosk.step(209.9, nothing()).empty()) << "59.9 s idle: not yet";
  EXPECT_EQ(kiosk.state(), KioskState::Active);
  auto left = kiosk.step(210.0, nothing());
  EXPECT_EQ(commands_of(left), (std::vector<Command>{Command::VisitorLeft}));
  EXPECT_EQ(kiosk.state(), KioskState::Attract);
  EXPECT_EQ(kiosk.ended_idle(), 1u);
  EXPECT_TRUE(kiosk.step(400.0, nothing()).empty()) << "VisitorLeft is said once";
}

TEST(KioskState, LanguageChoiceWrapsBothWaysAndStartsFromTheDefaultEachVisit) {
  KioskStateMachine kiosk(kLocales, timings(), 0.0);
  kiosk.step(1.0, touch());
  kiosk.step(2.0, choose(-1));
  EXPECT_EQ(kiosk.highlighted_locale(), "fr");
  kiosk.step(3.0, choose(+2));
  EXPECT_EQ(kiosk.highlighted_locale(), "zh-Hans");
  kiosk.step(4.0, confirm());
  kiosk.step(100.0, nothing());  // idle: back to attract
  ASSERT_EQ(kiosk.state(), KioskState::Attract);
  kiosk.step(101.0, touch());
  EXPECT_EQ(kiosk.highlighted_locale(), "en") << "the next visitor starts from the exhibition's default";
}

TEST(KioskState, NobodyChoosingALanguageReturnsToAttractWithoutStartingTheShow) {
  KioskStateMachine kiosk(kLocales, timings(), 0.0);
  kiosk.step(1.0, touch());
  EXPECT_TRUE(kiosk.step(20.9, nothing()).empty());
  EXPECT_EQ(kiosk.state(), KioskState::LanguageChoice);
  EXPECT_TRUE(kiosk.step(21.0, nothing()).empty()) << "no visit began, so no VisitorLeft";
  EXPECT_EQ(kiosk.state(), KioskState::Attract);
  EXPECT_EQ(kiosk.visits(), 0u);
}

TEST(KioskState, OneLocaleOrNoneSkipsTheChoice) {
  KioskStateMachine one({"en"}, timings(), 0.0);
  auto started = one.step(1.0, touch());
  EXPECT_EQ(commands_of(started), (std::vector<Command>{Command::SetLocale, Command::VisitorArrived}));
  EXPECT_EQ(one.state(), KioskState::Active);
  KioskStateMachine none({}, timings(), 0.0);  // a bare relic has no locales
  EXPECT_EQ(commands_of(none.step(1.0, touch())), (std::vector<Command>{Command::VisitorArrived}));
}

TEST(KioskState, TheSessionLimitEndsAVisitEvenWithInput) {
  KioskStateMachine kiosk({"en"}, timings(), 0.0);
  kiosk.step(10.0, touch());
  for (double t = 20.0; t < 609.0; t += 30.0) {
    EXPECT_TRUE(kiosk.step(t, touch()).empty()) << t;
    ASSERT_EQ(kiosk.state(), KioskState::Active) << t;
  }
  EXPECT_EQ(commands_of(kiosk.step(610.0, touch())), (std::vector<Command>{Command::VisitorLeft}));
  EXPECT_EQ(kiosk.state(), KioskState::Attract);
  EXPECT_EQ(kiosk.ended_session_limit(), 1u);
  EXPECT_EQ(kiosk.ended_idle(), 0u);
  // The touch that hit the limit does not start the next visit; the next one does.
  EXPECT_EQ(commands_of(kiosk.step(611.0, touch())),
            (std::vector<Command>{Command::SetLocale, Command::VisitorArrived}));
  EXPECT_EQ(kiosk.visits(), 2u);
}

TEST(KioskState, ReasonsSayWhyTheStateChanged) {
  KioskStateMachine kiosk({"en"}, timings(), 0.0);
  kiosk.step(1.0, touch());
  EXPECT_EQ(kiosk.last_reason(), "a visitor touched the kiosk");
  kiosk.step(61.0, nothing());
  EXPECT_EQ(kiosk.last_reason(), "no input for 60 s");
  EXPECT_STREQ(kiosk_state_name(kiosk.state()), "attract");
}

}  // namespace
}  // namespace liyuan::present
