#include "render/text_pass.h"

#include <algorithm>
#include <cstring>

#include "gpu/barriers.h"
#include "gpu/descriptors.h"
#include "gpu/pipeline.h"
#include "gpu/vk_result.h"

namespace liyuan::render {
namespace {

const uint32_t kTextVert[] = {
#include "shaders/text.vert.inc"
};
const uint32_t kTextFrag[] = {
#include "shaders/text.frag.inc"
};

// The near plane for text: captions sit about 2 m away, panels farther; nothing that close is text.
constexpr float kTextNearPlane = 0.05f;

}  // namespace

TextPass::~TextPass() {
  VkDevice device = gpu_.device();
  vkDeviceWaitIdle(device);
  gpu::destroy_image(gpu_, atlas_);
  gpu::destroy_buffer(gpu_, staging_);
  gpu::destroy_buffer(gpu_, instances_);
  if (sampler_) vkDestroySampler(device, sampler_, nullptr);
  if (pool_) vkDestroyDescriptorPool(device, pool_, nullptr);
  if (pipeline_) vkDestroyPipeline(device, pipeline_, nullptr);
  if (pipeline_layout_) vkDestroyPipelineLayout(device, pipeline_layout_, nullptr);
  if (set_layout_) vkDestroyDescriptorSetLayout(device, set_layout_, nullptr);
}

Result<std::unique_ptr<TextPass>> TextPass::create(gpu::Gpu& gpu, VkFormat color_format) {
  std::unique_ptr<TextPass> pass(new TextPass(gpu));
  VkDevice device = gpu.device();
  VkDescriptorSetLayoutBinding binding{LY_BINDING_TEXT_ATLAS, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1,
                                       VK_SHADER_STAGE_FRAGMENT_BIT, nullptr};
  VkDescriptorSetLayoutCreateInfo set_info{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO};
  set_info.bindingCount = 1;
  set_info.pBindings = &binding;
  if (Status s = gpu::vk_check(vkCreateDescriptorSetLayout(device, &set_info, nullptr, &pass->set_layout_),
                               "vkCreateDescriptorSetLayout");
      !s)
    return s.error();
  VkPushConstantRange push{VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0,
                           sizeof(shader::TextPushConstants)};
  VkPipelineLayoutCreateInfo layout_info{VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO};
  layout_info.setLayoutCount = 1;
  layout_info.pSetLayouts = &pass->set_layout_;
  layout_info.pushConstantRangeCount = 1;
  layout_info.pPushConstantRanges = &push;
  if (Status s = gpu::vk_check(vkCreatePipelineLayout(device, &layout_info, nullptr, &pass->pipeline_layout_),
                               "vkCreatePipelineLayout");
      !s)
    return s.error();

  gpu::GraphicsPipelineDesc desc;
  desc.vertex_spirv = kTextVert;
  desc.fragment_spirv = kTextFrag;
  desc.layout = pass->pipeline_layout_;
  desc.vertex_bindings = {{0, sizeof(TextQuad), VK_VERTEX_INPUT_RATE_INSTANCE}};
  for (uint32_t i = 0; i < 5; ++i)
    desc.vertex_attributes.push_back({i, 0, VK_FORMAT_R32G32B32A32_SFLOAT, uint32_t(i * sizeof(vec4))});
  desc.color_format = color_format;
  desc.view_mask = 0;  // once per layer, inside the tonemap pass's rendering
  desc.blend = gpu::BlendMode::PremultipliedAlpha;
  auto pipeline = gpu::create_graphics_pipeline(gpu, desc);
  if (!pipeline) return pipeline.error();
  pass->pipeline_ = *pipeline;

  VkSamplerCreateInfo sampler{VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO};
  sampler.magFilter = sampler.minFilter = VK_FILTER_LINEAR;
  sampler.mipmapMode = VK_SAMPLER_MIPMAP_MODE_NEAREST;
  sampler.addressModeU = sampler.addressModeV = sampler.addressModeW = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE;
  if (Status s = gpu::vk_check(vkCreateSampler(device, &sampler, nullptr, &pass->sampler_), "vkCreateSampler"); !s)
    return s.error();
  VkDescriptorPoolSize size{VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1};
  VkDescriptorPoolCreateInfo pool{VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO};
  pool.maxSets = 1;
  pool.poolSizeCount = 1;
  pool.pPoolSizes = &size;
  if (Status s = gpu::vk_check(vkCreateDescriptorPool(device, &pool, nullptr, &pass->pool_), "vkCreateDescriptorPool");
      !s)
    return s.error();
  VkDescriptorSetAllocateInfo allocate{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO};
  allocate.descriptorPool = pass->pool_;
  allocate.descriptorSetCount = 1;
  allocate.pSetLayouts = &pass->set_layout_;
  if (Status s = gpu::vk_check(vkAllocateDescriptorSets(device, &allocate, &pass->set_), "vkAllocateDescriptorSets");
      !s)
    return s.error();
  return pass;
}

Status TextPass::create_atlas(uint32_t size) {
  vkDeviceWaitIdle(gpu_.device());
  gpu::destroy_image(gpu_, atlas_);
  gpu::destroy_buffer(gpu_, staging_);
  gpu::ImageDesc desc;
  desc.format = VK_FORMAT_R8_UNORM;
  desc.width = desc.height = size;
  desc.usage = VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT;
  auto image = gpu::create_image(gpu_, desc);
  if (!image) return image.error();
  atlas_ = *image;
  auto staging = gpu::create_buffer(gpu_, VkDeviceSize(size) * size, VK_BUFFER_USAGE_TRANSFER_SRC_BIT,
                                    gpu::MemoryUsage::Upload);
  if (!staging) return staging.error();
  staging_ = *staging;
  gpu::write_image_descriptor(gpu_.device(), set_, LY_BINDING_TEXT_ATLAS, sampler_, atlas_.view);
  atlas_uploaded_ = false;
  return {};
}

Status TextPass::prepare(VkCommandBuffer commands, const TextOverlay& overlay) {
  const TextAtlasPixels& atlas = overlay.atlas;
  if (atlas.size == 0 || atlas.pixels.size() != size_t(atlas.size) * atlas.size)
    return make_error("the text atlas's pixels do not match its size");
  if (atlas_.handle == VK_NULL_HANDLE || atlas_.desc.width != atlas.size) {
    if (Status s = create_atlas(atlas.size); !s) return s;
  }
  uint32_t begin = std::min(atlas.dirty_begin, atlas.size);
  uint32_t end = std::min(atlas.dirty_end, atlas.size);
  if (!atlas_uploaded_) {
    begin = 0;
    end = atlas.size;
  }
  if (begin < end) {
    const size_t offset = size_t(begin) * atlas.size;
    const size_t bytes = size_t(end - begin) * atlas.size;
    std::memcpy(static_cast<uint8_t*>(staging_.mapped()) + offset, atlas.pixels.data() + offset, bytes);
    gpu::transition_image(commands, atlas_, atlas_uploaded_ ? gpu::use::kFragmentSampled : gpu::use::kUndefined,
                          gpu::use::kTransferDst);
    VkBufferImageCopy region{};
    region.bufferOffset = offset;
    region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
    region.imageOffset = {0, int32_t(begin), 0};
    region.imageExtent = {atlas.size, end - begin, 1};
    vkCmdCopyBufferToImage(commands, staging_.handle, atlas_.handle, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &region);
    gpu::transition_image(commands, atlas_, gpu::use::kTransferDst, gpu::use::kFragmentSampled);
    atlas_uploaded_ = true;
  }
  const VkDeviceSize needed = std::max<VkDeviceSize>(overlay.quads.size_bytes(), sizeof(TextQuad));
  if (instances_.handle == VK_NULL_HANDLE || instances_.size < needed) {
    VkDeviceSize capacity = std::max<VkDeviceSize>(instances_.size * 2, 256 * sizeof(TextQuad));
    while (capacity < needed) capacity *= 2;
    auto buffer = gpu::create_buffer(gpu_, capacity, VK_BUFFER_USAGE_VERTEX_BUFFER_BIT, gpu::MemoryUsage::Upload);
    if (!buffer) return buffer.error();
    gpu::destroy_buffer(gpu_, instances_);  // the previous frame has finished (see the contract)
    instances_ = *buffer;
  }
  if (!overlay.quads.empty()) std::memcpy(instances_.mapped(), overlay.quads.data(), overlay.quads.size_bytes());
  quad_count_ = uint32_t(overlay.quads.size());
  return {};
}

void TextPass::record(VkCommandBuffer commands, const View& view, float fade) const {
  if (quad_count_ == 0 || !atlas_uploaded_) return;
  shader::TextPushConstants push{};
  push.clip_from_world = projection_reversed_z(view.fov, kTextNearPlane) * glm::inverse(view.world_from_eye);
  push.params = vec4(0.7f, fade, 0.0f, 0.0f);
  vkCmdSetCullMode(commands, VK_CULL_MODE_NONE);
  vkCmdBindPipeline(commands, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline_);
  vkCmdBindDescriptorSets(commands, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline_layout_, 0, 1, &set_, 0, nullptr);
  vkCmdPushConstants(commands, pipeline_layout_, VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0,
                     sizeof push, &push);
  VkDeviceSize zero = 0;
  vkCmdBindVertexBuffers(commands, 0, 1, &instances_.handle, &zero);
  vkCmdDraw(commands, 6, quad_count_, 0, 0);
}

}  // namespace liyuan::render
