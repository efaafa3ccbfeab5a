// One frame of a show: the timeline's state at a time turned into what the renderer draws — relic instances where
// their nodes stand, the lights as they shine, fog, and the views (the tour camera, else the first viewpoint).
#pragma once

#include <vector>

#include "app/show.h"
#include "render/gpu_assets.h"
#include "render/lighting.h"
#include "render/views.h"
#include "scene/frame_state.h"

namespace liyuan::app {

struct SceneFrame {
  std::vector<render::GpuInstance> instances;
  std::vector<mat4> joint_matrices;  // palettes of posed (skinned) instances
  render::Lighting lighting;
  std::vector<render::View> views;  // 1, or 2 eyes for stereo
  std::vector<std::string> missing_relics;  // relic ids the scene places but the pack lacks (shown as placeholders)
  std::vector<std::string> problems;        // clips that could not be posed (the relic is shown at rest)
};

// Builds the frame for STATE (scene::evaluate at some time) of SHOW, whose pack ASSETS holds the geometry, for an
// image of ASPECT (width / height), with two eyes 63 mm apart when STEREO.
SceneFrame build_scene_frame(const Show& show, const render::GpuAssets& assets, const scene::FrameState& state,
                             float aspect, bool stereo);

}  // namespace liyuan::app
