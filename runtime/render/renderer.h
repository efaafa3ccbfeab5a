// The frame: a lit PBR pass over one or two views at once (VK_KHR_multiview, 4x MSAA, HDR; one pass per view on
// drivers whose multiview misdraws, render/view_passes.h), resolved, then tone mapped into the presenter's sRGB
// target. Talks to gpu/ only; knows nothing of windows or headsets.
#pragma once

#include <vulkan/vulkan.h>

#include <memory>
#include <span>

#include "core/error.h"
#include "gpu/barriers.h"
#include "gpu/buffer.h"
#include "gpu/gpu.h"
#include "render/draw_list.h"
#include "render/gpu_assets.h"
#include "render/lighting.h"
#include "render/render_targets.h"
#include "render/text_pass.h"
#include "render/view_passes.h"
#include "render/views.h"

namespace liyuan::render {

struct RendererDesc {
  uint32_t width = 0;
  uint32_t height = 0;
  uint32_t view_count = 1;                         // 1 or 2
  VkFormat output_format = VK_FORMAT_R8G8B8A8_SRGB;  // the presenter's target (an sRGB format encodes for free)
  float exposure = 1.0f;
  // Levels of detail: the largest simplification error allowed on screen, in pixels. A quarter pixel, because
  // removing sub-pixel bumps still changes shading: on the Stanford bunny at 256², levels with 0.16, 0.3 and 0.4 px of
  // error differ from full detail in 0.45 %, 1.7 % and 4 % of pixels (by more than 8/255).
  float max_lod_pixel_error = 0.25f;
  int forced_lod = -1;               // >= 0 draws this level everywhere (diagnostics, tests)
  ViewPasses view_passes = ViewPasses::Auto;  // how two views are drawn (tests force either way)
};

// What one frame shows.
struct FrameInput {
  std::span<const View> views;  // view_count of them
  const Lighting* lighting = nullptr;
  const GpuAssets* assets = nullptr;  // may be null: an empty frame
  // Where ASSETS' meshes stand this frame (a scene's relics, from the timeline; possibly none).
  std::span<const GpuInstance> instances;
  // Joint matrices of the posed instances (GpuInstance::palette_offset; convention in anim/pose.h), copied into the
  // renderer's palette buffer at record time.
  std::span<const mat4> joint_matrices;
  // Draw the pack's own instances (a bare relic) instead of INSTANCES.
  bool pack_instances = false;
  // Captions and panels, drawn over the tone mapped image in every view (render/text_pass.h); may be null.
  const TextOverlay* text = nullptr;
  // Comfort for a headset visitor being moved, applied after tone mapping: FADE towards black (0 … 1) and a
  // VIGNETTE darkening the edges (0 … 1).
  float fade = 0.0f;
  float vignette = 0.0f;
  // Headsets that composite with depth: a single-sample kDepthFormat image with view_count layers, in
  // DEPTH_STENCIL_ATTACHMENT_OPTIMAL before and after, into which the lit pass resolves its depth (sample 0; reversed
  // Z: 1 at the near plane, 0 at infinity). Null: none.
  const gpu::Image* depth_output = nullptr;
  // > 0: every view's near plane in metres (a compositor reprojecting depth must know it); 0: per view, as close as
  // the content allows.
  float near_plane = 0.0f;
};

struct FrameStats {
  uint32_t drawn = 0;
  uint32_t culled = 0;
  uint64_t triangles = 0;
  uint32_t draws_per_lod[8] = {};  // how many draws used each level of detail
};

class Renderer {
 public:
  ~Renderer();
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;

  // Creates pipelines (through the pipeline cache), layouts and targets for DESC.
  static Result<std::unique_ptr<Renderer>> create(gpu::Gpu& gpu, const RendererDesc& desc);

  // The layout GpuAssets::upload needs for material descriptor sets.
  VkDescriptorSetLayout material_layout() const { return material_layout_; }
  const RendererDesc& desc() const { return desc_; }
  VkSampleCountFlagBits samples() const { return targets_.samples; }
  // Whether the lit pass draws each view in its own pass (ViewPasses, resolved for this device) rather than one
  // multiview pass.
  bool lit_pass_per_view() const { return lit_pass_per_view_; }

  // Records FRAME into COMMANDS, drawing into OUTPUT (an image with view_count layers of output_format, in OUTPUT_USE
  // before) and leaving OUTPUT in AFTER. Uniforms are written at record time: the previous frame recorded by this
  // renderer must have finished on the GPU.
  Status record(VkCommandBuffer commands, const FrameInput& frame, const gpu::Image& output,
                const gpu::ImageUse& output_use, const gpu::ImageUse& after);

  const FrameStats& last_stats() const { return stats_; }
  // Whether FrameInput::depth_output is written: not with one lit pass per view (lavapipe resolves only into layer 0
  // there), so a compositor is then not handed depth at all rather than wrong depth.
  bool resolves_depth_output() const { return !lit_pass_per_view_; }

  // Recreates the size-dependent targets for WIDTH x HEIGHT (a resized window); nothing happens when the size is
  // unchanged. Waits for the device to be idle first.
  Status resize(uint32_t width, uint32_t height);

 private:
  explicit Renderer(gpu::Gpu& gpu) : gpu_(gpu) {}
  Status create_layouts();
  Status create_pipelines();
  Status create_frame_resources();
  void point_tonemap_at_targets();
  Status write_joint_palette(std::span<const mat4> joint_matrices);
  void write_frame_uniforms(const FrameInput& frame, std::span<const mat4> clip_from_world);
  void record_lit_pass(VkCommandBuffer commands, const FrameInput& frame, std::span<const GpuInstance> instances,
                       const DrawList& list);
  void record_draws(VkCommandBuffer commands, const FrameInput& frame, std::span<const GpuInstance> instances,
                    const DrawList& list, VkDescriptorSet frame_set, bool count_stats);
  void record_resolve(VkCommandBuffer commands);
  void record_tonemap_pass(VkCommandBuffer commands, const FrameInput& frame, const gpu::Image& output);

  gpu::Gpu& gpu_;
  RendererDesc desc_;
  RenderTargets targets_;
  VkDescriptorSetLayout frame_layout_ = VK_NULL_HANDLE;
  VkDescriptorSetLayout material_layout_ = VK_NULL_HANDLE;
  VkDescriptorSetLayout tonemap_layout_ = VK_NULL_HANDLE;
  VkPipelineLayout lit_pipeline_layout_ = VK_NULL_HANDLE;
  VkPipelineLayout tonemap_pipeline_layout_ = VK_NULL_HANDLE;
  VkPipeline opaque_pipeline_ = VK_NULL_HANDLE;
  VkPipeline blended_pipeline_ = VK_NULL_HANDLE;
  VkPipeline skinned_opaque_pipeline_ = VK_NULL_HANDLE;
  VkPipeline skinned_blended_pipeline_ = VK_NULL_HANDLE;
  VkPipeline tonemap_pipeline_ = VK_NULL_HANDLE;
  VkDescriptorPool descriptor_pool_ = VK_NULL_HANDLE;
  // Set v reads slot v of frame_uniforms_, whose view 0 is view v: the multiview pass uses set 0, a pass per view
  // (lit_pass_per_view_) set v, where gl_ViewIndex is 0.
  VkDescriptorSet frame_sets_[2] = {};  // LY_MAX_VIEWS (shaders/include/shared_types.h)
  VkDeviceSize frame_slot_size_ = 0;  // sizeof(FrameUniforms) rounded up to the uniform offset alignment
  bool lit_pass_per_view_ = false;
  VkDescriptorSet tonemap_set_ = VK_NULL_HANDLE;
  VkSampler hdr_sampler_ = VK_NULL_HANDLE;
  gpu::Buffer frame_uniforms_;
  gpu::Buffer joint_palette_;  // host-visible, grown on demand; see write_joint_palette
  std::unique_ptr<TextPass> text_pass_;  // made when a frame first has text
  FrameStats stats_;
};

}  // namespace liyuan::render
