// Shader modules and graphics pipelines for dynamic rendering (no render pass objects), optionally multiview.
#pragma once

#include <vulkan/vulkan.h>

#include <cstdint>
#include <span>
#include <vector>

#include "core/error.h"
#include "gpu/gpu.h"

namespace liyuan::gpu {

enum class BlendMode { None, PremultipliedAlpha };

// Everything that varies between Liyuan's pipelines. Viewport, scissor and cull mode are dynamic state.
struct GraphicsPipelineDesc {
  std::span<const uint32_t> vertex_spirv;
  std::span<const uint32_t> fragment_spirv;
  VkPipelineLayout layout = VK_NULL_HANDLE;
  std::vector<VkVertexInputBindingDescription> vertex_bindings;
  std::vector<VkVertexInputAttributeDescription> vertex_attributes;
  VkFormat color_format = VK_FORMAT_UNDEFINED;
  VkFormat depth_format = VK_FORMAT_UNDEFINED;  // UNDEFINED: no depth attachment
  VkSampleCountFlagBits samples = VK_SAMPLE_COUNT_1_BIT;
  uint32_t view_mask = 0;  // multiview: bit i renders view i in the same pass
  bool depth_test = false;
  bool depth_write = false;
  BlendMode blend = BlendMode::None;
};

// Wraps SPIR-V words in a shader module.
Result<VkShaderModule> create_shader_module(VkDevice device, std::span<const uint32_t> spirv);

// Builds a pipeline through the GPU's pipeline cache.
Result<VkPipeline> create_graphics_pipeline(Gpu& gpu, const GraphicsPipelineDesc& desc);

}  // namespace liyuan::gpu
