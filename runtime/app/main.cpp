// `liyuan`: plays and renders Liyuan exhibitions. This file is the command line only; each command lives in its
// own file.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <regex>

#include "app/demo_command.h"
#include "app/exit_codes.h"
#include "app/kiosk_supervisor.h"
#include "app/play_command.h"
#include "app/record_command.h"
#include "app/render_command.h"
#include "scene/lint_command.h"

namespace {

// "WxH" → width and height, each 16..16384.
bool parse_size(const std::string& text, uint32_t* width, uint32_t* height) {
  std::smatch match;
  static const std::regex pattern(R"((\d{1,5})x(\d{1,5}))");
  if (!std::regex_match(text, match, pattern)) return false;
  unsigned long w = std::stoul(match[1]), h = std::stoul(match[2]);
  if (w < 16 || h < 16 || w > 16384 || h > 16384) return false;
  *width = static_cast<uint32_t>(w);
  *height = static_cast<uint32_t>(h);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace liyuan::app;
  CLI::App cli{"liyuan: plays and renders immersive exhibitions.\n"
               "Exit codes: 0 ok, 1 bad input or failure, 2 usage, 3 Vulkan validation messages reported."};
  cli.require_subcommand(1);

  RenderOptions render;
  std::string size = "1280x720";
  CLI::App* render_cmd =
      cli.add_subcommand("render", "Render one frame of a pack or an exhibition to a PNG (a bare relic is framed "
                                   "automatically)");
  render_cmd->add_option("PACK|SCENE", render.input, "A .lypak made by liyuan-pack, or an exhibition.yaml")->required();
  render_cmd->add_option("--time", render.time, "Seconds on the exhibition's timeline")->capture_default_str();
  render_cmd->add_option("--out,-o", render.out, "Output PNG file")->required();
  render_cmd->add_option("--size", size, "Image size as WxH (per eye with --stereo)")->capture_default_str();
  render_cmd->add_flag("--stereo", render.stereo, "Both eyes side by side, rendered in one multiview pass");
  render_cmd->add_option("--turntable", render.turntable_degrees, "Camera angle around a bare relic, in degrees")
      ->capture_default_str();
  render_cmd->add_option("--lod", render.lod, "Draw this level of detail everywhere (0 = full detail), to inspect LODs")
      ->check(CLI::Range(0, 7));
  render_cmd->add_option("--locale", render.locale,
                         "Captions and panels in this language (a BCP-47 tag the exhibition offers; default: its "
                         "default locale)");
  render_cmd->add_option("--panel", render.panel, "Open the relic panel of the hotspot on this node");
  render_cmd->add_flag("--no-text", render.no_text, "Leave captions and panels out");

  PlayOptions play;
  std::string play_size = "1280x720";
  CLI::App* play_cmd = cli.add_subcommand("play", "Play an exhibition's timeline (or turn a bare relic once round)");
  play_cmd->add_option("PACK|SCENE", play.input, "A .lypak made by liyuan-pack, or an exhibition.yaml")->required();
  play_cmd->add_option("--presenter", play.presenter,
                       "auto (a headset when an OpenXR runtime answers, else a window when there is a display, else "
                       "offscreen), xr, window, kiosk or offscreen")
      ->capture_default_str();
  play_cmd->add_option("--start", play.start, "Start at this many seconds on the timeline")->capture_default_str();
  play_cmd->add_option("--duration", play.duration, "Stop after this much timeline time (default: to the end)");
  play_cmd->add_option("--fps", play.fps, "Offscreen (and a window with --fixed-step): frames per second, a fixed step")->capture_default_str();
  play_cmd->add_option("--size", play_size, "Image size as WxH (per eye with --stereo)")->capture_default_str();
  play_cmd->add_flag("--stereo", play.stereo, "Both eyes, rendered in one multiview pass");
  std::string audio_output = "device";
  play_cmd->add_option("--audio", audio_output, "Sound: device (the sound card, else mixed silently), loopback, or off")
      ->check(CLI::IsMember({"device", "loopback", "off"}))
      ->capture_default_str();
  play_cmd->add_option("--locale", play.locale, "The visitor's language, a locale the exhibition offers (e.g. zh-Hans)");
  play_cmd->add_flag("--attract", play.attract, "Start with no visitor: the attract section loops until one arrives");
  play_cmd->add_option("--visitor-at", play.visitor_at, "Start with nobody there (as --attract); a visitor arrives after this many seconds");
  play_cmd->add_flag("--seated", play.seated,
                     "Headset: a seated visitor (the stage rises 0.4 m to standing eye height)");
  play_cmd->add_option("--snap-turn", play.snap_turn_degrees, "Headset: degrees per snap turn")
      ->check(CLI::Range(1.0, 180.0))
      ->capture_default_str();
  play_cmd->add_option("--reset-after", play.reset_after, "Seconds without a visitor before the show starts again")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  play_cmd
      ->add_option("--absent-after", play.absent_after_still,
                   "Headset: seconds of a perfectly still head that mean it was taken off (0: never)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  play_cmd->add_flag("--watch", play.watch,
                     "Reload the exhibition's scenes, timelines and strings when they are saved, keeping the time");

  RecordOptions record;
  std::string record_size = "1280x720";
  CLI::App* record_cmd = cli.add_subcommand(
      "record", "Render a stretch of the timeline offscreen at a fixed frame rate: numbered PNG frames, a contact "
                "sheet, and an MP4 when ffmpeg is installed");
  record_cmd->add_option("PACK|SCENE", record.input, "A .lypak made by liyuan-pack, or an exhibition.yaml")
      ->required();
  record_cmd->add_option("--out,-o", record.out, "A folder for the frames (and recording.mp4), or FILE.mp4")
      ->required();
  record_cmd->add_option("--from", record.from, "Start at this many seconds on the timeline")->capture_default_str();
  record_cmd->add_option("--to", record.to, "End at this many seconds on the timeline (not included)")->required();
  record_cmd->add_option("--fps", record.fps, "Frames per second of timeline time")->capture_default_str();
  record_cmd->add_option("--size", record_size, "Frame size as WxH (per eye with --stereo)")->capture_default_str();
  record_cmd->add_flag("--stereo", record.stereo, "Both eyes side by side, rendered in one multiview pass");
  record_cmd->add_option("--locale", record.locale, "The visitor's language, a locale the exhibition offers");
  play_cmd->add_flag("--fixed-step", play.fixed_step, "Window and kiosk: advance 1/fps per frame, not by the clock");
  play_cmd->add_flag("!--no-vsync", play.vsync, "Window and kiosk: present as fast as possible");
  play_cmd->add_option("--idle-timeout", play.kiosk.timings.idle_timeout,
                       "Kiosk: seconds without input before the attract loop returns")->capture_default_str();
  play_cmd->add_option("--session-limit", play.kiosk.timings.session_limit, "Kiosk: longest visit, in seconds")
      ->capture_default_str();
  play_cmd->add_option("--language-timeout", play.kiosk.timings.language_timeout,
                       "Kiosk: seconds on the language choice without input before the attract loop returns")
      ->capture_default_str();
  play_cmd->add_option("--kiosk-log", play.kiosk.log_path, "Kiosk: rotating log file (5 files of 1 MiB)");
  play_cmd->add_option("--kiosk-status", play.kiosk.status_path, "Kiosk: JSON status file, rewritten every second");
  play_cmd->add_flag("--kiosk-windowed", play.kiosk.windowed, "Kiosk: in a window, not fullscreen (to try it out)");

  DemoOptions demo;
  std::string demo_size = "480x270";
  CLI::App* demo_cmd = cli.add_subcommand(
      "demo", "Play the bundled Tang Palace exhibition on the best presenter available (a headset, else a window); "
              "with neither, record the tour offscreen to a contact sheet and an MP4");
  demo_cmd->add_option("--presenter", demo.presenter, "auto, xr, window or offscreen")->capture_default_str();
  demo_cmd->add_option("--locale", demo.locale, "The visitor's language: zh-Hans, en or ja");
  demo_cmd->add_option("--exhibition", demo.exhibition, "Another exhibition.yaml to play instead of the bundled one");
  demo_cmd->add_option("--out,-o", demo.out, "Offscreen: the folder for the recording (default: the user cache)");
  demo_cmd->add_option("--size", demo_size, "Offscreen: frame size as WxH")->capture_default_str();
  demo_cmd->add_option("--fps", demo.fps, "Offscreen: frames per second of the recording")->capture_default_str();

  SupervisorOptions supervisor;
  CLI::App* supervisor_cmd = cli.add_subcommand(
      "kiosk-supervisor", "Run a kiosk command and start it again within a second when it crashes (after --)");
  supervisor_cmd->add_option("--log", supervisor.log_path, "Also write the kiosk's output to this rotating log");
  supervisor_cmd->add_option("--restart-delay", supervisor.restart_delay, "Seconds from a crash to the restart")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  supervisor_cmd->add_option("--max-delay", supervisor.max_delay, "Longest back-off when it keeps crashing, in seconds")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  supervisor_cmd->add_option("--crash-loop", supervisor.crash_loop_count,
                             "Crashes within a minute after which the delay doubles per crash")->capture_default_str();
  supervisor_cmd->add_option("COMMAND", supervisor.command, "The command to keep running, e.g. -- liyuan play "
                                                            "show.lypak --presenter kiosk")->required();

  std::vector<std::filesystem::path> lint_paths;
  CLI::App* lint_cmd = cli.add_subcommand(
      "lint", "Check exhibition and scene files; errors as file:line:column (exit 1 on any error, 0 with warnings)");
  lint_cmd->add_option("SCENE", lint_paths, "exhibition.yaml or scene files")->required();

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = cli.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  if (render_cmd->parsed()) {
    if (!parse_size(size, &render.width, &render.height)) {
      std::fprintf(stderr, "liyuan: error: --size must be WxH with each side 16..16384, not '%s'\n", size.c_str());
      return kExitUsage;
    }
    return run_render(render);
  }
  if (play_cmd->parsed()) {
    if (!parse_size(play_size, &play.width, &play.height)) {
      std::fprintf(stderr, "liyuan: error: --size must be WxH with each side 16..16384, not '%s'\n", play_size.c_str());
      return kExitUsage;
    }
    play.audio = *parse_audio_output(audio_output);
    return run_play(play);
  }
  if (record_cmd->parsed()) {
    if (!parse_size(record_size, &record.width, &record.height)) {
      std::fprintf(stderr, "liyuan: error: --size must be WxH with each side 16..16384, not '%s'\n",
                   record_size.c_str());
      return kExitUsage;
    }
    return run_record(record);
  }
  if (supervisor_cmd->parsed()) return run_kiosk_supervisor(supervisor);
  if (demo_cmd->parsed()) {
    if (!parse_size(demo_size, &demo.width, &demo.height)) {
      std::fprintf(stderr, "liyuan: error: --size must be WxH with each side 16..16384, not '%s'\n", demo_size.c_str());
      return kExitUsage;
    }
    return run_demo(demo);
  }
  if (lint_cmd->parsed()) return liyuan::scene::run_lint_command(lint_paths, stdout);
  return kExitUsage;
}
