#include "app/render_command.h"

#include "app/exit_codes.h"
#include "app/gpu_session.h"
#include "assets/pack_contents.h"
#include "assets/pack_reader.h"
#include "core/clock.h"
#include "core/image_file.h"
#include "core/log.h"
#include "present/offscreen/offscreen_presenter.h"
#include "render/framing.h"
#include "render/gpu_assets.h"
#include "render/lighting.h"
#include "render/renderer.h"

namespace liyuan::app {
namespace {

struct RenderedFrame {
  RgbaImage image;
  render::FrameStats stats;
};

// Everything that needs the GPU, so that every GPU object is gone before the session finishes.
Result<RenderedFrame> render_pack(gpu::Gpu& gpu, const PackContents& contents, const RenderOptions& options) {
  uint32_t view_count = options.stereo ? 2 : 1;
  present::OffscreenPresenter presenter({options.width, options.height, view_count});
  if (Status s = presenter.init(gpu); !s) return s.error();
  render::RendererDesc renderer_desc;
  renderer_desc.width = options.width;
  renderer_desc.height = options.height;
  renderer_desc.view_count = view_count;
  renderer_desc.output_format = present::OffscreenPresenter::kFormat;
  renderer_desc.forced_lod = options.lod;
  auto renderer = render::Renderer::create(gpu, renderer_desc);
  if (!renderer) return renderer.error();
  auto assets = render::GpuAssets::upload(gpu, contents, (*renderer)->material_layout());
  if (!assets) return assets.error();

  float aspect = float(options.width) / float(options.height);
  render::FramingOptions framing;
  framing.azimuth = glm::radians(options.turntable_degrees);
  std::vector<render::View> views = render::frame_bounds((*assets)->world_bounds(), aspect, options.stereo, framing);
  render::Lighting lighting = render::studio_lighting((*assets)->world_bounds());

  auto frame = presenter.begin_frame();
  if (!frame) return frame.error();
  render::FrameInput input{views, &lighting, assets->get()};
  if (Status s = (*renderer)->record(frame->commands, input, *frame->target, frame->target_use,
                                     frame->target_use_after);
      !s)
    return s.error();
  if (auto events = presenter.end_frame(); !events) return events.error();

  RenderedFrame rendered;
  rendered.stats = (*renderer)->last_stats();
  rendered.image = options.stereo ? join_side_by_side(presenter.last_views()) : presenter.last_views()[0];
  return rendered;
}

}  // namespace

int run_render(const RenderOptions& options) {
  Stopwatch total;
  auto reader = PackReader::open(options.pack);
  if (!reader) {
    log::error("{}", reader.error().to_string());
    return kExitFailure;
  }
  auto contents = load_pack_contents(*reader);
  if (!contents) {
    log::error("{}", contents.error().to_string());
    return kExitFailure;
  }
  auto session = GpuSession::create();
  if (!session) {
    log::error("{}", session.error().to_string());
    return kExitFailure;
  }
  auto rendered = render_pack(session->gpu(), *contents, options);
  uint32_t validation_messages = session->finish();
  if (!rendered) {
    log::error("{}: {}", options.pack.string(), rendered.error().to_string());
    return kExitFailure;
  }
  if (Status s = write_png(options.out, rendered->image); !s) {
    log::error("{}", s.error().to_string());
    return kExitFailure;
  }
  std::string lods;
  for (uint32_t l = 0; l < 8; ++l)
    if (rendered->stats.draws_per_lod[l]) lods += fmt::format("{}LOD {} x{}", lods.empty() ? "" : ", ", l, rendered->stats.draws_per_lod[l]);
  log::info("wrote {} ({}x{}{}, {} draws ({}), {} triangles, {:.0f} ms)", options.out.string(), rendered->image.width,
            rendered->image.height, options.stereo ? ", left|right" : "", rendered->stats.drawn, lods,
            rendered->stats.triangles, total.elapsed_ms());
  if (validation_messages > 0) {
    log::error("the Vulkan validation layer reported {} message(s) (above): treat as a bug", validation_messages);
    return kExitValidation;
  }
  return kExitOk;
}

}  // namespace liyuan::app
