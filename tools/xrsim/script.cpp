#include "script.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <optional>
#include <sstream>

#include "pose_math.h"

namespace xrsim {
namespace {

using liyuan::make_error_at;
using liyuan::Result;

struct Token {
  std::string_view text;
  uint32_t column = 0;  // 1-based
};

std::vector<Token> split_line(std::string_view line) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < line.size()) {
    if (line[i] == '#') break;
    if (line[i] == ' ' || line[i] == '\t' || line[i] == '\r') {
      ++i;
      continue;
    }
    const size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r' && line[i] != '#') ++i;
    tokens.push_back({line.substr(start, i - start), uint32_t(start + 1)});
  }
  return tokens;
}

// A time as written: a frame number (f12) or seconds (0.5s); converted once the refresh rate is known.
struct WrittenTime {
  bool in_frames = true;
  double value = 0;
};

const std::array<std::string_view, 11> kInputs = {
    "trigger", "select", "squeeze", "thumbstick", "thumbstick_click", "menu", "a", "b", "x", "y", "system"};
const std::array<std::string_view, 6> kSessionRequests = {"focus_loss",      "focus_return", "visitor_absent",
                                                          "visitor_present", "request_exit", "loss_pending"};
const std::array<std::string_view, 5> kProfiles = {"khr/simple_controller", "oculus/touch_controller",
                                                   "valve/index_controller", "htc/vive_controller",
                                                   "microsoft/motion_controller"};

class Parser {
 public:
  Parser(std::string file, uint32_t line, std::vector<Token> tokens)
      : file_(std::move(file)), line_(line), tokens_(std::move(tokens)) {}

  liyuan::Error error(size_t index, const std::string& message) const {
    const uint32_t column = index < tokens_.size() ? tokens_[index].column
                            : tokens_.empty()      ? 1
                                                   : tokens_.back().column + uint32_t(tokens_.back().text.size());
    return make_error_at(file_, line_, column, message);
  }
  size_t size() const { return tokens_.size(); }
  std::string_view text(size_t index) const { return index < tokens_.size() ? tokens_[index].text : ""; }

  Result<double> number(size_t index, const char* what) const {
    if (index >= tokens_.size()) return error(index, std::string("expected ") + what);
    const std::string_view t = tokens_[index].text;
    double value = 0;
    const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
    if (ec != std::errc() || end != t.data() + t.size() || !std::isfinite(value))
      return error(index, std::string("expected ") + what + ", found '" + std::string(t) + "'");
    return value;
  }

  liyuan::Status expect_end(size_t index) const {
    if (index < tokens_.size()) return error(index, "unexpected '" + std::string(tokens_[index].text) + "'");
    return {};
  }

 private:
  std::string file_;
  uint32_t line_;
  std::vector<Token> tokens_;
};

Result<WrittenTime> parse_time(const Parser& p, size_t index) {
  const std::string_view t = p.text(index);
  if (t.size() >= 2 && t.front() == 'f') {
    uint64_t frame = 0;
    const auto [end, ec] = std::from_chars(t.data() + 1, t.data() + t.size(), frame);
    if (ec == std::errc() && end == t.data() + t.size()) return WrittenTime{true, double(frame)};
  } else if (t.size() >= 2 && t.back() == 's') {
    double seconds = 0;
    const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size() - 1, seconds);
    if (ec == std::errc() && end == t.data() + t.size() - 1 && seconds >= 0) return WrittenTime{false, seconds};
  }
  return p.error(index,
                 "expected a time: a frame number like f12 or seconds like 0.5s, found '" + std::string(t) + "'");
}

// Reads "X Y Z [QX QY QZ QW | yaw D [pitch D]]" from INDEX to the end of the line.
Result<XrPosef> parse_pose(const Parser& p, size_t index) {
  XrPosef pose = kIdentityPose;
  float* position[3] = {&pose.position.x, &pose.position.y, &pose.position.z};
  for (int i = 0; i < 3; ++i) {
    auto v = p.number(index + i, "a position coordinate in metres");
    if (!v) return v.error();
    *position[i] = float(*v);
  }
  size_t at = index + 3;
  if (at == p.size()) return pose;
  if (p.text(at) == "yaw") {
    auto yaw = p.number(at + 1, "a yaw angle in degrees");
    if (!yaw) return yaw.error();
    double pitch = 0;
    at += 2;
    if (p.text(at) == "pitch") {
      auto value = p.number(at + 1, "a pitch angle in degrees");
      if (!value) return value.error();
      pitch = *value;
      at += 2;
    }
    pose.orientation = from_yaw_pitch(float(*yaw), float(pitch));
  } else {
    float q[4];
    for (int i = 0; i < 4; ++i) {
      auto v = p.number(at + i, "a quaternion component (x y z w) or 'yaw'");
      if (!v) return v.error();
      q[i] = float(*v);
    }
    const XrQuaternionf raw{q[0], q[1], q[2], q[3]};
    if (raw.x == 0 && raw.y == 0 && raw.z == 0 && raw.w == 0) return p.error(at, "the quaternion is zero");
    pose.orientation = normalized(raw);
    at += 4;
  }
  if (auto end = p.expect_end(at); !end) return end.error();
  return pose;
}

struct PendingKey {
  WrittenTime time;
  PoseTrack* track;
  XrPosef pose;
};
struct PendingEvent {
  WrittenTime time;
  ScriptEvent event;
};

liyuan::Status parse_option(const Parser& p, Script& script) {
  const std::string_view name = p.text(1);
  if (name == "view_size") {
    auto w = p.number(2, "a width in pixels");
    if (!w) return w.error();
    auto h = p.number(3, "a height in pixels");
    if (!h) return h.error();
    if (*w < 16 || *w > 4096 || *h < 16 || *h > 4096 || *w != std::floor(*w) || *h != std::floor(*h))
      return p.error(2, "the view size must be whole pixels between 16 and 4096");
    script.view_width = uint32_t(*w);
    script.view_height = uint32_t(*h);
    return p.expect_end(4);
  }
  if (name == "no_stage") {
    script.stage_space = false;
    return p.expect_end(2);
  }
  if (name == "no_depth") {
    script.depth_extension = false;
    return p.expect_end(2);
  }
  if (name == "ipd") {
    auto v = p.number(2, "an interpupillary distance in metres");
    if (!v) return v.error();
    if (*v < 0 || *v > 0.2) return p.error(2, "the interpupillary distance must be between 0 and 0.2 m");
    script.ipd_m = float(*v);
    return p.expect_end(3);
  }
  if (name == "refresh_hz") {
    auto v = p.number(2, "a refresh rate in hertz");
    if (!v) return v.error();
    if (*v < 1 || *v > 1000) return p.error(2, "the refresh rate must be between 1 and 1000 Hz");
    script.refresh_hz = *v;
    return p.expect_end(3);
  }
  if (name == "controller") {
    const std::string_view profile = p.text(2);
    if (std::find(kProfiles.begin(), kProfiles.end(), profile) == kProfiles.end())
      return p.error(2, "unknown controller '" + std::string(profile) +
                            "' (khr/simple_controller, oculus/touch_controller, valve/index_controller, "
                            "htc/vive_controller, microsoft/motion_controller)");
    script.controller_profile = "/interaction_profiles/" + std::string(profile);
    return p.expect_end(3);
  }
  if (name == "capture_dir") {
    if (p.size() < 3) return p.error(2, "expected a directory");
    script.capture_dir = std::string(p.text(2));
    return p.expect_end(3);
  }
  return p.error(1, "unknown option '" + std::string(name) +
                        "' (view_size, no_stage, no_depth, ipd, refresh_hz, controller, capture_dir)");
}

liyuan::Status parse_at(const Parser& p, Script& script, uint32_t line, std::vector<PendingKey>& keys,
                        std::vector<PendingEvent>& events) {
  auto time = parse_time(p, 1);
  if (!time) return time.error();
  const std::string_view subject = p.text(2);
  if (subject == "head") {
    auto pose = parse_pose(p, 3);
    if (!pose) return pose.error();
    keys.push_back({*time, &script.head, *pose});
    return {};
  }
  if (subject == "capture") {
    events.push_back({*time, ScriptEvent{0, ScriptEvent::Kind::Capture, Hand::Right, "capture", 0, 0, line}});
    return p.expect_end(3);
  }
  if (subject == "session") {
    const std::string_view request = p.text(3);
    if (std::find(kSessionRequests.begin(), kSessionRequests.end(), request) == kSessionRequests.end())
      return p.error(3, "unknown session request '" + std::string(request) +
                            "' (focus_loss, focus_return, visitor_absent, visitor_present, request_exit, "
                            "loss_pending)");
    events.push_back(
        {*time, ScriptEvent{0, ScriptEvent::Kind::Session, Hand::Right, std::string(request), 0, 0, line}});
    return p.expect_end(4);
  }
  if (subject != "left" && subject != "right")
    return p.error(2, "expected head, left, right, session or capture, found '" + std::string(subject) + "'");
  const Hand hand = subject == "left" ? Hand::Left : Hand::Right;
  const std::string_view what = p.text(3);
  if (what == "aim" || what == "grip" || what == "pose") {
    auto pose = parse_pose(p, 4);
    if (!pose) return pose.error();
    const size_t h = size_t(hand);
    if (what != "grip") keys.push_back({*time, &script.aim[h], *pose});
    if (what != "aim") keys.push_back({*time, &script.grip[h], *pose});
    return {};
  }
  if (std::find(kInputs.begin(), kInputs.end(), what) == kInputs.end())
    return p.error(3,
                   "expected aim, grip, pose or an input (trigger, select, squeeze, thumbstick, "
                   "thumbstick_click, menu, a, b, x, y, system), found '" +
                       std::string(what) + "'");
  ScriptEvent event{0, ScriptEvent::Kind::Input, hand, std::string(what), 0, 0, line};
  auto x = p.number(4, what == "thumbstick" ? "an x value between -1 and 1" : "a value between 0 and 1");
  if (!x) return x.error();
  event.x = float(*x);
  size_t end = 5;
  if (what == "thumbstick") {
    auto y = p.number(5, "a y value between -1 and 1");
    if (!y) return y.error();
    event.y = float(*y);
    end = 6;
    if (std::fabs(event.x) > 1 || std::fabs(event.y) > 1) return p.error(4, "thumbstick values lie in [-1, 1]");
  } else if (event.x < 0 || event.x > 1) {
    return p.error(4, "input values lie in [0, 1]");
  }
  events.push_back({*time, event});
  return p.expect_end(end);
}

}  // namespace

XrPosef PoseTrack::at(double time_s, const XrPosef& fallback) const {
  if (keys.empty()) return fallback;
  if (time_s <= keys.front().time_s) return keys.front().pose;
  if (time_s >= keys.back().time_s) return keys.back().pose;
  const auto next =
      std::upper_bound(keys.begin(), keys.end(), time_s, [](double t, const PoseKey& key) { return t < key.time_s; });
  const PoseKey& b = *next;
  const PoseKey& a = *(next - 1);
  if (b.time_s == a.time_s) return b.pose;
  return interpolate(a.pose, b.pose, float((time_s - a.time_s) / (b.time_s - a.time_s)));
}

Result<Script> parse_script(std::string_view text, const std::string& file_name) {
  Script script;
  script.source = file_name;
  std::vector<PendingKey> keys;
  std::vector<PendingEvent> events;
  uint32_t line_number = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    ++line_number;
    Parser p(file_name, line_number, split_line(text.substr(start, end - start)));
    start = end + 1;
    if (p.size() == 0) continue;
    liyuan::Status status;
    if (p.text(0) == "option") {
      status = parse_option(p, script);
    } else if (p.text(0) == "at") {
      status = parse_at(p, script, line_number, keys, events);
    } else {
      status = p.error(0, "expected 'option' or 'at', found '" + std::string(p.text(0)) + "'");
    }
    if (!status) return status.error();
  }
  const auto seconds = [&](const WrittenTime& t) { return t.in_frames ? t.value / script.refresh_hz : t.value; };
  const auto frame = [&](const WrittenTime& t) {
    return t.in_frames ? uint64_t(t.value) : uint64_t(std::ceil(t.value * script.refresh_hz - 1e-6));
  };
  for (const PendingKey& key : keys) key.track->keys.push_back({seconds(key.time), key.pose});
  for (PoseTrack* track : {&script.head, &script.aim[0], &script.aim[1], &script.grip[0], &script.grip[1]})
    std::stable_sort(track->keys.begin(), track->keys.end(),
                     [](const PoseKey& a, const PoseKey& b) { return a.time_s < b.time_s; });
  for (PendingEvent& pending : events) {
    pending.event.frame = frame(pending.time);
    script.events.push_back(pending.event);
  }
  std::stable_sort(script.events.begin(), script.events.end(),
                   [](const ScriptEvent& a, const ScriptEvent& b) { return a.frame < b.frame; });
  return script;
}

Result<Script> load_script(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return liyuan::make_error_at(path.string(), 0, 0, "cannot open the xrsim script");
  std::ostringstream text;
  text << in.rdbuf();
  return parse_script(text.str(), path.string());
}

}  // namespace xrsim
