// The presenter for an unattended kiosk: the window presenter made fullscreen with the cursor hidden, driven by the
// kiosk state machine (kiosk_state.h). Any key, the mouse or a gamepad is a visitor's touch; on the language choice
// ← → (or ↑ ↓) move between the exhibition's locales and Enter, space or a click confirm. While a visit is active
// the visitor may click hotspots and change chapters ([ ], gamepad bumpers); the curator's keys do nothing here.
// Closing the window does nothing either: only the operator's combination Ctrl+Alt+Shift+Q ends the kiosk, or a stop
// signal (SIGTERM, SIGINT, SIGHUP: systemd or the supervisor stopping it), at the next frame.
//
// It writes what happens to a rotating log file and its status to a JSON file about once a second (status_file.h).
// Until text is drawn in the frame, the language choice is shown in the window title and the log (the seam for the
// text module: language_prompt()).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>

#include "present/kiosk/kiosk_state.h"
#include "present/kiosk/rotating_log.h"
#include "present/kiosk/status_file.h"
#include "present/presenter.h"
#include "present/window/window_presenter.h"

namespace liyuan::present {

struct KioskDesc {
  WindowDesc window;      // open() makes it fullscreen with a hidden cursor unless windowed is set
  bool windowed = false;  // for trying a kiosk on a desktop
  KioskTimings timings;
  std::filesystem::path log_path;      // empty: no log file
  uintmax_t log_max_bytes = 1u << 20;  // per file
  int log_files = 5;
  std::filesystem::path status_path;  // empty: no status file
  double status_interval = 1.0;       // seconds between status writes
};

class KioskPresenter final : public Presenter {
 public:
  // Opens the kiosk's window (fails as WindowPresenter::open does) and its log file.
  static Result<std::unique_ptr<KioskPresenter>> open(const KioskDesc& desc);

  const char* name() const override { return "kiosk"; }
  Status prepare_context(gpu::ContextDesc& desc) override { return window_->prepare_context(desc); }
  Status init(gpu::Gpu& gpu) override;
  Result<PresenterFrame> begin_frame() override;
  // Ends the window's frame, runs the state machine on what the visitor did, and returns its commands (and the
  // visitor's own, while a visit is active). quit only after the operator's combination.
  Result<PresenterEvents> end_frame(bool rendered) override;
  void on_frame_drawn(const DrawnFrame& frame) override;
  void shutdown() override;

  // The state machine, once the first frame told it the exhibition's locales.
  const KioskStateMachine* machine() const { return machine_ ? &*machine_ : nullptr; }
  // What the language choice says ("Choose a language: < en | [zh-Hans] >"), for the text module to draw.
  std::string language_prompt() const;
  std::string prompt() const override { return language_prompt(); }
  WindowPresenter& window() { return *window_; }

 private:
  explicit KioskPresenter(const KioskDesc& desc) : desc_(desc) {}
  void note_error(const Error& error);
  void write_status(double now, bool force);

  KioskDesc desc_;
  std::unique_ptr<WindowPresenter> window_;
  RotatingLog log_;
  std::optional<KioskStateMachine> machine_;
  KioskState logged_state_ = KioskState::Attract;
  KioskStatus status_;
  std::vector<std::string> locales_;
  double status_written_at_ = -1e9;
  uint64_t frames_at_status_ = 0;
};

}  // namespace liyuan::present
