// The xrsim script parser: what a script sets, and errors that name file:line:column.
#include <gtest/gtest.h>

#include <cmath>

#include "script.h"

namespace xrsim {
namespace {

TEST(XrsimScript, ParsesOptionsPosesInputsAndRequests) {
  const auto script = parse_script(
      "# a visit\n"
      "option view_size 800 600\n"
      "option no_stage\n"
      "option no_depth\n"
      "option ipd 0.06   # narrow\n"
      "option refresh_hz 72\n"
      "option controller htc/vive_controller\n"
      "option capture_dir shots\n"
      "at 1s head 0 1.6 -1 yaw 90\n"
      "at f0 head 0 1.6 0\n"
      "at f36 right pose 0.2 1.2 -0.3 0 0 0 2\n"
      "at 0.5s right trigger 1\n"
      "at f2 left thumbstick -0.5 1\n"
      "at f2 session focus_loss\n"
      "at f1 capture\n",
      "visit.txt");
  ASSERT_TRUE(script) << script.error().to_string();
  EXPECT_EQ(script->view_width, 800u);
  EXPECT_EQ(script->view_height, 600u);
  EXPECT_FALSE(script->stage_space);
  EXPECT_FALSE(script->depth_extension);
  EXPECT_FLOAT_EQ(script->ipd_m, 0.06f);
  EXPECT_EQ(script->refresh_hz, 72);
  EXPECT_EQ(script->controller_profile, "/interaction_profiles/htc/vive_controller");
  EXPECT_EQ(script->capture_dir, "shots");
  // Keys sorted by time; frame numbers become seconds at the refresh rate.
  ASSERT_EQ(script->head.keys.size(), 2u);
  EXPECT_EQ(script->head.keys[0].time_s, 0);
  EXPECT_EQ(script->head.keys[1].time_s, 1);
  ASSERT_EQ(script->aim[1].keys.size(), 1u);
  ASSERT_EQ(script->grip[1].keys.size(), 1u);
  EXPECT_DOUBLE_EQ(script->aim[1].keys[0].time_s, 0.5);
  EXPECT_FLOAT_EQ(script->aim[1].keys[0].pose.orientation.w, 1.0f);  // normalised
  // Events sorted by frame, seconds rounded up to a frame (0.5 s at 72 Hz = frame 36).
  ASSERT_EQ(script->events.size(), 4u);
  EXPECT_EQ(script->events[0].kind, ScriptEvent::Kind::Capture);
  EXPECT_EQ(script->events[0].frame, 1u);
  EXPECT_EQ(script->events[1].kind, ScriptEvent::Kind::Input);
  EXPECT_EQ(script->events[1].name, "thumbstick");
  EXPECT_EQ(script->events[1].hand, Hand::Left);
  EXPECT_FLOAT_EQ(script->events[1].x, -0.5f);
  EXPECT_FLOAT_EQ(script->events[1].y, 1.0f);
  EXPECT_EQ(script->events[2].name, "focus_loss");
  EXPECT_EQ(script->events[3].name, "trigger");
  EXPECT_EQ(script->events[3].frame, 36u);
  EXPECT_EQ(script->events[3].line, 12u);
}

TEST(XrsimScript, HeadPoseIsInterpolatedBetweenKeys) {
  const auto script = parse_script("at 0s head 0 1 0\nat 2s head 2 1 -4 yaw 90\n", "walk.txt");
  ASSERT_TRUE(script) << script.error().to_string();
  const XrPosef fallback{{0, 0, 0, 1}, {9, 9, 9}};
  const XrPosef middle = script->head.at(1.0, fallback);
  EXPECT_FLOAT_EQ(middle.position.x, 1);
  EXPECT_FLOAT_EQ(middle.position.z, -2);
  EXPECT_NEAR(middle.orientation.y, std::sin(3.14159265 / 8), 1e-3);  // 45° about +Y
  EXPECT_FLOAT_EQ(script->head.at(-1, fallback).position.x, 0);
  EXPECT_FLOAT_EQ(script->head.at(5, fallback).position.x, 2);
  EXPECT_FLOAT_EQ(script->aim[0].at(1, fallback).position.x, 9);  // no keys: the fallback
}

TEST(XrsimScript, ErrorsNameFileLineAndColumn) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"option fov 90\n",
       "s.txt:1:8: unknown option 'fov' (view_size, no_stage, no_depth, ipd, refresh_hz, controller, capture_dir)"},
      {"\n\nat soon head 0 1 0\n",
       "s.txt:3:4: expected a time: a frame number like f12 or seconds like 0.5s, found 'soon'"},
      {"at f1 head 0 one 0\n", "s.txt:1:14: expected a position coordinate in metres, found 'one'"},
      {"at f1 head 0 1\n", "s.txt:1:15: expected a position coordinate in metres"},
      {"at f1 head 0 1 0 0 0 0 0\n", "s.txt:1:18: the quaternion is zero"},
      {"at f1 session nap\n",
       "s.txt:1:15: unknown session request 'nap' (focus_loss, focus_return, visitor_absent, "
       "visitor_present, request_exit, loss_pending)"},
      {"at f1 right trigger 2\n", "s.txt:1:21: input values lie in [0, 1]"},
      {"at f1 middle trigger 1\n", "s.txt:1:7: expected head, left, right, session or capture, found 'middle'"},
      {"at f1 capture now\n", "s.txt:1:15: unexpected 'now'"},
      {"option view_size 8 8\n", "s.txt:1:18: the view size must be whole pixels between 16 and 4096"},
      {"option controller acme/wand\n",
       "s.txt:1:19: unknown controller 'acme/wand' (khr/simple_controller, "
       "oculus/touch_controller, valve/index_controller, htc/vive_controller, "
       "microsoft/motion_controller)"},
      {"teleport 1 2\n", "s.txt:1:1: expected 'option' or 'at', found 'teleport'"},
  };
  for (const auto& [text, message] : cases) {
    const auto script = parse_script(text, "s.txt");
    ASSERT_FALSE(script) << text;
    EXPECT_EQ(script.error().to_string(), message);
  }
}

TEST(XrsimScript, MissingFileIsAnError) {
  const auto script = load_script("/nonexistent/xrsim-script.txt");
  ASSERT_FALSE(script);
  EXPECT_NE(script.error().to_string().find("/nonexistent/xrsim-script.txt"), std::string::npos);
}

}  // namespace
}  // namespace xrsim
