// Real input through the X server into the window and kiosk presenters, on the small example exhibition: keys and a
// click change the show as a curator expects; a visitor's keys take the kiosk from the attract loop through the
// language choice into a visit, idleness takes it back, and only the operator's combination ends it.
// The events go through the X server (XSendEvent), so GLFW handles them as it handles a keyboard's and a mouse's.
#include <GLFW/glfw3.h>
#include <X11/keysym.h>
#include <gtest/gtest.h>

#include <functional>

#include "app/frame_loop.h"
#include "app/gpu_session.h"
#include "app/show.h"
#include "app/show_player.h"
#include "core/clock.h"
#include "present/kiosk/kiosk_presenter.h"
#include "present/window/window_presenter.h"
#include "support/background_process.h"
#include "support/test_support.h"
#include "window_fixture.h"
#include "x_events.h"

namespace liyuan::test {
namespace {

constexpr double kPatienceSeconds = 30.0;

// Steps run one after another between frames: each waits (at most kPatienceSeconds) until its condition holds,
// then acts. Conditions look at the show player, which has acted on a frame's input before the next frame ends. Used as
// the frame loop's after_frame; a step that waits too long stops the loop with an error.
struct Step {
  std::string what;
  std::function<bool()> ready;
  std::function<void()> act;
};

class Script {
 public:
  explicit Script(std::vector<Step> steps) : steps_(std::move(steps)) {}
  Status operator()(uint32_t) {
    if (next_ >= steps_.size()) return {};
    if (!steps_[next_].ready()) {
      if (waited_.elapsed_seconds() > kPatienceSeconds) return make_error("waited too long for: " + steps_[next_].what);
      return {};
    }
    waited_.restart();
    steps_[next_++].act();
    return {};
  }
  size_t done() const { return next_; }

 private:
  std::vector<Step> steps_;
  size_t next_ = 0;
  Stopwatch waited_;
};

// tests/window/data/hall: the water bottle with a hotspot in front of the entrance, en and zh-Hans, two chapters.
std::filesystem::path test_hall() {
  return content_dir().parent_path() / "tests" / "window" / "data" / "hall" / "exhibition.yaml";
}

// Where the centre of hotspot INDEX appears in a window of WIDTH x HEIGHT drawn with VIEW, or nothing when behind.
std::optional<vec2> on_screen(const render::View& view, const vec3& point, int width, int height) {
  vec3 in_eye = vec3(glm::inverse(view.world_from_eye) * vec4(point, 1.0f));
  if (in_eye.z >= -0.1f) return std::nullopt;
  float x = in_eye.x / -in_eye.z, y = in_eye.y / -in_eye.z;
  float tan_left = std::tan(view.fov.left), tan_right = std::tan(view.fov.right);
  float tan_up = std::tan(view.fov.up), tan_down = std::tan(view.fov.down);
  float u = (x - tan_left) / (tan_right - tan_left), v = (tan_up - y) / (tan_up - tan_down);
  if (u < 0.05f || u > 0.95f || v < 0.05f || v > 0.95f) return std::nullopt;
  return vec2(u * float(width), v * float(height));
}

// PRESENTER on its own GPU session, initialised, with the test hall loaded.
struct ExhibitionSession {
  present::Presenter& presenter;
  std::optional<app::GpuSession> session;
  std::optional<app::LoadedInput> input;

  ~ExhibitionSession() { presenter.shutdown(); }  // before the GPU goes, also when a test stopped early
  explicit ExhibitionSession(present::Presenter& shown) : presenter(shown) {
    auto created = app::GpuSession::create(presenter);
    if (!created) {
      ADD_FAILURE() << created.error().to_string();
      return;
    }
    session.emplace(std::move(*created));
    if (Status s = presenter.init(session->gpu()); !s) ADD_FAILURE() << s.error().to_string();
    auto loaded = app::load_input(test_hall());
    if (!loaded)
      ADD_FAILURE() << loaded.error().to_string();
    else
      input.emplace(std::move(*loaded));
  }
  bool ready() const { return session && input && input->show; }
};

}  // namespace

TEST_F(WindowTest, KeysAndAClickReachTheShow) {
  present::WindowDesc desc;
  desc.width = 320;
  desc.height = 240;
  desc.fixed_fps = 30.0;
  auto opened = present::WindowPresenter::open(desc);
  ASSERT_TRUE(opened) << opened.error().to_string();
  present::WindowPresenter& window = **opened;
  ExhibitionSession run(window);
  ASSERT_TRUE(run.ready());
  const app::Show& show = *run.input->show;
  ASSERT_EQ(show.exhibition.timeline.chapters.size(), 2u);
  double second_chapter = show.exhibition.timeline.chapters[1].at;
  GLFWwindow* glfw = window.window();

  app::ShowPlayer player(&show, {});
  ASSERT_EQ(player.locale(), "en");
  vec2 hotspot_pixel(0.0f);
  vec3 guided_position(0.0f);
  Script script({
      {"a first frame", [&] { return player.state().has_value(); }, [&] { send_key(glfw, XK_space); }},
      {"space pauses", [&] { return player.paused(); }, [&] { send_key(glfw, XK_space); }},
      {"space resumes", [&] { return !player.paused(); }, [&] { send_key(glfw, XK_bracketright); }},
      {"] goes to the next chapter", [&] { return player.timeline_time() >= second_chapter; },
       [&] { send_key(glfw, XK_l); }},
      {"L changes the language", [&] { return player.locale() == "zh-Hans"; }, [&] { send_key(glfw, XK_space); }},
      {"paused to click", [&] { return player.paused(); },
       [&] {
         const scene::SceneGraph& graph = show.exhibition.graph;
         const scene::Hotspot& mirror = graph.hotspots[0];
         auto pixel = on_screen(window.last_views()[0], vec3(player.state()->world[size_t(mirror.node)][3]),
                                int(desc.width), int(desc.height));
         ASSERT_TRUE(pixel) << "the mirror's hotspot is in view at the second chapter";
         hotspot_pixel = *pixel;
         send_click(glfw, int(pixel->x), int(pixel->y));
       }},
      {"a click on the hotspot opens its panel", [&] { return player.open_panel() == 0; },
       [&] {
         guided_position = vec3(window.last_views()[0].world_from_eye[3]);
         send_key_event(glfw, XK_w, true);
       }},
      {"W walks forward in free roam",
       [&] {
         return window.free_roam() && vec3(window.last_views()[0].world_from_eye[3]).z < guided_position.z - 0.01f;
       },
       [&] {
         send_key_event(glfw, XK_w, false);
         send_key(glfw, XK_g);
       }},
      {"G goes back to the guided camera",
       [&] { return !window.free_roam() && vec3(window.last_views()[0].world_from_eye[3]) == guided_position; },
       [&] { glfwSetWindowShouldClose(glfw, GLFW_TRUE); }},
  });
  app::FrameLoopOptions loop;
  loop.after_frame = std::ref(script);
  auto stats = app::run_frame_loop(run.session->gpu(), window, run.input->pack(), player, loop);
  EXPECT_TRUE(stats) << stats.error().to_string();
  EXPECT_EQ(script.done(), 9u);
  window.shutdown();
  EXPECT_EQ(run.session->finish(), 0u) << "validation messages";
  EXPECT_GT(hotspot_pixel.x, 0.0f);
}

TEST_F(WindowTest, TheKioskGoesFromAttractThroughTheLanguageChoiceToAVisitAndBack) {
  std::filesystem::path out = output_dir();
  present::KioskDesc desc;
  desc.windowed = true;  // a small window keeps lavapipe quick; fullscreen is tried in tests/kiosk
  desc.window.width = 320;
  desc.window.height = 240;
  desc.timings.idle_timeout = 2.0;
  desc.log_path = out / "kiosk.log";
  desc.status_path = out / "status.json";
  auto opened = present::KioskPresenter::open(desc);
  ASSERT_TRUE(opened) << opened.error().to_string();
  present::KioskPresenter& kiosk = **opened;
  ExhibitionSession run(kiosk);
  ASSERT_TRUE(run.ready());
  GLFWwindow* glfw = kiosk.window().window();

  app::ShowPlayerOptions options;
  options.attract = true;  // as `play --presenter kiosk` sets them
  options.loop = true;
  app::ShowPlayer player(run.input->show.get(), options);
  auto state_is = [&](present::KioskState state) { return kiosk.machine() && kiosk.machine()->state() == state; };
  uint32_t frames_after_close = 0;
  Script script({
      {"the attract loop", [&] { return state_is(present::KioskState::Attract) && !player.visitor_present(); },
       [&] { send_key(glfw, XK_a); }},
      {"a key opens the language choice", [&] { return state_is(present::KioskState::LanguageChoice); },
       [&] {
         EXPECT_FALSE(player.visitor_present()) << "the show waits for the choice";
         EXPECT_EQ(kiosk.language_prompt(), "<  [English]  简体中文  >");
         send_key(glfw, XK_Right);
       }},
      {"→ highlights the next language", [&] { return kiosk.machine()->highlighted_locale() == "zh-Hans"; },
       [&] { send_key(glfw, XK_Return); }},
      // The visit is seen through the machine's count, not its state: on a slow machine the idle timeout may
      // already have ended it by the time this frame is done. Its language is checked by the observer below.
      {"Enter starts a visit", [&] { return kiosk.machine()->visits() == 1; }, [] {}},
      {"idle for two seconds: back to the attract loop",
       [&] { return kiosk.machine()->ended_idle() == 1 && !player.visitor_present(); },
       [&] {
         EXPECT_EQ(player.locale(), "en") << "the next visitor starts in the default language";
         send_key(glfw, XK_Escape);
         glfwSetWindowShouldClose(glfw, GLFW_TRUE);
       }},
      {"Escape and closing the window do not end a kiosk", [&] { return ++frames_after_close > 5; },
       [&] { send_key(glfw, XK_q, kControl | kAlt | kShift); }},
  });
  // A frame's commands reach the player after its after_frame: a visit begun at frame k is seen at frame k + 1,
  // before anything that frame's input could do to end it.
  bool visited_in_chosen_language = false;
  app::FrameLoopOptions loop;
  loop.after_frame = [&](uint32_t frame) {
    if (player.visitor_present() && player.locale() == "zh-Hans") visited_in_chosen_language = true;
    return script(frame);
  };
  auto stats = app::run_frame_loop(run.session->gpu(), kiosk, run.input->pack(), player, loop);
  ASSERT_TRUE(stats) << stats.error().to_string();
  EXPECT_EQ(script.done(), 6u) << "the operator's combination ended the loop after every step";
  kiosk.shutdown();
  EXPECT_EQ(run.session->finish(), 0u) << "validation messages";

  std::string log = read_text_file(out / "kiosk.log");
  EXPECT_TRUE(visited_in_chosen_language) << "the show played to a visitor in the language chosen";
  for (const char* line : {"<  [English]  简体中文  >", "<  English  [简体中文]  >",
                           "active: language chosen: zh-Hans", "attract: no input for 2 s",
                           "the operator stopped the kiosk", "kiosk stopped"})
    EXPECT_NE(log.find(line), std::string::npos) << line << "\n" << log;
  EXPECT_NE(read_text_file(out / "status.json").find("\"state\": \"stopped\""), std::string::npos);
}

}  // namespace liyuan::test
