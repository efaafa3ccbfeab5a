// `liyuan play PACK|SCENE [--presenter auto|xr|window|kiosk|offscreen] [--start S] [--duration D] [--fps N]
//  [--size WxH] [--stereo] [--attract [--visitor-at W]] [--watch] [--locale TAG] [--audio device|loopback|off]`: plays an
// exhibition's timeline (or turns a bare relic once round). With --attract nobody is there at first: the timeline's
// attract section loops until a visitor arrives (scripted with --visitor-at, in seconds of play). The presenter is
// chosen in presenter_choice.h. Chapters and captions are logged as they start; at the end the frame count and the CPU
// and total time per frame are printed. With --watch (exhibition sources only) saved edits are reloaded while the
// show plays (show_reload.h); a window then plays on past the end until it is closed.
// In a window or a kiosk, play runs until --duration is played, the window is closed (a kiosk: the operator's keys),
// or, without --duration and for a window, to the end of the timeline; a kiosk starts in the attract loop and loops.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "app/show_audio.h"
#include "present/kiosk/kiosk_presenter.h"

namespace liyuan::app {

struct PlayOptions {
  std::filesystem::path input;
  std::string presenter = "auto";
  double start = 0.0;
  double duration = -1.0;  // < 0: to the end of the timeline (10 s for a bare relic)
  double fps = 30.0;
  uint32_t width = 1280;
  uint32_t height = 720;
  bool stereo = false;
  bool attract = false;      // start with no visitor: the attract section loops
  double visitor_at = -1.0;  // with attract: seconds of play after which a visitor arrives (< 0: never)
  AudioOutput audio = AudioOutput::Device;  // where sound goes (device, else loopback; or off)
  std::string locale;        // the visitor's language (empty: the exhibition's default)
  bool watch = false;        // reload the exhibition's sources when they are saved (hot reload)
  // Headsets (--presenter xr, or auto with a runtime).
  bool seated = false;               // raise the stage so a seated visitor sees from standing height
  double snap_turn_degrees = 30.0;   // one snap turn
  double reset_after = 30.0;         // seconds without a visitor before the show starts again
  double absent_after_still = 20.0;  // a head this long perfectly still means the headset is off (0: never)
  bool fixed_step = false;   // window and kiosk: advance 1 / fps per frame instead of following the clock
  bool vsync = true;         // window and kiosk
  present::KioskDesc kiosk;  // kiosk: timings, log file, status file, windowed
};

// Runs the command; returns an exit code from exit_codes.h.
int run_play(const PlayOptions& options);

// Plays OPTIONS.input on PRESENTER, already chosen (OPTIONS.presenter is not looked at); returns an exit code.
int play_on(const PlayOptions& options, std::unique_ptr<present::Presenter> presenter);

}  // namespace liyuan::app
