// One frame's worth of what the renderer draws, as the app assembles it (a scene's timeline state, or a bare relic
// on a turntable).
#pragma once

#include <vector>

#include "core/math.h"
#include "render/gpu_assets.h"
#include "render/lighting.h"
#include "render/text_pass.h"
#include "render/views.h"

namespace liyuan::app {

struct FrameSetup {
  std::vector<render::View> views;
  render::Lighting lighting;
  std::vector<render::GpuInstance> instances;  // where the relics stand (a scene's, possibly none)
  std::vector<mat4> joint_matrices;            // skinned instances' palettes (GpuInstance::palette_offset)
  bool pack_instances = false;                 // draw the pack's own instances instead (a bare relic)
  const render::TextOverlay* text = nullptr;   // captions and panels (app/show_text.h); may be null
  float fade = 0.0f;                           // 0 clear … 1 black (a headset visitor being moved)
  float vignette = 0.0f;                       // 0 none … 1 strong (a headset visitor in smooth motion)
};

}  // namespace liyuan::app
