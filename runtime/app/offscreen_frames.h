// Frames of one pack rendered offscreen, one after another: the presenter, the renderer and the pack's GPU assets
// set up once, then a frame per call. Used by `liyuan render` (one frame) and `liyuan play` offscreen (many).
#pragma once

#include <memory>
#include <vector>

#include "assets/pack_contents.h"
#include "core/error.h"
#include "core/image_file.h"
#include "gpu/gpu.h"
#include "present/offscreen/offscreen_presenter.h"
#include "render/gpu_assets.h"
#include "render/lighting.h"
#include "render/renderer.h"
#include "render/views.h"

namespace liyuan::app {

struct FrameSetup {
  std::vector<render::View> views;
  render::Lighting lighting;
  std::vector<render::GpuInstance> instances;  // where the relics stand (a scene's, possibly none)
  std::vector<mat4> joint_matrices;            // skinned instances' palettes (GpuInstance::palette_offset)
  bool pack_instances = false;                 // draw the pack's own instances instead (a bare relic)
  const render::TextOverlay* text = nullptr;   // captions and panels (app/show_text.h); may be null
};

struct OffscreenFramesDesc {
  uint32_t width = 1280;
  uint32_t height = 720;
  uint32_t view_count = 1;
  int forced_lod = -1;
};

class OffscreenFrames {
 public:
  // Sets up presenter, renderer and CONTENTS' GPU assets on GPU.
  static Result<std::unique_ptr<OffscreenFrames>> create(gpu::Gpu& gpu, const PackContents& contents,
                                                         const OffscreenFramesDesc& desc);

  const render::GpuAssets& assets() const { return *assets_; }
  // Renders SETUP and waits for it; the views are then in last_views(), left eye first.
  Status render(const FrameSetup& setup);
  const std::vector<RgbaImage>& last_views() const { return presenter_->last_views(); }
  const render::FrameStats& last_stats() const { return renderer_->last_stats(); }

 private:
  std::unique_ptr<present::OffscreenPresenter> presenter_;
  std::unique_ptr<render::Renderer> renderer_;
  std::unique_ptr<render::GpuAssets> assets_;
};

}  // namespace liyuan::app
