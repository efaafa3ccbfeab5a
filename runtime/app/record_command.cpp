#include "app/record_command.h"

#include <fmt/format.h>

#include <cmath>

#include "app/contact_sheet.h"
#include "app/exit_codes.h"
#include "app/frame_loop.h"
#include "app/show_audio.h"
#include "app/gpu_session.h"
#include "app/show.h"
#include "app/show_player.h"
#include "app/video_encode.h"
#include "core/clock.h"
#include "core/log.h"
#include "present/offscreen/offscreen_presenter.h"

namespace liyuan::app {
namespace {

std::filesystem::path frame_path(const std::filesystem::path& dir, uint32_t number) {
  return dir / fmt::format("frame-{:05}.png", number);
}

// Where the outputs go: the folder of frames, and the MP4 (empty: none).
struct RecordTargets {
  std::filesystem::path frames_dir;
  std::filesystem::path mp4;
  std::filesystem::path ffmpeg;
};

// Works out the targets of OPTIONS.out; an MP4 asked for by name without ffmpeg is an error.
Result<RecordTargets> record_targets(const RecordOptions& options) {
  RecordTargets targets;
  targets.ffmpeg = find_on_path("ffmpeg");
  if (options.out.extension() == ".mp4") {
    if (targets.ffmpeg.empty())
      return make_error(options.out.string() +
                        ": writing MP4 needs ffmpeg, which is not on PATH: install Debian's "
                        "ffmpeg (sudo apt install ffmpeg), or give --out a folder for PNG frames");
    targets.mp4 = options.out;
    targets.frames_dir = options.out.parent_path() / (options.out.stem().string() + "-frames");
  } else {
    targets.frames_dir = options.out;
    if (!targets.ffmpeg.empty()) targets.mp4 = options.out / "recording.mp4";
  }
  return targets;
}

// Renders every frame into TARGETS.frames_dir and fills SHEET; everything that needs the GPU. A show with sounds is
// also mixed, through the loopback device, into SOUND (a WAV file as long as the frames), else SOUND is left empty.
Result<LoopStats> render_frames(GpuSession& session, const LoadedInput& input, const RecordOptions& options,
                                uint32_t frame_count, const std::filesystem::path& frames_dir, ContactSheet& sheet,
                                std::filesystem::path& sound) {
  present::OffscreenPresenter presenter({options.width, options.height, options.stereo ? 2u : 1u, options.fps});
  ShowPlayerOptions player_options;
  player_options.start = options.from;
  player_options.turntable_seconds = options.to - options.from;
  player_options.locale = options.locale;
  ShowPlayer player(input.show.get(), player_options);
  FrameLoopOptions loop;
  loop.duration = double(frame_count) / options.fps;
  // Captions and relic panels, as a visitor would read them.
  std::unique_ptr<ShowText> text;
  if (input.show) {
    auto opened = ShowText::create(*input.show, player.locale());
    if (opened) text = std::move(*opened);
    else log::warn("recording without captions: {}", opened.error().to_string());
    loop.text = text.get();
  }
  // What a visitor would hear, mixed as the frames are drawn, in step with them.
  std::unique_ptr<ShowAudio> audio;
  if (input.show && input.show->exhibition.sources.exhibition &&
      !input.show->exhibition.sources.exhibition->sounds.empty()) {
    ShowAudioOptions audio_options{AudioOutput::Loopback, player.locale()};
    audio_options.keep_mix = true;
    auto opened = ShowAudio::create(*input.show, audio_options);
    if (opened) audio = std::move(*opened);
    else log::warn("recording without sound: {}", opened.error().to_string());
    loop.audio = audio.get();
  }
  loop.after_frame = [&](uint32_t index) -> Status {
    const std::vector<RgbaImage>& views = presenter.last_views();
    RgbaImage joined;
    if (views.size() > 1) joined = join_side_by_side(views);
    const RgbaImage& image = views.size() > 1 ? joined : views[0];
    sheet.add(index, image, input.show ? player.timeline_time() : options.from + player.played());
    return write_png(frame_path(frames_dir, index + 1), image);
  };
  Result<LoopStats> stats = make_error("the offscreen presenter did not start");
  if (Status s = presenter.init(session.gpu()); !s)
    stats = s.error();
  else
    stats = run_frame_loop(session.gpu(), presenter, input.pack(), player, loop);
  presenter.shutdown();
  if (stats && audio && !audio->mixed().empty()) {
    sound = frames_dir / "sound.wav";
    if (Status s = audio->write_mix(sound); !s) return s.error();
  }
  return stats;
}

// Removes frames numbered past FRAME_COUNT that an earlier, longer recording left in DIR.
void remove_stale_frames(const std::filesystem::path& dir, uint32_t frame_count) {
  std::error_code error;
  for (uint32_t number = frame_count + 1; std::filesystem::remove(frame_path(dir, number), error); ++number) {
  }
}

}  // namespace

uint32_t record_frame_count(const RecordOptions& options) {
  return uint32_t(std::max(0L, std::lround((options.to - options.from) * options.fps)));
}

int run_record(const RecordOptions& options) {
  if (!(options.fps > 0.0 && options.fps <= 1000.0)) {
    log::error("--fps must be between 0 and 1000");
    return kExitUsage;
  }
  if (!(options.from >= 0.0 && options.to > options.from) || record_frame_count(options) == 0 ||
      record_frame_count(options) > 99999) {
    log::error("--from and --to must give 0 <= from < to and between 1 and 99999 frames at {} fps", options.fps);
    return kExitUsage;
  }
  uint32_t frame_count = record_frame_count(options);
  auto targets = record_targets(options);
  if (!targets) {
    log::error("{}", targets.error().to_string());
    return kExitFailure;
  }
  std::error_code error;
  std::filesystem::create_directories(targets->frames_dir, error);
  if (error) {
    log::error("{}: cannot create the folder: {}", targets->frames_dir.string(), error.message());
    return kExitFailure;
  }
  Stopwatch total;
  auto input = load_input(options.input);
  if (!input) {
    log::error("{}", input.error().to_string());
    return kExitFailure;
  }
  if (input->show && options.to > input->show->exhibition.timeline.duration + 1e-9)
    log::warn("--to {} s is past the end of the timeline ({} s): the frames after it hold its end", options.to,
              input->show->exhibition.timeline.duration);
  auto session = GpuSession::create();
  if (!session) {
    log::error("{}", session.error().to_string());
    return kExitFailure;
  }
  ContactSheet sheet(frame_count, options.stereo ? 2 * options.width : options.width, options.height);
  std::filesystem::path sound;
  Result<LoopStats> stats = render_frames(*session, *input, options, frame_count, targets->frames_dir, sheet, sound);
  uint32_t validation_messages = session->finish();
  if (!stats) {
    log::error("{}: {}", options.input.string(), stats.error().to_string());
    return kExitFailure;
  }
  if (stats->rendered != frame_count) {
    log::error("rendered {} frames instead of {}", stats->rendered, frame_count);
    return kExitFailure;
  }
  remove_stale_frames(targets->frames_dir, frame_count);
  std::filesystem::path sheet_path = targets->frames_dir / "contact-sheet.png";
  if (Status s = write_png(sheet_path, sheet.image()); !s) {
    log::error("{}", s.error().to_string());
    return kExitFailure;
  }
  log::info(
      "recorded {} frames ({:.2f} s to {:.2f} s at {} fps, {}x{}{}) in {}, frame-00001.png to {}; {:.0f} ms a "
      "frame",
      frame_count, options.from, options.to, options.fps, options.width, options.height,
      options.stereo ? " x2 eyes" : "", targets->frames_dir.string(), frame_path({}, frame_count).string(),
      stats->total_ms / stats->frames);
  log::info("contact sheet: {}", sheet_path.string());
  if (targets->mp4.empty()) {
    log::info("note: no MP4 (ffmpeg is not on PATH; install Debian's ffmpeg for one)");
  } else {
    Stopwatch encoding;
    if (Status s = encode_mp4(targets->ffmpeg, targets->frames_dir, frame_count, options.fps, targets->mp4, sound);
        !s) {
      log::error("{}", s.error().to_string());
      return kExitFailure;
    }
    log::info("video: {}{} ({:.0f} ms to encode)", targets->mp4.string(), sound.empty() ? "" : " with its sound",
              encoding.elapsed_ms());
  }
  log::debug("record took {:.0f} ms in all", total.elapsed_ms());
  if (validation_messages > 0) {
    log::error("the Vulkan validation layer reported {} message(s) (above): treat as a bug", validation_messages);
    return kExitValidation;
  }
  return kExitOk;
}

}  // namespace liyuan::app
