// Hot reload in process, on the real loop, presenter and GPU: an exhibition is played offscreen at a fixed step while
// its files are edited between frames. An edit shows up at the same timeline time; a broken edit keeps the last good
// state on screen and exposes the error with file:line:column; fixing it recovers; a relic whose geometry changed is
// uploaded again.
#include <gtest/gtest.h>

#include "app/frame_loop.h"
#include "app/gpu_session.h"
#include "app/show.h"
#include "app/show_player.h"
#include "app/show_reload.h"
#include "app_test_util.h"
#include "core/clock.h"
#include "present/offscreen/offscreen_presenter.h"
#include "support/image_compare.h"

namespace liyuan::test {
namespace {

// What the test saw after each frame.
struct Seen {
  RgbaImage image;
  double time = 0.0;
  std::string status;
};

double differing(const RgbaImage& a, const RgbaImage& b) {
  return compare_images(a, b, {16, 0.0}).differing_fraction;
}

TEST(HotReload, AnEditShowsABrokenEditKeepsTheLastGoodStateAFixRecovers) {
  auto dir = output_dir();
  auto exhibition = write_cube_exhibition(dir, cube_hall(0.0));
  auto show = app::load_show(exhibition);
  ASSERT_TRUE(show) << show.error().to_string();
  auto reload = app::ShowReload::create(exhibition, std::move(*show), 0.05);
  ASSERT_TRUE(reload) << reload.error().to_string();
  auto session = app::GpuSession::create();
  ASSERT_TRUE(session) << session.error().to_string();

  // One edit after each of the first frames; each waits (bounded) until the watcher has seen it, so the next frame
  // is the first that can show it.
  const std::vector<std::pair<std::filesystem::path, std::string>> edits = {
      {dir / "hall.yaml", cube_hall(0.8)},                                               // the cube moves right
      {dir / "hall.yaml", "nodes:\n  - name: cube\n    translation: [0.8, 0, zero]\n"},  // broken: 3:27
      {dir / "hall.yaml", cube_hall(-0.8)},                                              // fixed: moved left
      {dir / "relics" / "cube.yaml", cube_manifest(2.0)},                                // new geometry
  };
  std::vector<Seen> seen;
  std::vector<double> reload_latency_ms;
  {
    present::OffscreenPresenter presenter({64, 64, 1, 10.0});
    app::ShowPlayerOptions player_options;
    player_options.start = 3.0;
    app::ShowPlayer player(&(*reload)->show(), player_options);
    app::FrameLoopOptions loop;
    loop.duration = 0.5;  // five frames at 10 fps
    loop.before_frame = app::hot_reload_hook(**reload, player);
    loop.after_frame = [&](uint32_t index) -> Status {
      seen.push_back({presenter.last_views()[0], player.timeline_time(), player.status_message()});
      reload_latency_ms.push_back((*reload)->stats().last_latency_ms);
      if (index < edits.size()) {
        save_by_rename(edits[index].first, edits[index].second);
        if (!(*reload)->watch().wait_settled(10.0)) return make_error("the watcher did not see the edit in 10 s");
      }
      return {};
    };
    ASSERT_TRUE(presenter.init(session->gpu()));
    auto stats = app::run_frame_loop(session->gpu(), presenter, (*reload)->show().contents, player, loop);
    presenter.shutdown();
    ASSERT_TRUE(stats) << stats.error().to_string();
  }
  EXPECT_EQ(session->finish(), 0u) << "validation messages (above)";
  ASSERT_EQ(seen.size(), 5u);

  // The time goes on through every reload: 3.0, 3.1, ... (not back to the start).
  for (size_t i = 0; i < seen.size(); ++i) EXPECT_NEAR(seen[i].time, 3.0 + 0.1 * double(i), 1e-6) << "frame " << i;
  // Frame 1: the edit shows up.
  EXPECT_GT(differing(seen[0].image, seen[1].image), 0.02) << "moving the cube did not change the picture";
  EXPECT_EQ(seen[1].status, "");
  // Frame 2: the broken edit keeps the last good state on screen and says what is wrong, and where.
  EXPECT_EQ(differing(seen[1].image, seen[2].image), 0.0) << "the last good state did not stay on screen";
  EXPECT_NE(seen[2].status.find("hall.yaml:3:27"), std::string::npos) << seen[2].status;
  EXPECT_NE(seen[2].status.find("zero"), std::string::npos) << seen[2].status;
  // Frame 3: fixed; the message is gone and the cube stands on the other side.
  EXPECT_EQ(seen[3].status, "");
  EXPECT_GT(differing(seen[1].image, seen[3].image), 0.02);
  EXPECT_GT(differing(seen[0].image, seen[3].image), 0.02);
  // Frame 4: the cube is twice the size: new geometry, uploaded again.
  EXPECT_GT(differing(seen[3].image, seen[4].image), 0.05) << "the bigger cube did not show";
  const app::ReloadStats& stats = (*reload)->stats();
  EXPECT_EQ(stats.reloads, 3u);
  EXPECT_EQ(stats.failures, 1u);
  EXPECT_EQ(stats.asset_uploads, 1u) << "only the manifest edit changed the pack's geometry";
  std::printf("reload after a scene edit: save to new show %.0f ms (debounce 50 ms); after a relic edit %.0f ms\n",
              reload_latency_ms[3], reload_latency_ms[4]);
}

TEST(HotReload, WatchNeedsExhibitionSources) {
  // A pack is built output, not what a curator edits: --watch on one is a usage error saying what to give instead.
  CommandResult result = run_command(runtime_exe(), {"play", "show.lypak", "--watch"});
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find("exhibition.yaml"), std::string::npos) << result.output;
}

}  // namespace
}  // namespace liyuan::test
