// The frame loop over a real presenter (offscreen, on lavapipe with validation on): it stops after the duration, draws
// only what the presenter asks for, acts on scripted input between frames, and holds then restarts the show when
// nobody is there.
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <set>

#include "app/frame_loop.h"
#include "app/gpu_session.h"
#include "player_fixture.h"
#include "present/offscreen/offscreen_presenter.h"
#include "support/image_compare.h"
#include "support/test_support.h"

namespace liyuan::test {
namespace {

// The offscreen presenter with a script: per frame index, the events its end_frame() reports and whether the frame
// should be drawn. This is how a test plays a visitor; the frames themselves are real.
class ScriptedPresenter final : public present::Presenter {
 public:
  explicit ScriptedPresenter(present::OffscreenDesc desc) : offscreen_(desc) {}
  const char* name() const override { return "scripted"; }
  Status init(gpu::Gpu& gpu) override { return offscreen_.init(gpu); }
  Result<present::PresenterFrame> begin_frame() override {
    auto frame = offscreen_.begin_frame();
    if (frame && skip_frames.count(index_)) frame->should_render = false;
    return frame;
  }
  Result<present::PresenterEvents> end_frame(bool rendered) override {
    auto events = offscreen_.end_frame(rendered);
    if (rendered) ++drawn;
    if (events && script.count(index_)) *events = script[index_];
    ++index_;
    return events;
  }
  void on_hotspot_selected() override { ++pulses; }
  void shutdown() override { offscreen_.shutdown(); }

  std::map<uint32_t, present::PresenterEvents> script;
  std::set<uint32_t> skip_frames;
  uint32_t drawn = 0;
  uint32_t pulses = 0;

 private:
  present::OffscreenPresenter offscreen_;
  uint32_t index_ = 0;

 public:
  const std::vector<RgbaImage>& last_views() const { return offscreen_.last_views(); }
};

// Rows FROM..TO of IMAGE.
RgbaImage crop_rows(const RgbaImage& image, uint32_t from, uint32_t to) {
  RgbaImage rows{image.width, to - from, {}};
  rows.pixels.assign(image.pixels.begin() + size_t(from) * image.width * 4,
                     image.pixels.begin() + size_t(to) * image.width * 4);
  return rows;
}

struct LoopRun {
  app::LoopStats stats;
  double timeline_time = 0.0;
  bool visitor_present = true;
  uint32_t validation_messages = 0;
};

LoopRun run(ScriptedPresenter& presenter, app::ShowPlayerOptions player_options, app::FrameLoopOptions loop,
           const std::function<void(app::ShowPlayer&)>& prepare = {}) {
  LoopRun result;
  auto session = app::GpuSession::create(presenter);
  EXPECT_TRUE(session) << session.error().to_string();
  if (!session) return result;
  app::ShowPlayer player(&player_show(), player_options);
  if (prepare) prepare(player);
  EXPECT_TRUE(presenter.init(session->gpu()));
  auto stats = app::run_frame_loop(session->gpu(), presenter, player_show().contents, player, loop);
  EXPECT_TRUE(stats) << stats.error().to_string();
  presenter.shutdown();
  if (stats) result.stats = *stats;
  result.timeline_time = player.timeline_time();
  result.visitor_present = player.visitor_present();
  result.validation_messages = session->finish();
  return result;
}

present::PresenterEvents input(present::Command command, double amount = 0.0) {
  present::PresenterEvents events;
  present::InputEvent event;
  event.command = command;
  event.amount = amount;
  events.input.push_back(event);
  return events;
}

TEST(FrameLoop, StopsAfterTheDurationAndCallsBackPerDrawnFrame) {
  ScriptedPresenter presenter({64, 36, 1, 10.0});
  presenter.skip_frames = {2};  // e.g. a headset not visible for a frame: no drawing, the show still moves on
  std::vector<uint32_t> seen;
  app::FrameLoopOptions loop;
  loop.duration = 1.0;
  loop.after_frame = [&](uint32_t index) {
    seen.push_back(index);
    return Status{};
  };
  LoopRun result = run(presenter, {}, loop);
  EXPECT_EQ(result.stats.frames, 11u);  // frames at 0.0 … 0.9 s, and the one at 1.0 s handed back undrawn
  EXPECT_EQ(result.stats.rendered, 9u);
  EXPECT_EQ(presenter.drawn, 9u);
  EXPECT_EQ(seen.size(), 9u);
  EXPECT_NEAR(result.timeline_time, 1.0, 1e-9);
  EXPECT_EQ(result.validation_messages, 0u);
}

TEST(FrameLoop, ScriptedInputPausesAndSeeks) {
  ScriptedPresenter presenter({64, 36, 1, 10.0});
  presenter.script[2] = input(present::Command::TogglePause);  // paused from t = 0.2 s
  presenter.script[5] = input(present::Command::Seek, 10.0);   // paused, but sought to 10.2 s
  app::FrameLoopOptions loop;
  loop.duration = 1.0;
  LoopRun result = run(presenter, {}, loop);
  EXPECT_NEAR(result.timeline_time, 10.2, 1e-9);
  EXPECT_EQ(result.validation_messages, 0u);
}

TEST(FrameLoop, SelectingAHotspotPulsesThePresenter) {
  ScriptedPresenter presenter({64, 36, 1, 10.0});
  present::PresenterEvents select = input(present::Command::Select);
  select.input[0].origin = vec3(0, 1.6f, 0);
  select.input[0].direction = vec3(0, -0.4f, -3.0f);
  presenter.script[1] = select;
  presenter.script[2] = select;  // the same hotspot again: already open, no second pulse
  app::FrameLoopOptions loop;
  loop.duration = 0.5;
  LoopRun result = run(presenter, {}, loop);
  EXPECT_EQ(presenter.pulses, 1u);
  EXPECT_EQ(result.validation_messages, 0u);
}

TEST(FrameLoop, NobodyThereHoldsTheShowThenStartsItAgain) {
  ScriptedPresenter presenter({64, 36, 1, 10.0});
  present::PresenterEvents away;
  away.visitor_absent = true;
  for (uint32_t i = 10; i < 20; ++i) presenter.script[i] = away;  // from 1.0 s, nobody for a second
  app::ShowPlayerOptions player;
  player.start = 6.0;  // past the attract section
  app::FrameLoopOptions loop;
  loop.duration = 1.5;
  loop.reset_after_absent = 0.5;
  LoopRun result = run(presenter, player, loop);
  EXPECT_FALSE(result.visitor_present) << "after 0.5 s away the show should have gone back to its attract loop";
  EXPECT_LT(result.timeline_time, 5.0);
  EXPECT_EQ(result.validation_messages, 0u);
}

TEST(FrameLoop, AVisitorBackAfterAResetStartsTheShowAgain) {
  ScriptedPresenter presenter({64, 36, 1, 10.0});
  present::PresenterEvents away;
  away.visitor_absent = true;
  for (uint32_t i = 5; i < 15; ++i) presenter.script[i] = away;  // nobody from 0.5 s to 1.5 s, then back
  app::ShowPlayerOptions player;
  player.start = 6.0;
  app::FrameLoopOptions loop;
  loop.duration = 2.5;
  loop.reset_after_absent = 0.5;
  LoopRun result = run(presenter, player, loop);
  EXPECT_TRUE(result.visitor_present) << "the returning visitor must not be left in the attract loop";
  EXPECT_EQ(result.validation_messages, 0u);
}

TEST(FrameLoop, PlayingToTheEndOfTheTimelineCountsTimelineTimeNotPausedTime) {
  ScriptedPresenter presenter({64, 36, 1, 10.0});
  presenter.script[2] = input(present::Command::TogglePause);
  presenter.script[12] = input(present::Command::TogglePause);  // a second's pause
  app::ShowPlayerOptions player;
  player.start = 28.0;  // two seconds before the end of the 30 s timeline
  app::FrameLoopOptions loop;
  loop.until_timeline_end = true;
  LoopRun result = run(presenter, player, loop);
  EXPECT_DOUBLE_EQ(result.timeline_time, 30.0);
  EXPECT_GE(result.stats.frames, 30u) << "two seconds of timeline and one of pause at 10 fps";
  EXPECT_LE(result.stats.frames, 32u);
}

TEST(FrameLoop, TheCuratorsNoticeAndHudAreDrawnOverThePicture) {
  auto dir = output_dir();
  auto text = app::ShowText::create(player_show(), "en");
  ASSERT_TRUE(text) << text.error().to_string();
  auto picture = [&](const std::string& notice, bool hud) {
    ScriptedPresenter presenter({320, 180, 1, 10.0});
    app::FrameLoopOptions loop;
    loop.duration = 0.05;
    loop.text = text->get();
    run(presenter, {}, loop, [&](app::ShowPlayer& player) {
      player.set_status_message(notice);
      if (hud) player.apply(input(present::Command::ToggleHud).input[0]);
    });
    return presenter.last_views().at(0);
  };
  RgbaImage plain = picture("", false);
  RgbaImage error = picture("hall.yaml:3:27: expected a number, not 'x'", false);
  RgbaImage hud = picture("", true);
  EXPECT_TRUE(write_png(dir / "notice.png", error));
  EXPECT_TRUE(write_png(dir / "hud.png", hud));
  // The notice is a red plate with text in the upper part of the view; the picture below it is untouched.
  auto differing_rows = [&](const RgbaImage& a, uint32_t from, uint32_t to) {
    ImageComparison c = compare_images(crop_rows(plain, from, to), crop_rows(a, from, to), {8, 0.0});
    return c.differing_fraction;
  };
  EXPECT_GT(differing_rows(error, 0, 90), 0.015);
  EXPECT_EQ(differing_rows(error, 150, 180), 0.0);
  EXPECT_GT(differing_rows(hud, 0, 90), 0.01);
}

}  // namespace
}  // namespace liyuan::test
