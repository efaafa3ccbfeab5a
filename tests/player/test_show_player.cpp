// The show player acts on presenter-neutral commands: pause, seek, chapters, languages, hotspots, visitors arriving
// and leaving, and holding while nobody watches. Each test drives it with scripted commands at a fixed step.
#include <gtest/gtest.h>

#include "app/show_player.h"
#include "player_fixture.h"

namespace liyuan::test {
namespace {

using app::ShowPlayer;
using app::ShowPlayerOptions;
using present::Command;
using present::InputEvent;

InputEvent command(Command c, double amount = 0.0) {
  InputEvent event;
  event.command = c;
  event.amount = amount;
  return event;
}

TEST(ShowPlayer, PauseHoldsTheTimelineWhilePlayGoesOn) {
  ShowPlayer player(&player_show(), ShowPlayerOptions{});
  player.advance(1.0);
  EXPECT_DOUBLE_EQ(player.timeline_time(), 1.0);
  player.apply(command(Command::TogglePause));
  player.advance(2.0);
  EXPECT_TRUE(player.paused());
  EXPECT_DOUBLE_EQ(player.timeline_time(), 1.0);
  EXPECT_DOUBLE_EQ(player.played(), 3.0);
  player.apply(command(Command::TogglePause));
  player.advance(0.5);
  EXPECT_DOUBLE_EQ(player.timeline_time(), 1.5);
}

TEST(ShowPlayer, SeeksAndStepsThroughChapters) {
  ShowPlayerOptions options;
  options.start = 7.0;
  ShowPlayer player(&player_show(), options);
  player.apply(command(Command::Seek, 2.0));
  EXPECT_DOUBLE_EQ(player.timeline_time(), 9.0);
  player.apply(command(Command::Chapter, +1));
  EXPECT_DOUBLE_EQ(player.timeline_time(), 15.0);  // chapter 'second'
  player.apply(command(Command::Chapter, +1));
  EXPECT_DOUBLE_EQ(player.timeline_time(), 15.0);  // no chapter after the last: stays
  player.advance(5.0);
  player.apply(command(Command::Chapter, -1));
  EXPECT_DOUBLE_EQ(player.timeline_time(), 15.0);  // well into a chapter, back goes to its start
  player.advance(1.0);
  player.apply(command(Command::Chapter, -1));
  EXPECT_DOUBLE_EQ(player.timeline_time(), 5.0);  // within 2 s of a start, back goes to the chapter before
  player.apply(command(Command::Chapter, -1));
  EXPECT_DOUBLE_EQ(player.timeline_time(), 0.0);
}

TEST(ShowPlayer, CyclesAndSetsTheExhibitionsLocales) {
  ShowPlayer player(&player_show(), ShowPlayerOptions{});
  ASSERT_EQ(player.locales(), (std::vector<std::string>{"en", "zh-Hans", "ar"}));
  EXPECT_EQ(player.locale(), "en");
  player.apply(command(Command::NextLocale));
  EXPECT_EQ(player.locale(), "zh-Hans");
  player.apply(command(Command::NextLocale));
  player.apply(command(Command::NextLocale));
  EXPECT_EQ(player.locale(), "en");
  InputEvent set = command(Command::SetLocale);
  set.text = "ar";
  player.apply(set);
  EXPECT_EQ(player.locale(), "ar");
  set.text = "fr";  // not offered: the visitor keeps what they had
  player.apply(set);
  EXPECT_EQ(player.locale(), "ar");
}

TEST(ShowPlayer, ARayThroughAHotspotOpensItsPanelAndMenuClosesIt) {
  ShowPlayer player(&player_show(), ShowPlayerOptions{});
  InputEvent miss = command(Command::Select);
  miss.origin = vec3(0, 1.6f, 0);
  miss.direction = vec3(1, 0, 0);
  player.apply(miss);
  EXPECT_EQ(player.open_panel(), -1);
  InputEvent hit = miss;
  hit.direction = vec3(0, 1.2f - 1.6f, -3.0f);  // at the hotspot 3 m ahead, a little below the eye
  player.apply(hit);
  ASSERT_EQ(player.open_panel(), 0);
  EXPECT_EQ(player_show().exhibition.graph.hotspots[0].panel_key, "panel.plinth");
  player.apply(command(Command::Menu));
  EXPECT_EQ(player.open_panel(), -1);
  InputEvent behind = hit;
  behind.direction = -hit.direction;  // the hotspot is behind the ray's origin: not selected
  player.apply(behind);
  EXPECT_EQ(player.open_panel(), -1);
}

TEST(ShowPlayer, AVisitorLeavingGoesBackToTheAttractLoopInTheDefaultLanguage) {
  ShowPlayerOptions options;
  options.attract = true;
  ShowPlayer player(&player_show(), options);
  EXPECT_FALSE(player.visitor_present());
  player.advance(7.0);  // the attract section (0-5 s) loops
  EXPECT_LT(player.timeline_time(), 5.0);
  player.apply(command(Command::VisitorArrived));
  player.apply(command(Command::NextLocale));
  player.advance(6.0);
  EXPECT_GT(player.timeline_time(), 5.0);
  player.apply(command(Command::VisitorLeft));
  EXPECT_FALSE(player.visitor_present());
  EXPECT_EQ(player.locale(), "en");
  EXPECT_LT(player.timeline_time(), 5.0);
}

TEST(ShowPlayer, HoldsWhileNobodyWatchesButKeepsTheVisitorsOwnPause) {
  ShowPlayer player(&player_show(), ShowPlayerOptions{});
  player.hold(true);
  player.advance(1.0);
  EXPECT_DOUBLE_EQ(player.timeline_time(), 0.0);
  player.hold(false);
  player.advance(1.0);
  EXPECT_DOUBLE_EQ(player.timeline_time(), 1.0);
  player.apply(command(Command::TogglePause));
  player.hold(true);
  player.hold(false);  // back again: the visitor's own pause stays
  player.advance(1.0);
  EXPECT_DOUBLE_EQ(player.timeline_time(), 1.0);
  EXPECT_TRUE(player.paused());
}

TEST(ShowPlayer, TeleportAndSnapTurnMoveTheVisitorsStage) {
  ShowPlayer player(&player_show(), ShowPlayerOptions{});
  InputEvent teleport = command(Command::Teleport);
  teleport.point = vec3(1, 0, -2);
  player.apply(teleport);
  player.advance(0.5);  // the move happens in the dark of a short fade
  EXPECT_EQ(vec3(player.world_from_stage()[3]), vec3(1, 0, -2));
  player.apply(command(Command::SnapTurn, glm::radians(90.0)));
  vec3 forward = vec3(player.world_from_stage() * vec4(0, 0, -1, 0));
  EXPECT_NEAR(forward.x, -1.0f, 1e-5f);  // turned left: forward now points down -X
  EXPECT_EQ(vec3(player.world_from_stage()[3]), vec3(1, 0, -2));
}

}  // namespace
}  // namespace liyuan::test
