// The headset presenter end to end: `liyuan play --presenter xr` through the real OpenXR loader and the core
// validation layer into xrsim, with Vulkan validation on; any message from either layer fails (xr_run.h).
//
// The scripted head stands at (0, 1.3, 0) looking down -Z, the water bottle half a metre ahead (see the hall's
// comment); xrsim runs at 30 Hz with 256x256 eyes so that a second of play is 30 frames.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "xr/xr_run.h"

namespace liyuan::test {
namespace {

const std::string kHead =
    "option view_size 256 256\n"
    "option refresh_hz 30\n"
    "at f0 head 0 1.3 0\n";

// The mean row of IMAGE's bright pixels (luminance above 120): where the lit plinth top and bottle are.
double bright_row(const RgbaImage& image) {
  double rows = 0.0, count = 0.0;
  for (uint32_t y = 0; y < image.height; ++y)
    for (uint32_t x = 0; x < image.width; ++x) {
      const uint8_t* p = image.pixel(x, y);
      if (0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2] > 120.0) rows += y, count += 1.0;
    }
  return count > 0.0 ? rows / count : -1.0;
}

size_t count_of(const std::string& text, const std::string& what) {
  size_t count = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++count;
  return count;
}

std::vector<std::string> states_of(const nlohmann::json& report, int session) {
  std::vector<std::string> states;
  for (const auto& transition : report["transitions"])
    if (transition["session"] == session) states.push_back(transition["state"]);
  return states;
}

TEST(XrEndToEnd, SessionStartsAndFramesAdvanceWithPredictedDisplayTimes) {
  XrRun run = play_in_headset(output_dir(), kHead, {"--duration", "1"});
  expect_clean(run);
  std::vector<std::string> states = states_of(run.report, 1);
  for (const char* state : {"XR_SESSION_STATE_READY", "XR_SESSION_STATE_SYNCHRONIZED", "XR_SESSION_STATE_VISIBLE",
                            "XR_SESSION_STATE_FOCUSED", "XR_SESSION_STATE_STOPPING", "XR_SESSION_STATE_EXITING"})
    EXPECT_NE(std::find(states.begin(), states.end(), state), states.end()) << state;
  const auto& frames = run.report["frames"];
  ASSERT_GE(frames.size(), 30u);
  int64_t previous = 0;
  size_t with_layer = 0, with_depth = 0;
  for (const auto& frame : frames) {
    int64_t predicted = frame["predicted_display_time"];
    EXPECT_GT(predicted, previous);
    EXPECT_EQ(frame["display_time"], frame["predicted_display_time"]);  // submitted for the time it was predicted
    previous = predicted;
    with_layer += frame["layer_count"] == 1;
    with_depth += frame["depth"] == true;
  }
  EXPECT_GE(with_layer, 28u);
  // xrsim offers XR_KHR_composition_layer_depth: every drawn frame carries depth where the renderer resolves it, and
  // none on lavapipe, whose per-view passes cannot (a compositor gets no depth rather than wrong depth).
  const bool lavapipe = run.command.output.find("gpu: llvmpipe") != std::string::npos;
  EXPECT_EQ(with_depth, lavapipe ? 0u : with_layer);
  EXPECT_NE(run.command.output.find("played 1.0"), std::string::npos) << run.command.output;
}

TEST(XrEndToEnd, BothEyesAreWrittenAndANearObjectShowsParallax) {
  XrRun run = play_in_headset(output_dir(), kHead + "at f10 capture\n", {"--duration", "0.5"});
  expect_clean(run);
  RgbaImage left = read_capture(run, 10, 0), right = read_capture(run, 10, 1);
  ASSERT_EQ(left.width, 256u);
  ASSERT_EQ(right.width, 256u);
  EXPECT_NE(left.pixels, right.pixels);
  // xrsim's eyes have mirrored asymmetric fields of view, so everything shifts left in the right eye; what parallax
  // adds is depth: the bottle half a metre away shifts further than the plinth four metres away.
  int near_shift = best_shift(left, right, 130, 95, 40, 50, 90);
  int far_shift = best_shift(left, right, 172, 100, 44, 60, 90);
  EXPECT_GT(far_shift, 15) << "the eyes' asymmetric fields of view";
  EXPECT_GT(near_shift, far_shift + 8) << "near " << near_shift << " px, far " << far_shift << " px";
}

TEST(XrEndToEnd, TriggerOnTheHotspotOpensItAndPulsesTheController) {
  XrRun run = play_in_headset(output_dir(),
                              kHead +
                                  "at f0 right aim 0 1.28 0\n"
                                  "at f8 right trigger 1\n"
                                  "at f10 right trigger 0\n",
                              {"--duration", "0.6"});
  expect_clean(run);
  EXPECT_EQ(count_of(run.command.output, "hotspot 'water-bottle' opened"), 1u) << run.command.output;
  const auto& haptics = run.report["haptics"];
  ASSERT_EQ(haptics.size(), 1u) << run.report.dump();
  EXPECT_EQ(haptics[0]["hand"], "/user/hand/right");
  EXPECT_GT(haptics[0]["duration_ns"].get<int64_t>(), 0);
}

TEST(XrEndToEnd, ATriggerPointedAwayOpensNothing) {
  XrRun run = play_in_headset(output_dir(),
                              kHead +
                                  "at f0 right aim 0 1.28 0 yaw 90\n"
                                  "at f8 right trigger 1\n"
                                  "at f10 right trigger 0\n",
                              {"--duration", "0.6"});
  expect_clean(run);
  EXPECT_EQ(run.command.output.find("hotspot '"), std::string::npos) << run.command.output;
  EXPECT_TRUE(run.report["haptics"].empty());
}

// Every controller Liyuan suggests bindings for selects with its own button.
class XrControllers : public ::testing::TestWithParam<std::pair<const char*, const char*>> {};

TEST_P(XrControllers, SelectOpensTheHotspot) {
  auto [profile, button] = GetParam();
  XrRun run = play_in_headset(output_dir(),
                              kHead + "option controller " + profile + "\n" +
                                  "at f0 right aim 0 1.28 0\n"
                                  "at f8 right " +
                                  button +
                                  " 1\n"
                                  "at f10 right " +
                                  button + " 0\n",
                              {"--duration", "0.5"});
  expect_clean(run);
  EXPECT_EQ(count_of(run.command.output, "hotspot 'water-bottle' opened"), 1u) << run.command.output;
  EXPECT_EQ(run.report["haptics"].size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(AllProfiles, XrControllers,
                         ::testing::Values(std::pair{"khr/simple_controller", "select"},
                                           std::pair{"oculus/touch_controller", "trigger"},
                                           std::pair{"valve/index_controller", "trigger"},
                                           std::pair{"htc/vive_controller", "trigger"},
                                           std::pair{"microsoft/motion_controller", "trigger"}),
                         [](const auto& param_info) {
                           // "oculus/touch_controller" → "oculus_touch_controller": a stable test name.
                           std::string name = param_info.param.first;
                           for (char& c : name)
                             if (c == '/') c = '_';
                           return name;
                         });

TEST(XrEndToEnd, ThumbstickSnapTurnsByTheConfiguredAngleOncePerPush) {
  XrRun run = play_in_headset(output_dir(),
                              kHead +
                                  "at f5 right thumbstick 0.9 0\n"
                                  "at f8 right thumbstick 1 0\n"
                                  "at f10 right thumbstick 0 0\n"
                                  "at f12 right thumbstick -0.9 0\n"
                                  "at f14 right thumbstick 0 0\n",
                              {"--duration", "0.7", "--snap-turn", "45"});
  expect_clean(run);
  EXPECT_EQ(count_of(run.command.output, "snap turn -45°"), 1u) << run.command.output;  // pushed right
  EXPECT_EQ(count_of(run.command.output, "snap turn +45°"), 1u) << run.command.output;  // pushed left
}

TEST(XrEndToEnd, TeleportFadesOutMovesTheVisitorAndFadesIn) {
  // The right controller points 45° down from 1.2 m: the ray meets the floor 1.2 m ahead; A teleports.
  XrRun run = play_in_headset(output_dir(),
                              kHead +
                                  "at f0 right aim 0 1.2 0 yaw 0 pitch -45\n"
                                  "at f5 right a 1\n"
                                  "at f7 right a 0\n"
                                  "at f4 capture\n"
                                  "at f10 capture\n"
                                  "at f20 capture\n",
                              {"--duration", "0.8"});
  expect_clean(run);
  EXPECT_NE(run.command.output.find("teleport to (0.00, -1.20)"), std::string::npos) << run.command.output;
  RgbaImage before = read_capture(run, 4, 0), fading = read_capture(run, 10, 0), after = read_capture(run, 20, 0);
  EXPECT_LT(mean_luminance(fading), 0.3 * mean_luminance(before)) << "the view goes dark while the visitor moves";
  // Standing 1.2 m further on, the bottle (0.5 m ahead before) is behind: the view has changed.
  EXPECT_GT(std::abs(mean_luminance(after) - mean_luminance(before)), 3.0);
  EXPECT_NE(after.pixels, before.pixels);
}

TEST(XrEndToEnd, VisitorAbsentPausesTheShowThenResetsIt) {
  XrRun run = play_in_headset(output_dir(),
                              kHead +
                                  "at 0.5s session visitor_absent\n"
                                  "at 2.0s session visitor_present\n",
                              {"--duration", "2.5", "--reset-after", "1"});
  expect_clean(run);
  const std::string& out = run.command.output;
  size_t held = out.find("nobody is watching: the show holds", out.find("the visitor is back"));
  size_t reset = out.find("back to the start");
  size_t back = out.find("the visitor is back: the show goes on", reset);
  EXPECT_NE(held, std::string::npos) << out;
  EXPECT_NE(reset, std::string::npos) << out;
  EXPECT_NE(back, std::string::npos) << out;
  EXPECT_LT(held, reset);
  // xrsim offers XR_EXT_user_presence, so the headset also says so in words.
  EXPECT_NE(out.find("the headset says the visitor is gone"), std::string::npos) << out;
  EXPECT_NE(out.find("the headset says the visitor is here"), std::string::npos) << out;
  std::vector<std::string> states = states_of(run.report, 1);
  EXPECT_GE(std::count(states.begin(), states.end(), "XR_SESSION_STATE_FOCUSED"), 2);  // it came back
  // While the headset was off the runtime said shouldRender = false: those frames drew nothing and ended empty.
  size_t empty = 0;
  for (const auto& frame : run.report["frames"]) empty += frame["layer_count"] == 0;
  EXPECT_GE(empty, 40u);
  size_t at = out.find("on the xr presenter: ");
  ASSERT_NE(at, std::string::npos) << out;
  int drawn = std::stoi(out.substr(at + std::string("on the xr presenter: ").size()));
  EXPECT_LE(size_t(drawn) + empty, run.report["frames"].size() + 1) << "frames without a layer were not drawn";
}

TEST(XrEndToEnd, LosingFocusHoldsTheShowButDoesNotResetIt) {
  // A system menu over the show (VISIBLE, not FOCUSED): the visitor is still there.
  XrRun run = play_in_headset(output_dir(),
                              kHead +
                                  "at f10 session focus_loss\n"
                                  "at f40 session focus_return\n",
                              {"--duration", "1.6", "--reset-after", "0.3"});
  expect_clean(run);
  const std::string& out = run.command.output;
  size_t held = out.find("nobody is watching: the show holds", out.find("the visitor is back"));
  EXPECT_NE(held, std::string::npos) << out;
  EXPECT_NE(out.find("the visitor is back", held), std::string::npos) << out;
  EXPECT_EQ(out.find("back to the start"), std::string::npos) << out;
}

TEST(XrEndToEnd, TheRuntimeAskingToExitEndsTheShowCleanly) {
  XrRun run = play_in_headset(output_dir(), kHead + "at f10 session request_exit\n", {"--duration", "5"});
  expect_clean(run);
  EXPECT_NE(run.command.output.find("the runtime ends the session (XR_SESSION_STATE_EXITING)"), std::string::npos)
      << run.command.output;
  EXPECT_LT(run.report["frames"].size(), 20u);  // it stopped there, not after five seconds
  std::vector<std::string> states = states_of(run.report, 1);
  ASSERT_FALSE(states.empty());
  EXPECT_EQ(states.back(), "XR_SESSION_STATE_EXITING");
}

TEST(XrEndToEnd, AHeadThatHoldsPerfectlyStillCountsAsAbsent) {
  XrRun run = play_in_headset(output_dir(), kHead, {"--duration", "2", "--absent-after", "0.5", "--reset-after", "1"});
  expect_clean(run);
  EXPECT_NE(run.command.output.find("back to the start"), std::string::npos) << run.command.output;
}

TEST(XrEndToEnd, ALostSessionIsMadeAgain) {
  XrRun run = play_in_headset(output_dir(), kHead + "at f10 session loss_pending\n", {"--duration", "1"});
  // The loss comes during xrWaitFrame, so the next frame call learns of it before the event is polled.
  expect_clean(run, {"XR_ERROR_SESSION_LOST"});
  EXPECT_NE(run.command.output.find("a new session after the loss"), std::string::npos) << run.command.output;
  std::vector<std::string> first = states_of(run.report, 1), second = states_of(run.report, 2);
  EXPECT_NE(std::find(first.begin(), first.end(), "XR_SESSION_STATE_LOSS_PENDING"), first.end());
  EXPECT_NE(std::find(second.begin(), second.end(), "XR_SESSION_STATE_FOCUSED"), second.end());
  size_t second_frames = 0;
  for (const auto& frame : run.report["frames"]) second_frames += frame["session"] == 2 && frame["layer_count"] == 1;
  EXPECT_GT(second_frames, 5u);
}

TEST(XrEndToEnd, TheGuidedTourMovesTheVisitorBetweenViewpointsWithFades) {
  // The hall's tour runs from 6 s to 8 s between two viewpoints: the visitor stands at the first from 6 s and is
  // moved to the second, behind a fade, when the tour camera passes halfway (about frame 36).
  std::string script = kHead + "at f20 capture\nat f62 capture\n";
  for (int frame = 32; frame <= 50; ++frame) script += "at f" + std::to_string(frame) + " capture\n";
  XrRun run = play_in_headset(output_dir(), script, {"--start", "5.9", "--duration", "2.2"});
  expect_clean(run);
  const std::string& out = run.command.output;
  EXPECT_NE(out.find("the tour moves the visitor to viewpoint 1 of path 1"), std::string::npos) << out;
  EXPECT_NE(out.find("the tour moves the visitor to viewpoint 2 of path 1"), std::string::npos) << out;
  RgbaImage at_first = read_capture(run, 20, 0), at_second = read_capture(run, 62, 0);
  double darkest = 255.0;
  for (int frame = 32; frame <= 50; ++frame) darkest = std::min(darkest, mean_luminance(read_capture(run, frame, 0)));
  EXPECT_LT(darkest, 0.2 * mean_luminance(at_first)) << "the move happens behind a fade to black";
  EXPECT_NE(at_first.pixels, at_second.pixels);
}

TEST(XrEndToEnd, APathMarkedGlideCarriesTheVisitorWithoutFades) {
  // The hall's second path (9 s to 11 s) asks to glide: the view changes every frame and never goes dark.
  std::string script = kHead;
  for (int frame = 10; frame <= 40; frame += 5) script += "at f" + std::to_string(frame) + " capture\n";
  XrRun run = play_in_headset(output_dir(), script, {"--start", "9", "--duration", "1.5"});
  expect_clean(run);
  EXPECT_EQ(run.command.output.find("the tour moves the visitor"), std::string::npos) << run.command.output;
  RgbaImage first = read_capture(run, 10, 0);
  for (int frame = 15; frame <= 40; frame += 5) {
    RgbaImage image = read_capture(run, frame, 0);
    EXPECT_NE(image.pixels, first.pixels) << "frame " << frame;
    EXPECT_GT(mean_luminance(image), 0.5 * mean_luminance(first)) << "frame " << frame;
    first = image;
  }
}

TEST(XrEndToEnd, SeatedRaisesTheViewSoTheExhibitSitsLowerInTheImage) {
  std::filesystem::path dir = output_dir();
  std::filesystem::create_directories(dir / "standing");
  std::filesystem::create_directories(dir / "seated");
  XrRun standing = play_in_headset(dir / "standing", kHead + "at f5 capture\n", {"--duration", "0.3"});
  XrRun seated = play_in_headset(dir / "seated", kHead + "at f5 capture\n", {"--duration", "0.3", "--seated"});
  expect_clean(standing);
  expect_clean(seated);
  double standing_row = bright_row(read_capture(standing, 5, 0)), seated_row = bright_row(read_capture(seated, 5, 0));
  ASSERT_GT(standing_row, 0.0);
  EXPECT_GT(seated_row, standing_row + 10.0) << "standing " << standing_row << ", seated " << seated_row;
}

TEST(XrEndToEnd, WithoutAStageSpaceLocalIsLoweredToTheFloor) {
  XrRun run = play_in_headset(output_dir(), kHead + "option no_stage\n", {"--duration", "0.3"});
  expect_clean(run);
  EXPECT_NE(run.command.output.find("stage space LOCAL with the floor 1.6 m below the head"), std::string::npos)
      << run.command.output;
}

TEST(XrEndToEnd, NoRuntimeFallsBackToOffscreenWithOneLine) {
  setenv("XR_RUNTIME_JSON", (output_dir() / "no-such-runtime.json").c_str(), 1);
  CommandResult result =
      run_command(runtime_exe(), {"play", headset_hall().string(), "--duration", "0.1", "--size", "64x64"});
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("no OpenXR runtime (XR_ERROR_"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("no-such-runtime.json gave none (LIYUAN_LOG=debug shows the loader's reasons)"),
            std::string::npos)
      << result.output;
  EXPECT_NE(result.output.find("falling back to a window or offscreen"), std::string::npos) << result.output;
  EXPECT_EQ(count_of(result.output, "XR_RUNTIME_JSON"), 1u) << "one line, no loader noise:\n" << result.output;
  EXPECT_NE(result.output.find("on the offscreen presenter"), std::string::npos) << result.output;
}

TEST(XrEndToEnd, NoRuntimeWithPresenterXrExitsWithStatus2) {
  setenv("XR_RUNTIME_JSON", (output_dir() / "no-such-runtime.json").c_str(), 1);
  CommandResult result = run_command(runtime_exe(), {"play", headset_hall().string(), "--presenter", "xr"});
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find("no OpenXR runtime (XR_ERROR_"), std::string::npos) << result.output;
  EXPECT_EQ(result.output.find("falling back"), std::string::npos) << result.output;
}

TEST(XrEndToEnd, PlaysAPackForFiveSeconds) {
  std::filesystem::path dir = output_dir();
  std::filesystem::path pack = dir / "headset.lypak";
  CommandResult packed = run_command(pack_exe(), {"pack", headset_hall().string(), "-o", pack.string()});
  ASSERT_EQ(packed.exit_code, 0) << packed.output;
  XrRun run = play_in_headset(dir, kHead, {"--duration", "5"}, pack);
  expect_clean(run);
  EXPECT_GE(run.report["frames"].size(), 150u);  // 30 Hz
}

}  // namespace
}  // namespace liyuan::test
