#include "app/demo_command.h"

#include "app/exit_codes.h"
#include "app/pack_tool.h"
#include "app/play_command.h"
#include "app/presenter_choice.h"
#include "app/record_command.h"
#include "app/show.h"
#include "core/cache_dir.h"
#include "core/log.h"

namespace liyuan::app {
namespace {

constexpr const char* kBundled = "scenes/tang-palace/exhibition.yaml";

// The tour's length: the exhibition's timeline, read (and packed) once here so that errors show before recording.
Result<double> timeline_duration(const std::filesystem::path& exhibition) {
  auto show = load_show(exhibition);
  if (!show) return show.error();
  return (*show)->exhibition.timeline.duration;
}

}  // namespace

std::filesystem::path find_bundled_exhibition() {
  const std::filesystem::path here = this_executable().parent_path();
  for (const auto& candidate : {here / ".." / ".." / ".." / kBundled, here / ".." / "share" / "liyuan" / kBundled}) {
    std::error_code error;
    if (std::filesystem::is_regular_file(candidate, error)) return std::filesystem::weakly_canonical(candidate, error);
  }
  return {};
}

int run_demo(const DemoOptions& options) {
  std::filesystem::path exhibition = options.exhibition.empty() ? find_bundled_exhibition() : options.exhibition;
  if (exhibition.empty()) {
    log::error("the bundled exhibition ({}) is not beside this liyuan: give one with --exhibition", kBundled);
    return kExitFailure;
  }
  log::info("demo: {}", exhibition.string());

  PresenterRequest request;
  request.name = options.presenter;
  request.width = 1280;
  request.height = 720;
  ChosenPresenter chosen = choose_presenter(request);
  if (!chosen.presenter) return chosen.failure_exit_code;

  if (std::string_view(chosen.presenter->name()) != "offscreen") {
    PlayOptions play;
    play.input = exhibition;
    play.presenter = chosen.presenter->name();
    play.locale = options.locale;
    return play_on(play, std::move(chosen.presenter));
  }

  // Nobody to show it to: record the tour for later, as a contact sheet and a video.
  chosen.presenter.reset();
  auto duration = timeline_duration(exhibition);
  if (!duration) {
    log::error("{}", duration.error().to_string());
    return kExitFailure;
  }
  RecordOptions record;
  record.input = exhibition;
  record.out = options.out;
  if (record.out.empty()) record.out = user_cache_dir().empty() ? "liyuan-demo" : user_cache_dir() / "demo";
  record.from = 0.0;
  record.to = *duration;
  record.fps = options.fps;
  record.width = options.width;
  record.height = options.height;
  record.locale = options.locale;
  log::info("demo: no headset and no display: recording the {:.0f} s tour offscreen at {}x{}, {} fps, into {}",
            *duration, record.width, record.height, record.fps, record.out.string());
  int status = run_record(record);
  if (status == kExitOk)
    log::info("demo: the tour is in {} (contact-sheet.png{})", record.out.string(),
              std::filesystem::exists(record.out / "recording.mp4") ? ", recording.mp4" : "");
  return status;
}

}  // namespace liyuan::app
