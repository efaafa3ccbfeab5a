// Captions and panels on screen: world-space quads (signed-distance-field glyphs and dark rounded plates) drawn over
// the tone mapped image in each view layer, so text keeps its colour whatever the exposure and is right in both eyes.
// The glyph atlas (one R8 image) is uploaded row range by row range in the frame that first needs the new glyphs.
#pragma once

#include <vulkan/vulkan.h>

#include <cstdint>
#include <memory>
#include <span>

#include "core/error.h"
#include "gpu/buffer.h"
#include "gpu/gpu.h"
#include "gpu/image.h"
#include "render/views.h"
#include "text_types.h"

namespace liyuan::render {

using TextQuad = shader::TextQuadInstance;

// The CPU side of the glyph atlas: SIZE x SIZE R8 texels, of which rows [DIRTY_BEGIN, DIRTY_END) changed since the
// previous frame. The whole atlas is uploaded the first time (and when its size changes), whatever DIRTY says.
struct TextAtlasPixels {
  std::span<const uint8_t> pixels;
  uint32_t size = 0;
  uint32_t dirty_begin = 0;
  uint32_t dirty_end = 0;
};

// What the text pass draws in one frame.
struct TextOverlay {
  std::span<const TextQuad> quads;  // drawn in order: plates before the glyphs on them
  TextAtlasPixels atlas;
};

class TextPass {
 public:
  ~TextPass();
  TextPass(const TextPass&) = delete;
  TextPass& operator=(const TextPass&) = delete;

  // Creates the pipeline (drawing into COLOR_FORMAT, one layer at a time), its layout and sampler.
  static Result<std::unique_ptr<TextPass>> create(gpu::Gpu& gpu, VkFormat color_format);

  // Records the atlas upload of OVERLAY's changed rows into COMMANDS (outside any rendering) and copies its quads
  // into the pass's instance buffer. Single-buffered, like the renderer: the previous frame must have finished.
  Status prepare(VkCommandBuffer commands, const TextOverlay& overlay);

  // Records the quads of the last prepare() for VIEW into the rendering in progress on COMMANDS (viewport set).
  void record(VkCommandBuffer commands, const View& view, float fade) const;

  uint32_t quad_count() const { return quad_count_; }

 private:
  explicit TextPass(gpu::Gpu& gpu) : gpu_(gpu) {}
  Status create_atlas(uint32_t size);

  gpu::Gpu& gpu_;
  VkDescriptorSetLayout set_layout_ = VK_NULL_HANDLE;
  VkPipelineLayout pipeline_layout_ = VK_NULL_HANDLE;
  VkPipeline pipeline_ = VK_NULL_HANDLE;
  VkDescriptorPool pool_ = VK_NULL_HANDLE;
  VkDescriptorSet set_ = VK_NULL_HANDLE;
  VkSampler sampler_ = VK_NULL_HANDLE;
  gpu::Image atlas_;
  gpu::Buffer staging_;    // the atlas's CPU copy, rows copied in as they change
  gpu::Buffer instances_;  // host-visible, grown on demand
  bool atlas_uploaded_ = false;
  uint32_t quad_count_ = 0;
};

}  // namespace liyuan::render
