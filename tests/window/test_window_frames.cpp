// The window presenter in this process, on a real X server: frames reach the screen and look like the offscreen
// render of the same time; resizing makes the swapchain again with no validation message.
#include <GLFW/glfw3.h>
#include <gtest/gtest.h>

#include "app/frame_loop.h"
#include "app/gpu_session.h"
#include "app/show.h"
#include "app/show_player.h"
#include "present/offscreen/offscreen_presenter.h"
#include "present/window/window_presenter.h"
#include "support/image_compare.h"
#include "support/test_support.h"
#include "window_fixture.h"

namespace liyuan::test {
namespace {

constexpr double kFps = 30.0;

app::ShowPlayerOptions turntable() {
  app::ShowPlayerOptions options;
  options.turntable_seconds = 4.0;  // a visible turn between frames
  return options;
}

// A window presenter on its own GPU session, initialised.
struct WindowSession {
  std::unique_ptr<present::WindowPresenter> window;
  std::optional<app::GpuSession> session;
  std::optional<app::LoadedInput> input;

  explicit WindowSession(const present::WindowDesc& desc) {
    auto opened = present::WindowPresenter::open(desc);
    if (!opened) {
      ADD_FAILURE() << opened.error().to_string();
      return;
    }
    window = std::move(*opened);
    auto created = app::GpuSession::create(*window);
    if (!created) {
      ADD_FAILURE() << created.error().to_string();
      return;
    }
    session.emplace(std::move(*created));
    if (Status s = window->init(session->gpu()); !s) ADD_FAILURE() << s.error().to_string();
    auto loaded = app::load_input(water_bottle_pack());
    if (!loaded)
      ADD_FAILURE() << loaded.error().to_string();
    else
      input.emplace(std::move(*loaded));
  }
  ~WindowSession() {
    if (window) window->shutdown();  // before the GPU goes, also when a test stopped early
  }
  bool ready() const { return window && session && input; }
  // Shuts the window's GPU objects down and returns the validation messages of the whole session.
  uint32_t finish() {
    window->shutdown();
    return session->finish();
  }
};

// Renders frames 0..LAST_FRAME of the turntable offscreen at the fixed step and returns the last, eyes side by side.
RgbaImage offscreen_frame(gpu::Gpu& gpu, const app::LoadedInput& input, uint32_t width, uint32_t height,
                          uint32_t view_count, uint32_t last_frame) {
  present::OffscreenPresenter offscreen({width, height, view_count, kFps});
  EXPECT_TRUE(offscreen.init(gpu));
  app::ShowPlayer player(nullptr, turntable());
  app::FrameLoopOptions loop;
  loop.duration = (last_frame + 0.5) / kFps;
  auto stats = app::run_frame_loop(gpu, offscreen, input.pack(), player, loop);
  EXPECT_TRUE(stats) << stats.error().to_string();
  EXPECT_EQ(stats->rendered, last_frame + 1);
  RgbaImage image = join_side_by_side(offscreen.last_views());
  offscreen.shutdown();
  return image;
}

void expect_screen_matches_offscreen(bool stereo) {
  constexpr uint32_t kEyeWidth = 320, kHeight = 240, kLastFrame = 12;
  present::WindowDesc desc;
  desc.width = stereo ? 2 * kEyeWidth : kEyeWidth;
  desc.height = kHeight;
  desc.stereo = stereo;
  desc.fixed_fps = kFps;
  WindowSession run(desc);
  ASSERT_TRUE(run.ready());
  GLFWwindow* window = run.window->window();

  // Closing the window after frame LAST-1 ends the loop after frame LAST is drawn and presented: the screen then
  // holds frame LAST, seen at LAST / fps.
  app::ShowPlayer player(nullptr, turntable());
  app::FrameLoopOptions loop;
  loop.after_frame = [&](uint32_t frame) {
    if (frame + 1 == kLastFrame) glfwSetWindowShouldClose(window, GLFW_TRUE);
    return Status{};
  };
  auto stats = app::run_frame_loop(run.session->gpu(), *run.window, run.input->pack(), player, loop);
  ASSERT_TRUE(stats) << stats.error().to_string();
  EXPECT_EQ(stats->rendered, kLastFrame + 1);
  EXPECT_EQ(run.window->frames_presented(), stats->frames) << "every frame reaches the presentation engine";

  int x = 0, y = 0;
  glfwGetWindowPos(window, &x, &y);
  RgbaImage screen = settled_screenshot(WindowTest::server(), x, y, desc.width, desc.height);
  RgbaImage expected = offscreen_frame(run.session->gpu(), *run.input, kEyeWidth, kHeight, stereo ? 2 : 1, kLastFrame);
  EXPECT_EQ(run.finish(), 0u) << "validation messages";

  // Both pictures are kept for a look; the difference only when they do not match.
  std::filesystem::path out = output_dir();
  EXPECT_TRUE(write_png(out / "screen.png", screen));
  EXPECT_TRUE(write_png(out / "offscreen.png", expected));
  ImageComparison comparison = compare_images(screen, expected, ImageTolerance{});
  if (!comparison.matches) {
    EXPECT_TRUE(write_png(out / "diff.png", difference_image(screen, expected)));
    ADD_FAILURE() << "the window's screenshot differs from the offscreen render: " << comparison.summary
                  << " (images in " << out << ")";
  }
}

}  // namespace

TEST_F(WindowTest, ScreenshotMatchesTheOffscreenRenderOfTheSameTime) {
  expect_screen_matches_offscreen(false);
}

TEST_F(WindowTest, SideBySideStereoScreenshotMatchesBothOffscreenEyes) {
  expect_screen_matches_offscreen(true);
}

TEST_F(WindowTest, ResizingRemakesTheSwapchainWithoutValidationMessages) {
  present::WindowDesc desc;
  desc.width = 320;
  desc.height = 240;
  desc.fixed_fps = kFps;
  WindowSession run(desc);
  ASSERT_TRUE(run.ready());
  GLFWwindow* window = run.window->window();
  app::ShowPlayer player(nullptr, turntable());
  app::FrameLoopOptions loop;
  loop.after_frame = [&](uint32_t frame) {
    if (frame == 3) glfwSetWindowSize(window, 400, 300);
    if (frame == 8) glfwSetWindowSize(window, 200, 150);
    if (frame == 14) glfwSetWindowShouldClose(window, GLFW_TRUE);
    return Status{};
  };
  auto stats = app::run_frame_loop(run.session->gpu(), *run.window, run.input->pack(), player, loop);
  ASSERT_TRUE(stats) << stats.error().to_string();
  EXPECT_GE(run.window->swapchain_generations(), 3u);
  EXPECT_EQ(run.window->extent().width, 200u);
  EXPECT_EQ(run.window->extent().height, 150u);
  EXPECT_GE(stats->rendered, 14u);
  int x = 0, y = 0;
  glfwGetWindowPos(window, &x, &y);
  RgbaImage screen = settled_screenshot(WindowTest::server(), x, y, 200, 150);
  EXPECT_EQ(screen.width, 200u) << "the last frame was drawn at the new size";
  EXPECT_EQ(run.finish(), 0u) << "validation messages";
}

TEST_F(WindowTest, TheHeadsUpDisplayShowsFrameTimeTimelineTimeAndChapterInTheTitle) {
  present::WindowDesc desc;
  desc.width = 160;
  desc.height = 120;
  desc.fixed_fps = kFps;
  WindowSession run(desc);
  ASSERT_TRUE(run.ready());
  app::ShowPlayer player(nullptr, turntable());
  app::FrameLoopOptions loop;
  loop.duration = 0.3;
  std::string title_before_hud;
  loop.after_frame = [&](uint32_t frame) {
    if (frame == 1) {
      title_before_hud = run.window->title();
      player.apply(present::InputEvent{present::Command::ToggleHud});  // as the H key does
    }
    return Status{};
  };
  auto stats = app::run_frame_loop(run.session->gpu(), *run.window, run.input->pack(), player, loop);
  ASSERT_TRUE(stats) << stats.error().to_string();
  EXPECT_EQ(title_before_hud, "Liyuan");
  EXPECT_NE(run.window->title().find(" ms — "), std::string::npos) << run.window->title();
  EXPECT_NE(run.window->title().find(" s — no chapter"), std::string::npos) << run.window->title();
  EXPECT_EQ(run.finish(), 0u) << "validation messages";
}

}  // namespace liyuan::test
