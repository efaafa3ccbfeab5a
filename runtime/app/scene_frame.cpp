#include "app/scene_frame.h"

#include <glm/gtc/matrix_transform.hpp>

#include "anim/pose.h"
#include "render/framing.h"

namespace liyuan::app {
namespace {

// A hall lit by its lanterns: a dim warm ambient so unlit corners are not black.
render::Lighting hall_lighting(const scene::SceneGraph& graph, const scene::FrameState& state) {
  render::Lighting lighting;
  lighting.sun_color = vec3(0.0f);
  lighting.ambient_sky = vec3(0.07f, 0.065f, 0.06f);
  lighting.ambient_ground = vec3(0.03f, 0.025f, 0.02f);
  lighting.clear_color = vec4(0.02f, 0.018f, 0.016f, 1.0f);
  bool has_sun = false;
  for (size_t i = 0; i < graph.lights.size(); ++i) {
    const scene::Light& light = graph.lights[i];
    if (light.node < 0 || !state.shown[size_t(light.node)]) continue;
    const mat4& world = state.world[size_t(light.node)];
    const scene::LightState& shining = state.lights[i];
    if (light.type == scene::LightType::Directional && !has_sun) {
      // A directional light shines down its node's -Z: the direction towards it is +Z.
      lighting.sun_direction = glm::normalize(vec3(world * vec4(0, 0, 1, 0)));
      lighting.sun_color = shining.color * shining.intensity;
      has_sun = true;
    } else if (light.type == scene::LightType::Point) {
      lighting.point_lights.push_back(
          render::PointLight{vec3(world[3]), shining.color, shining.intensity, shining.range});
    }
  }
  lighting.fog_color = state.environment.fog_color;
  lighting.fog_density = state.environment.fog_density;
  return lighting;
}

// The camera: the tour's camera path when one has run, else the first viewpoint, else a view of everything.
render::View main_view(const Show& show, const scene::FrameState& state, float aspect, const Aabb& everything) {
  const scene::SceneGraph& graph = show.exhibition.graph;
  if (state.camera) {
    mat4 pose = glm::translate(mat4(1.0f), state.camera->position) * glm::mat4_cast(state.camera->rotation);
    return render::View{pose, render::symmetric_fov(glm::radians(state.camera->fov_degrees), aspect)};
  }
  if (!graph.viewpoints.empty()) {
    const scene::Viewpoint& viewpoint = graph.viewpoints[0];
    float fov = state.viewpoint_fov.empty() ? viewpoint.fov_degrees : state.viewpoint_fov[0];
    return render::View{state.world[size_t(viewpoint.node)], render::symmetric_fov(glm::radians(fov), aspect)};
  }
  return render::frame_bounds(everything, aspect, false)[0];
}

}  // namespace

SceneFrame build_scene_frame(const Show& show, const render::GpuAssets& assets, const scene::FrameState& state,
                             float aspect, bool stereo) {
  SceneFrame frame;
  const scene::SceneGraph& graph = show.exhibition.graph;
  Aabb everything;
  for (const scene::RelicInstance& relic : graph.relics) {
    if (relic.node < 0 || !state.shown[size_t(relic.node)]) continue;
    auto record = show.relics.find(relic.relic_id);
    if (record == show.relics.end()) {
      // The pack lacks it (left out when packing failed): a placeholder keeps the gap visible and the show going.
      frame.missing_relics.push_back(relic.relic_id);
      frame.instances.push_back(
          render::make_instance(assets, assets.placeholder_mesh(), state.world[size_t(relic.node)]));
      everything.expand(frame.instances.back().world_bounds);
      continue;
    }
    const mat4& node_world = state.world[size_t(relic.node)];
    const pack::RelicRecord& r = record->second;
    // A clip playing on this node poses the relic's skeleton; otherwise it stands at rest.
    std::vector<anim::PosedInstance> posed;
    for (const scene::ClipPose& clip : state.clips) {
      if (clip.node != relic.node) continue;
      auto result = anim::pose_relic(show.animations, r, clip.clip, clip.clip_time, clip.loop, frame.joint_matrices);
      if (result) posed = std::move(*result);
      else frame.problems.push_back(result.error().to_string());
      break;
    }
    for (uint32_t i = r.first_instance; i < r.first_instance + r.instance_count; ++i) {
      const pack::InstanceRecord& placed = show.contents.instances[i];
      size_t k = i - r.first_instance;
      if (k < posed.size()) {
        frame.instances.push_back(render::make_instance(assets, placed.mesh, node_world * posed[k].relic_from_mesh,
                                                        posed[k].palette_offset));
      } else {
        frame.instances.push_back(
            render::make_instance(assets, placed.mesh, node_world * glm::make_mat4(placed.world_from_mesh)));
      }
      everything.expand(frame.instances.back().world_bounds);
    }
  }
  frame.lighting = graph.lights.empty() ? render::studio_lighting(everything) : hall_lighting(graph, state);
  render::View view = main_view(show, state, aspect, everything);
  if (!stereo) {
    frame.views = {view};
  } else {
    vec3 right = glm::normalize(vec3(view.world_from_eye[0]));
    float half = render::kDefaultInterpupillaryDistance * 0.5f;
    render::View left = view, right_eye = view;
    left.world_from_eye[3] = vec4(vec3(view.world_from_eye[3]) - right * half, 1.0f);
    right_eye.world_from_eye[3] = vec4(vec3(view.world_from_eye[3]) + right * half, 1.0f);
    frame.views = {left, right_eye};
  }
  return frame;
}

}  // namespace liyuan::app
