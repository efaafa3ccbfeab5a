#include "present/kiosk/kiosk_presenter.h"

#include <GLFW/glfw3.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/clock.h"
#include "core/log.h"

namespace liyuan::present {
namespace {

// A stop signal (SIGTERM from the supervisor or systemd, SIGINT, SIGHUP) ends the kiosk cleanly at the next frame.
std::atomic<int> g_stop_signal{0};
void on_stop_signal(int signal) {
  g_stop_signal = signal;
}

void catch_stop_signals() {
  struct sigaction action {};
  action.sa_handler = &on_stop_signal;
  sigemptyset(&action.sa_mask);
  for (int signal_number : {SIGTERM, SIGINT, SIGHUP}) sigaction(signal_number, &action, nullptr);
}

constexpr int kOperatorMods = GLFW_MOD_CONTROL | GLFW_MOD_ALT | GLFW_MOD_SHIFT;

bool is_operator_exit(const KeyPress& key) {
  return key.key == GLFW_KEY_Q && (key.mods & kOperatorMods) == kOperatorMods;
}

// Whether the status file left by the last run says it did not stop cleanly.
bool previous_run_crashed(const std::filesystem::path& status_path) {
  std::ifstream file(status_path);
  if (!file) return false;
  std::stringstream text;
  text << file.rdbuf();
  return text.str().find("\"state\": \"stopped\"") == std::string::npos;
}

}  // namespace

Result<std::unique_ptr<KioskPresenter>> KioskPresenter::open(const KioskDesc& desc) {
  std::unique_ptr<KioskPresenter> kiosk(new KioskPresenter(desc));
  kiosk->status_.pid = int(getpid());
  catch_stop_signals();
  WindowDesc window = desc.window;
  window.fullscreen = !desc.windowed;
  window.hide_cursor = true;
  if (window.title == "Liyuan") window.title = "Liyuan kiosk";
  auto opened = WindowPresenter::open(window);
  if (!opened) return opened.error();
  kiosk->window_ = std::move(*opened);
  if (!desc.log_path.empty())
    if (Status s = kiosk->log_.open({desc.log_path, desc.log_max_bytes, desc.log_files}); !s) return s.error();
  if (!desc.status_path.empty() && previous_run_crashed(desc.status_path)) {
    kiosk->status_.last_error = "the previous run ended without stopping (crash or kill); restarted";
    kiosk->log_.write(kiosk->status_.last_error);
  }
  return kiosk;
}

Status KioskPresenter::init(gpu::Gpu& gpu) {
  log_.write(fmt::format("kiosk started: idle timeout {:.0f} s, session limit {:.0f} s", desc_.timings.idle_timeout,
                         desc_.timings.session_limit));
  Status s = window_->init(gpu);
  if (!s) note_error(s.error());
  return s;
}

void KioskPresenter::note_error(const Error& error) {
  status_.last_error = error.to_string();
  log_.write("error: " + status_.last_error);
  write_status(monotonic_seconds(), true);
}

Result<PresenterFrame> KioskPresenter::begin_frame() {
  auto frame = window_->begin_frame();
  if (!frame) note_error(frame.error());
  return frame;
}

void KioskPresenter::on_frame_drawn(const DrawnFrame& frame) {
  window_->on_frame_drawn(frame);
  if (!machine_) {
    locales_.assign(frame.locales.begin(), frame.locales.end());
    machine_.emplace(locales_, desc_.timings, monotonic_seconds());
    log_.write(fmt::format("attract loop ({} locale(s) to choose from)", locales_.size()));
  }
  status_.chapter = std::string(frame.chapter_name);
  status_.timeline_time = frame.timeline_time;
  status_.locale = std::string(frame.locale);
}

namespace {

// A language as its speakers name it, for the choice a visitor makes before knowing ours; else its tag.
std::string endonym(const std::string& locale) {
  static const std::pair<const char*, const char*> kNames[] = {
      {"zh-Hans", "简体中文"}, {"zh-Hant", "繁體中文"}, {"zh", "中文"},    {"en", "English"},
      {"ja", "日本語"},        {"ko", "한국어"},        {"ar", "العربية"}, {"fr", "Français"},
      {"de", "Deutsch"},       {"es", "Español"},       {"ru", "Русский"}, {"it", "Italiano"}};
  for (const auto& [tag, name] : kNames)
    if (locale == tag) return name;
  return locale;
}

}  // namespace

std::string KioskPresenter::language_prompt() const {
  if (!machine_ || machine_->state() != KioskState::LanguageChoice) return {};
  std::string prompt = "<";
  for (const std::string& locale : locales_)
    prompt += locale == machine_->highlighted_locale() ? "  [" + endonym(locale) + "]" : "  " + endonym(locale);
  return prompt + "  >";
}

Result<PresenterEvents> KioskPresenter::end_frame(bool rendered) {
  auto window_events = window_->end_frame(rendered);
  if (!window_events) {
    note_error(window_events.error());
    return window_events.error();
  }
  glfwSetWindowShouldClose(window_->window(), GLFW_FALSE);  // visitors cannot close the kiosk
  const WindowFrameInput& input = window_->last_input();
  PresenterEvents events;
  double now = monotonic_seconds();
  for (const KeyPress& key : input.keys)
    if (is_operator_exit(key)) {
      log_.write("the operator stopped the kiosk");
      events.quit = true;
    }
  if (int signal = g_stop_signal.exchange(0)) {
    log_.write(fmt::format("stopped by signal {} ({})", signal, strsignal(signal)));
    events.quit = true;
  }
  if (!machine_) return events;

  KioskState before = machine_->state();
  VisitorAction action;
  action.touched = input.touched;
  if (before == KioskState::LanguageChoice) {
    for (const KeyPress& key : input.keys) {
      if (key.key == GLFW_KEY_LEFT || key.key == GLFW_KEY_UP) --action.choose;
      if (key.key == GLFW_KEY_RIGHT || key.key == GLFW_KEY_DOWN) ++action.choose;
      if (key.key == GLFW_KEY_ENTER || key.key == GLFW_KEY_KP_ENTER || key.key == GLFW_KEY_SPACE) action.confirm = true;
    }
    for (const InputEvent& command : input.commands)
      if (command.command == Command::Select) action.confirm = true;  // a click or the gamepad's A
  }
  events.input = machine_->step(now, action);
  // The visitor's own commands count only in a visit that was already going (the touch that starts one does not
  // also click).
  if (before == KioskState::Active && machine_->state() == KioskState::Active) {
    auto window_input = std::move(window_events->input);
    for (InputEvent& command : window_input)
      if (command.command == Command::Select || command.command == Command::Chapter)
        events.input.push_back(std::move(command));
  }
  if (machine_->state() != logged_state_ || (before == KioskState::LanguageChoice && action.choose != 0)) {
    logged_state_ = machine_->state();
    std::string line = fmt::format("{}: {}", kiosk_state_name(logged_state_), machine_->last_reason());
    if (logged_state_ == KioskState::LanguageChoice) line = language_prompt();
    log_.write(line);
    log::info("kiosk: {}", line);
    std::string title = desc_.window.title == "Liyuan" ? "Liyuan kiosk" : desc_.window.title;
    if (logged_state_ == KioskState::LanguageChoice) title += " — " + language_prompt();
    glfwSetWindowTitle(window_->window(), title.c_str());
    write_status(now, true);
  }
  write_status(now, false);
  return events;
}

void KioskPresenter::write_status(double now, bool force) {
  if (desc_.status_path.empty()) return;
  double elapsed = now - status_written_at_;
  if (!force && elapsed < desc_.status_interval) return;
  uint64_t frames = window_->frames_presented();
  if (elapsed > 0.0 && elapsed < 1e8) status_.fps = double(frames - frames_at_status_) / elapsed;
  frames_at_status_ = frames;
  status_written_at_ = now;
  if (machine_) {
    status_.state = kiosk_state_name(machine_->state());
    status_.visits = machine_->visits();
  } else if (status_.state.empty()) {
    status_.state = "starting";
  }
  if (Status s = write_status_file(desc_.status_path, status_); !s) log::warn("kiosk: {}", s.error().to_string());
}

void KioskPresenter::shutdown() {
  window_->shutdown();
  if (status_.state == "stopped") return;
  status_.state = "stopped";
  status_.fps = 0.0;
  machine_.reset();
  if (!desc_.status_path.empty())
    if (Status s = write_status_file(desc_.status_path, status_); !s) log::warn("kiosk: {}", s.error().to_string());
  log_.write("kiosk stopped");
}

}  // namespace liyuan::present
