// The renderer's own images for one frame size and view count: 4x MSAA HDR colour and depth (one layer per view),
// and the resolved HDR image the tonemap pass reads.
#pragma once

#include <vector>

#include "core/error.h"
#include "gpu/gpu.h"
#include "gpu/image.h"

namespace liyuan::render {

inline constexpr VkFormat kHdrFormat = VK_FORMAT_R16G16B16A16_SFLOAT;
inline constexpr VkFormat kDepthFormat = VK_FORMAT_D32_SFLOAT;

struct RenderTargets {
  gpu::Image color;     // MSAA HDR
  gpu::Image depth;     // MSAA
  std::vector<VkImageView> depth_layer_views;  // one 2D view per layer, for a lit pass per view (render/view_passes.h)
  gpu::Image resolved;  // single-sample HDR, sampled by the tonemap pass
  VkSampleCountFlagBits samples = VK_SAMPLE_COUNT_4_BIT;
  uint32_t width = 0, height = 0, views = 0;
  // COLOR is stored and resolved into RESOLVED by vkCmdResolveImage (transfer usages) rather than by the pass:
  // lavapipe 22.3 resolves a pass's attachments from and to layer 0 whatever layer their views start at.
  bool resolve_by_command = false;
};

// The highest sample count up to 4 that the device supports for both HDR colour and depth.
VkSampleCountFlagBits choose_sample_count(const gpu::Gpu& gpu);

// Creates targets of WIDTH x HEIGHT with VIEWS layers at SAMPLES, with a view of each layer of each (colour images
// get theirs from gpu::create_image); RESOLVE_BY_COMMAND as RenderTargets says.
Result<RenderTargets> create_render_targets(gpu::Gpu& gpu, uint32_t width, uint32_t height, uint32_t views,
                                            VkSampleCountFlagBits samples, bool resolve_by_command);
void destroy_render_targets(gpu::Gpu& gpu, RenderTargets& targets);

}  // namespace liyuan::render
