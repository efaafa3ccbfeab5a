// liyuan-bench-exhibition: not a test. For the bundled Tang Palace exhibition and, as the reference measured in the
// same run, the test tour (tests/data/exhibitions/tour): pack size and time (no cache), load time (pack opened and
// checked, GPU upload), and frames offscreen at 1280×720 for one eye and both — frames per second with the GPU, and
// CPU time per frame without waiting for it (building the frame and recording its commands).
//   liyuan-bench-exhibition [FRAMES]      (default 12 frames per case)
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "app/frame_loop.h"
#include "app/gpu_session.h"
#include "app/pack_tool.h"
#include "app/show.h"
#include "app/show_player.h"
#include "core/clock.h"
#include "present/offscreen/offscreen_presenter.h"
#include "render/gpu_assets.h"
#include "render/renderer.h"

namespace {

using namespace liyuan;

struct Figures {
  double pack_bytes = 0, pack_ms = 0, open_ms = 0, upload_ms = 0;
  double fps[2] = {}, cpu_ms[2] = {};
};

// Packs EXHIBITION afresh (no cache) into a temporary file and returns its size and time.
bool pack_afresh(const std::filesystem::path& exhibition, Figures& figures) {
  auto out = std::filesystem::temp_directory_path() / fmt::format("liyuan-bench-{}.lypak", ::getpid());
  std::string command = fmt::format("'{}' pack '{}' -o '{}' --no-cache -q", app::find_pack_tool().string(),
                                    exhibition.string(), out.string());
  Stopwatch clock;
  if (std::system(command.c_str()) != 0) return false;
  figures.pack_ms = clock.elapsed_ms();
  figures.pack_bytes = double(std::filesystem::file_size(out));
  std::filesystem::remove(out);
  return true;
}

// Plays FRAMES frames of SHOW from START offscreen at 1280×720 with VIEWS eyes; fills fps and CPU time.
bool play(const app::Show& show, double start, uint32_t frames, uint32_t views, Figures& figures) {
  present::OffscreenPresenter presenter({1280, 720, views, 30.0});
  auto session = app::GpuSession::create(presenter);
  if (!session || !presenter.init(session->gpu())) return false;
  app::ShowPlayerOptions options;
  options.start = start;
  app::ShowPlayer player(&show, options);
  app::FrameLoopOptions loop;
  loop.duration = frames / 30.0;
  auto stats = app::run_frame_loop(session->gpu(), presenter, show.contents, player, loop);
  presenter.shutdown();
  session->finish();
  if (!stats || stats->rendered == 0) return false;
  figures.fps[views - 1] = 1000.0 * stats->frames / stats->total_ms;
  figures.cpu_ms[views - 1] = stats->cpu_ms / stats->frames;
  return true;
}

// Opens and checks EXHIBITION's pack again, and uploads it to a fresh GPU: the load a visitor waits for.
bool load(const std::filesystem::path& exhibition, Figures& figures) {
  auto pack = app::pack_exhibition(exhibition);  // cached: just its path
  if (!pack) return false;
  Stopwatch clock;
  auto reader = PackReader::open(*pack);
  if (!reader) return false;
  auto contents = load_pack_contents(*reader);
  if (!contents) return false;
  figures.open_ms = clock.elapsed_ms();
  auto session = app::GpuSession::create();
  if (!session) return false;
  auto renderer = render::Renderer::create(session->gpu(), render::RendererDesc{1280, 720});
  if (!renderer) return false;
  Stopwatch upload;
  auto assets = render::GpuAssets::upload(session->gpu(), *contents, (*renderer)->material_layout());
  figures.upload_ms = upload.elapsed_ms();
  bool ok = bool(assets);
  assets = make_error("released");
  renderer = make_error("released");
  session->finish();
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  uint32_t frames = argc > 1 ? uint32_t(std::max(1, std::atoi(argv[1]))) : 12;
  const std::filesystem::path root = LIYUAN_SOURCE_DIR;
  struct Case {
    const char* name;
    std::filesystem::path exhibition;
    double start;
  };
  const std::vector<Case> cases = {{"Tang Palace", root / "scenes/tang-palace/exhibition.yaml", 32.0},
                                   {"test tour (reference)", root / "tests/data/exhibitions/tour/exhibition.yaml", 5.0}};
  std::vector<Figures> all;
  for (const Case& c : cases) {
    Figures figures;
    auto show = app::load_show(c.exhibition);
    if (!show || !pack_afresh(c.exhibition, figures) || !load(c.exhibition, figures) ||
        !play(**show, c.start, frames, 1, figures) || !play(**show, c.start, frames, 2, figures)) {
      fmt::print(stderr, "liyuan-bench-exhibition: {} failed\n", c.name);
      return 1;
    }
    all.push_back(figures);
  }
  fmt::print("\n{:<24}{:>12}{:>10}{:>10}{:>11}{:>14}{:>14}{:>14}{:>14}\n", "exhibition", "pack bytes", "pack ms",
             "open ms", "upload ms", "fps 1 eye", "CPU ms/frame", "fps 2 eyes", "CPU ms/frame");
  for (size_t i = 0; i < cases.size(); ++i) {
    const Figures& f = all[i];
    fmt::print("{:<24}{:>12.0f}{:>10.0f}{:>10.1f}{:>11.1f}{:>14.2f}{:>14.2f}{:>14.2f}{:>14.2f}\n", cases[i].name,
               f.pack_bytes, f.pack_ms, f.open_ms, f.upload_ms, f.fps[0], f.cpu_ms[0], f.fps[1], f.cpu_ms[1]);
  }
  const Figures& a = all[0];
  const Figures& b = all[1];
  fmt::print("{:<24}{:>12.2f}{:>10.2f}{:>10.2f}{:>11.2f}{:>14.2f}{:>14.2f}{:>14.2f}{:>14.2f}\n", "ratio (Tang / ref)",
             a.pack_bytes / b.pack_bytes, a.pack_ms / b.pack_ms, a.open_ms / b.open_ms, a.upload_ms / b.upload_ms,
             a.fps[0] / b.fps[0], a.cpu_ms[0] / b.cpu_ms[0], a.fps[1] / b.fps[1], a.cpu_ms[1] / b.cpu_ms[1]);
  fmt::print("\n1280x720, {} frames per case, offscreen (GPU work and readback included in fps; CPU ms excludes the "
             "GPU wait)\n",
             frames);
  return 0;
}
