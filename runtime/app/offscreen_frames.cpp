#include "app/offscreen_frames.h"

namespace liyuan::app {

Result<std::unique_ptr<OffscreenFrames>> OffscreenFrames::create(gpu::Gpu& gpu, const PackContents& contents,
                                                                 const OffscreenFramesDesc& desc) {
  auto frames = std::make_unique<OffscreenFrames>();
  frames->presenter_ = std::make_unique<present::OffscreenPresenter>(
      present::OffscreenDesc{desc.width, desc.height, desc.view_count});
  if (Status s = frames->presenter_->init(gpu); !s) return s.error();
  render::RendererDesc renderer_desc;
  renderer_desc.width = desc.width;
  renderer_desc.height = desc.height;
  renderer_desc.view_count = desc.view_count;
  renderer_desc.output_format = present::OffscreenPresenter::kFormat;
  renderer_desc.forced_lod = desc.forced_lod;
  auto renderer = render::Renderer::create(gpu, renderer_desc);
  if (!renderer) return renderer.error();
  frames->renderer_ = std::move(*renderer);
  auto assets = render::GpuAssets::upload(gpu, contents, frames->renderer_->material_layout());
  if (!assets) return assets.error();
  frames->assets_ = std::move(*assets);
  return frames;
}

Status OffscreenFrames::render(const FrameSetup& setup) {
  auto frame = presenter_->begin_frame();
  if (!frame) return frame.error();
  render::FrameInput input{setup.views, &setup.lighting, assets_.get(), setup.instances, setup.joint_matrices,
                           setup.pack_instances};
  input.text = setup.text;
  if (Status s = renderer_->record(frame->commands, input, *frame->target, frame->target_use, frame->target_use_after);
      !s)
    return s;
  if (auto events = presenter_->end_frame(true); !events) return events.error();
  return {};
}

}  // namespace liyuan::app
