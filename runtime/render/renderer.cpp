#include "render/renderer.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "assets/pack_format.h"
#include "gpu/descriptors.h"
#include "gpu/pipeline.h"
#include "gpu/vk_result.h"
#include "render/framing.h"
#include "shared_types.h"

namespace liyuan::render {
namespace {

const uint32_t kPbrVert[] = {
#include "shaders/pbr.vert.inc"
};
const uint32_t kPbrSkinnedVert[] = {
#include "shaders/pbr_skinned.vert.inc"
};
const uint32_t kPbrFrag[] = {
#include "shaders/pbr.frag.inc"
};
const uint32_t kFullscreenVert[] = {
#include "shaders/fullscreen.vert.inc"
};
const uint32_t kTonemapFrag[] = {
#include "shaders/tonemap.frag.inc"
};

// Transient targets are rewritten every frame: discard old contents, but wait for any earlier use of them.
constexpr gpu::ImageUse kReused{VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT, VK_ACCESS_2_NONE};
// The two sides of vkCmdResolveImage (render_targets.h: resolve_by_command).
constexpr gpu::ImageUse kResolveSource{VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_PIPELINE_STAGE_2_RESOLVE_BIT,
                                       VK_ACCESS_2_TRANSFER_READ_BIT};
constexpr gpu::ImageUse kResolveDestination{VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_PIPELINE_STAGE_2_RESOLVE_BIT,
                                            VK_ACCESS_2_TRANSFER_WRITE_BIT};

Result<VkDescriptorSetLayout> create_set_layout(VkDevice device, std::span<const VkDescriptorSetLayoutBinding> bindings) {
  VkDescriptorSetLayoutCreateInfo info{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO};
  info.bindingCount = static_cast<uint32_t>(bindings.size());
  info.pBindings = bindings.data();
  VkDescriptorSetLayout layout = VK_NULL_HANDLE;
  if (Status s = gpu::vk_check(vkCreateDescriptorSetLayout(device, &info, nullptr, &layout),
                               "vkCreateDescriptorSetLayout");
      !s)
    return s.error();
  return layout;
}

Result<VkPipelineLayout> create_pipeline_layout(VkDevice device, std::span<const VkDescriptorSetLayout> sets,
                                                VkPushConstantRange push) {
  VkPipelineLayoutCreateInfo info{VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO};
  info.setLayoutCount = static_cast<uint32_t>(sets.size());
  info.pSetLayouts = sets.data();
  info.pushConstantRangeCount = 1;
  info.pPushConstantRanges = &push;
  VkPipelineLayout layout = VK_NULL_HANDLE;
  if (Status s = gpu::vk_check(vkCreatePipelineLayout(device, &info, nullptr, &layout), "vkCreatePipelineLayout");
      !s)
    return s.error();
  return layout;
}

static_assert(LY_MAX_VIEWS == 2, "Renderer::frame_sets_ holds LY_MAX_VIEWS sets");

uint32_t view_mask(uint32_t view_count) { return (1u << view_count) - 1u; }

// INSTANCE is drawn posed: its mesh is skinned, the assets have skin streams, and its joint matrices lie inside the
// frame's PALETTE_SIZE (otherwise it is drawn in the bind pose rather than reading outside the palette).
bool is_posed(const GpuAssets& assets, const GpuInstance& instance, size_t palette_size) {
  const GpuMesh& mesh = assets.meshes()[instance.mesh];
  return instance.palette_offset >= 0 && mesh.skinned && assets.skin_buffer().handle != VK_NULL_HANDLE &&
         uint64_t(instance.palette_offset) + mesh.joint_count <= palette_size;
}

void set_viewport(VkCommandBuffer commands, uint32_t width, uint32_t height) {
  VkViewport viewport{0.0f, 0.0f, float(width), float(height), 0.0f, 1.0f};
  VkRect2D scissor{{0, 0}, {width, height}};
  vkCmdSetViewport(commands, 0, 1, &viewport);
  vkCmdSetScissor(commands, 0, 1, &scissor);
}

}  // namespace

Renderer::~Renderer() {
  VkDevice device = gpu_.device();
  vkDeviceWaitIdle(device);
  destroy_render_targets(gpu_, targets_);
  gpu::destroy_buffer(gpu_, frame_uniforms_);
  gpu::destroy_buffer(gpu_, joint_palette_);
  if (hdr_sampler_) vkDestroySampler(device, hdr_sampler_, nullptr);
  if (descriptor_pool_) vkDestroyDescriptorPool(device, descriptor_pool_, nullptr);
  for (VkPipeline p : {opaque_pipeline_, blended_pipeline_, skinned_opaque_pipeline_, skinned_blended_pipeline_,
                       tonemap_pipeline_})
    if (p) vkDestroyPipeline(device, p, nullptr);
  for (VkPipelineLayout l : {lit_pipeline_layout_, tonemap_pipeline_layout_})
    if (l) vkDestroyPipelineLayout(device, l, nullptr);
  for (VkDescriptorSetLayout l : {frame_layout_, material_layout_, tonemap_layout_})
    if (l) vkDestroyDescriptorSetLayout(device, l, nullptr);
}

Status Renderer::create_layouts() {
  VkDevice device = gpu_.device();
  VkDescriptorSetLayoutBinding frame_bindings[] = {
      {LY_BINDING_FRAME_UNIFORMS, VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, 1,
       VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, nullptr},
      {LY_BINDING_JOINT_PALETTE, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 1, VK_SHADER_STAGE_VERTEX_BIT, nullptr}};
  auto frame = create_set_layout(device, frame_bindings);
  if (!frame) return frame.error();
  frame_layout_ = *frame;

  std::vector<VkDescriptorSetLayoutBinding> material_bindings = {
      {LY_BINDING_MATERIAL_UNIFORMS, VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, 1, VK_SHADER_STAGE_FRAGMENT_BIT, nullptr}};
  for (uint32_t b = LY_BINDING_BASE_COLOR; b <= LY_BINDING_EMISSIVE; ++b)
    material_bindings.push_back({b, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1, VK_SHADER_STAGE_FRAGMENT_BIT, nullptr});
  auto material = create_set_layout(device, material_bindings);
  if (!material) return material.error();
  material_layout_ = *material;

  VkDescriptorSetLayoutBinding hdr_binding{LY_BINDING_HDR_INPUT, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1,
                                           VK_SHADER_STAGE_FRAGMENT_BIT, nullptr};
  auto tonemap = create_set_layout(device, std::span(&hdr_binding, 1));
  if (!tonemap) return tonemap.error();
  tonemap_layout_ = *tonemap;

  VkDescriptorSetLayout lit_sets[] = {frame_layout_, material_layout_};
  auto lit = create_pipeline_layout(device, lit_sets,
                                    {VK_SHADER_STAGE_VERTEX_BIT, 0, sizeof(shader::DrawPushConstants)});
  if (!lit) return lit.error();
  lit_pipeline_layout_ = *lit;
  auto tonemap_pipeline = create_pipeline_layout(device, std::span(&tonemap_layout_, 1),
                                                 {VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof(shader::TonemapPushConstants)});
  if (!tonemap_pipeline) return tonemap_pipeline.error();
  tonemap_pipeline_layout_ = *tonemap_pipeline;
  return {};
}

Status Renderer::create_pipelines() {
  gpu::GraphicsPipelineDesc lit;
  lit.vertex_spirv = kPbrVert;
  lit.fragment_spirv = kPbrFrag;
  lit.layout = lit_pipeline_layout_;
  lit.vertex_bindings = {{0, sizeof(pack::PackedVertex), VK_VERTEX_INPUT_RATE_VERTEX}};
  lit.vertex_attributes = {
      {0, 0, VK_FORMAT_R16G16B16A16_UNORM, offsetof(pack::PackedVertex, position)},
      {1, 0, VK_FORMAT_R8G8B8A8_SNORM, offsetof(pack::PackedVertex, normal)},
      {2, 0, VK_FORMAT_R8G8B8A8_SNORM, offsetof(pack::PackedVertex, tangent)},
      {3, 0, VK_FORMAT_R16G16_UNORM, offsetof(pack::PackedVertex, uv)},
      {4, 0, VK_FORMAT_R8G8B8A8_UNORM, offsetof(pack::PackedVertex, color)},
  };
  lit.color_format = kHdrFormat;
  lit.depth_format = kDepthFormat;
  lit.samples = targets_.samples;
  lit.view_mask = lit_pass_per_view_ ? 0 : view_mask(desc_.view_count);
  lit.depth_test = true;
  lit.depth_write = true;
  auto opaque = gpu::create_graphics_pipeline(gpu_, lit);
  if (!opaque) return opaque.error();
  opaque_pipeline_ = *opaque;

  lit.depth_write = false;
  lit.blend = gpu::BlendMode::PremultipliedAlpha;
  auto blended = gpu::create_graphics_pipeline(gpu_, lit);
  if (!blended) return blended.error();
  blended_pipeline_ = *blended;

  // The skinned variants: the skin stream as a second vertex buffer (pack::SkinVertex16).
  lit.vertex_spirv = kPbrSkinnedVert;
  lit.vertex_bindings.push_back({1, sizeof(pack::SkinVertex16), VK_VERTEX_INPUT_RATE_VERTEX});
  lit.vertex_attributes.push_back({5, 1, VK_FORMAT_R16G16B16A16_UINT, offsetof(pack::SkinVertex16, joints)});
  lit.vertex_attributes.push_back({6, 1, VK_FORMAT_R8G8B8A8_UNORM, offsetof(pack::SkinVertex16, weights)});
  auto skinned_blended = gpu::create_graphics_pipeline(gpu_, lit);
  if (!skinned_blended) return skinned_blended.error();
  skinned_blended_pipeline_ = *skinned_blended;
  lit.depth_write = true;
  lit.blend = gpu::BlendMode::None;
  auto skinned_opaque = gpu::create_graphics_pipeline(gpu_, lit);
  if (!skinned_opaque) return skinned_opaque.error();
  skinned_opaque_pipeline_ = *skinned_opaque;

  gpu::GraphicsPipelineDesc tonemap;
  tonemap.vertex_spirv = kFullscreenVert;
  tonemap.fragment_spirv = kTonemapFrag;
  tonemap.layout = tonemap_pipeline_layout_;
  tonemap.color_format = desc_.output_format;
  tonemap.view_mask = 0;  // once per layer: see record_tonemap_pass
  auto tonemap_pipeline = gpu::create_graphics_pipeline(gpu_, tonemap);
  if (!tonemap_pipeline) return tonemap_pipeline.error();
  tonemap_pipeline_ = *tonemap_pipeline;
  return {};
}

Status Renderer::create_frame_resources() {
  VkDevice device = gpu_.device();
  const VkDeviceSize alignment = std::max<VkDeviceSize>(
      gpu_.context->properties.limits.minUniformBufferOffsetAlignment, 1);
  frame_slot_size_ = (sizeof(shader::FrameUniforms) + alignment - 1) / alignment * alignment;
  auto uniforms = gpu::create_buffer(gpu_, frame_slot_size_ * LY_MAX_VIEWS, VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT,
                                     gpu::MemoryUsage::Upload);
  if (!uniforms) return uniforms.error();
  frame_uniforms_ = *uniforms;

  VkSamplerCreateInfo sampler{VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO};
  sampler.magFilter = sampler.minFilter = VK_FILTER_NEAREST;
  sampler.addressModeU = sampler.addressModeV = sampler.addressModeW = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE;
  if (Status s = gpu::vk_check(vkCreateSampler(device, &sampler, nullptr, &hdr_sampler_), "vkCreateSampler"); !s)
    return s;

  VkDescriptorPoolSize sizes[] = {{VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, LY_MAX_VIEWS},
                                  {VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1},
                                  {VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, LY_MAX_VIEWS}};
  VkDescriptorPoolCreateInfo pool{VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO};
  pool.maxSets = LY_MAX_VIEWS + 1;
  pool.poolSizeCount = 3;
  pool.pPoolSizes = sizes;
  if (Status s = gpu::vk_check(vkCreateDescriptorPool(device, &pool, nullptr, &descriptor_pool_),
                               "vkCreateDescriptorPool");
      !s)
    return s;
  VkDescriptorSetLayout layouts[LY_MAX_VIEWS + 1] = {tonemap_layout_};
  for (uint32_t v = 0; v < LY_MAX_VIEWS; ++v) layouts[v + 1] = frame_layout_;
  VkDescriptorSet sets[LY_MAX_VIEWS + 1];
  VkDescriptorSetAllocateInfo allocate{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO};
  allocate.descriptorPool = descriptor_pool_;
  allocate.descriptorSetCount = LY_MAX_VIEWS + 1;
  allocate.pSetLayouts = layouts;
  if (Status s = gpu::vk_check(vkAllocateDescriptorSets(device, &allocate, sets), "vkAllocateDescriptorSets"); !s)
    return s;
  tonemap_set_ = sets[0];
  for (uint32_t v = 0; v < LY_MAX_VIEWS; ++v) {
    frame_sets_[v] = sets[v + 1];
    gpu::write_buffer_descriptor(device, frame_sets_[v], LY_BINDING_FRAME_UNIFORMS, VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER,
                                 frame_uniforms_.handle, v * frame_slot_size_, sizeof(shader::FrameUniforms));
  }
  point_tonemap_at_targets();
  // A small palette from the start, so the frame set is always complete.
  const mat4 identity(1.0f);
  return write_joint_palette(std::span(&identity, 1));
}

// Points the tonemap pass's input at the current resolved HDR target.
void Renderer::point_tonemap_at_targets() {
  gpu::write_image_descriptor(gpu_.device(), tonemap_set_, LY_BINDING_HDR_INPUT, hdr_sampler_, targets_.resolved.view);
}

Status Renderer::resize(uint32_t width, uint32_t height) {
  if (width == desc_.width && height == desc_.height) return {};
  if (width == 0 || height == 0) return make_error("the render size must not be zero");
  vkDeviceWaitIdle(gpu_.device());
  auto targets =
      create_render_targets(gpu_, width, height, desc_.view_count, targets_.samples, targets_.resolve_by_command);
  if (!targets) return targets.error();
  destroy_render_targets(gpu_, targets_);
  targets_ = *targets;
  desc_.width = width;
  desc_.height = height;
  point_tonemap_at_targets();
  return {};
}

// Copies JOINT_MATRICES into the palette buffer, first replacing it by a larger one (capacity doubling, at least 64
// matrices) and pointing the frame sets at it when they do not fit. Safe only because record()'s caller guarantees
// that the previous frame has finished on the GPU (the offscreen path waits for each frame): the buffer and the frame
// set are single-buffered. With several frames in flight, each frame needs its own palette buffer and set.
Status Renderer::write_joint_palette(std::span<const mat4> joint_matrices) {
  const VkDeviceSize needed = std::max<VkDeviceSize>(joint_matrices.size_bytes(), sizeof(mat4));
  if (joint_palette_.handle == VK_NULL_HANDLE || joint_palette_.size < needed) {
    VkDeviceSize capacity = std::max<VkDeviceSize>(joint_palette_.size * 2, 64 * sizeof(mat4));
    while (capacity < needed) capacity *= 2;
    auto palette = gpu::create_buffer(gpu_, capacity, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, gpu::MemoryUsage::Upload);
    if (!palette) return palette.error();
    gpu::destroy_buffer(gpu_, joint_palette_);
    joint_palette_ = *palette;
    for (VkDescriptorSet set : frame_sets_)
      gpu::write_buffer_descriptor(gpu_.device(), set, LY_BINDING_JOINT_PALETTE, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER,
                                   joint_palette_.handle, 0, VK_WHOLE_SIZE);
  }
  if (!joint_matrices.empty()) std::memcpy(joint_palette_.mapped(), joint_matrices.data(), joint_matrices.size_bytes());
  return {};
}

Result<std::unique_ptr<Renderer>> Renderer::create(gpu::Gpu& gpu, const RendererDesc& desc) {
  if (desc.view_count < 1 || desc.view_count > LY_MAX_VIEWS)
    return make_error("the renderer draws 1 or 2 views, not " + std::to_string(desc.view_count));
  if (desc.width == 0 || desc.height == 0) return make_error("the render size must not be zero");
  std::unique_ptr<Renderer> renderer(new Renderer(gpu));
  renderer->desc_ = desc;
  renderer->lit_pass_per_view_ = render::lit_pass_per_view(desc.view_passes, desc.view_count, driver_id(gpu));
  const VkSampleCountFlagBits samples = choose_sample_count(gpu);
  // Passes per view resolve by command: lavapipe, which needs them, resolves a pass into layer 0 only.
  const bool resolve_by_command = renderer->lit_pass_per_view_ && samples != VK_SAMPLE_COUNT_1_BIT;
  auto targets = create_render_targets(gpu, desc.width, desc.height, desc.view_count, samples, resolve_by_command);
  if (!targets) return targets.error();
  renderer->targets_ = *targets;
  if (Status s = renderer->create_layouts(); !s) return s.error();
  if (Status s = renderer->create_pipelines(); !s) return s.error();
  if (Status s = renderer->create_frame_resources(); !s) return s.error();
  return renderer;
}

void Renderer::write_frame_uniforms(const FrameInput& frame, std::span<const mat4> clip_from_world) {
  shader::FrameUniforms u{};
  for (size_t i = 0; i < frame.views.size(); ++i) {
    u.view_projection[i] = clip_from_world[i];
    u.camera_position[i] = frame.views[i].world_from_eye[3];
  }
  const Lighting& lighting = *frame.lighting;
  u.sun_direction = vec4(glm::normalize(lighting.sun_direction), 0.0f);
  u.sun_color = vec4(lighting.sun_color, 0.0f);
  u.ambient_sky = vec4(lighting.ambient_sky, 0.0f);
  u.ambient_ground = vec4(lighting.ambient_ground, 0.0f);
  uint32_t count = static_cast<uint32_t>(std::min<size_t>(lighting.point_lights.size(), LY_MAX_POINT_LIGHTS));
  u.counts = glm::uvec4(count, 0, 0, 0);
  u.fog = vec4(lighting.fog_color, lighting.fog_density);
  for (uint32_t i = 0; i < count; ++i) {
    const PointLight& light = lighting.point_lights[i];
    u.point_lights[i].position_range = vec4(light.position, light.range);
    u.point_lights[i].color_intensity = vec4(light.color, light.intensity);
  }
  // Slot v has view v first, for a pass that draws only view v (gl_ViewIndex 0); slot 0 is also the multiview one.
  auto* slots = static_cast<uint8_t*>(frame_uniforms_.mapped());
  for (size_t v = 0; v < frame.views.size(); ++v) {
    shader::FrameUniforms slot = u;
    std::swap(slot.view_projection[0], slot.view_projection[v]);
    std::swap(slot.camera_position[0], slot.camera_position[v]);
    std::memcpy(slots + v * frame_slot_size_, &slot, sizeof slot);
  }
}

// One multiview pass over every view, or (lit_pass_per_view_) one ordinary pass per view into that view's layers,
// reading the frame set whose view 0 is that view.
void Renderer::record_lit_pass(VkCommandBuffer commands, const FrameInput& frame,
                               std::span<const GpuInstance> instances, const DrawList& list) {
  const uint32_t passes = lit_pass_per_view_ ? desc_.view_count : 1;
  for (uint32_t pass = 0; pass < passes; ++pass) {
    // The whole layered view for multiview, else this pass's layer.
    auto target_view = [&](const gpu::Image& image, const std::vector<VkImageView>& layers) {
      return lit_pass_per_view_ ? layers[pass] : image.view;
    };
    VkRenderingAttachmentInfo color{VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO};
    color.imageView = target_view(targets_.color, targets_.color.layer_views);
    color.imageLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
    color.loadOp = VK_ATTACHMENT_LOAD_OP_CLEAR;
    color.storeOp = targets_.resolve_by_command ? VK_ATTACHMENT_STORE_OP_STORE : VK_ATTACHMENT_STORE_OP_DONT_CARE;
    const vec4& clear = frame.lighting->clear_color;
    color.clearValue.color = {{clear.r, clear.g, clear.b, clear.a}};
    const VkImageView resolved = target_view(targets_.resolved, targets_.resolved.layer_views);
    if (targets_.samples != VK_SAMPLE_COUNT_1_BIT && !targets_.resolve_by_command) {
      color.resolveMode = VK_RESOLVE_MODE_AVERAGE_BIT;
      color.resolveImageView = resolved;
      color.resolveImageLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
    } else if (targets_.samples == VK_SAMPLE_COUNT_1_BIT) {
      color.imageView = resolved;
      color.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
    }
    VkRenderingAttachmentInfo depth{VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO};
    depth.imageView = target_view(targets_.depth, targets_.depth_layer_views);
    depth.imageLayout = VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL;
    depth.loadOp = VK_ATTACHMENT_LOAD_OP_CLEAR;
    depth.storeOp = VK_ATTACHMENT_STORE_OP_DONT_CARE;
    depth.clearValue.depthStencil = {0.0f, 0};  // reversed Z: 0 is infinitely far
    if (frame.depth_output && !lit_pass_per_view_) {
      // A headset compositing with depth gets the scene's depth (sample 0). Not with one pass per view: lavapipe
      // resolves only into layer 0 there (see ARCHITECTURE.md), so that eye's depth would be wrong; none is better.
      depth.resolveMode = VK_RESOLVE_MODE_SAMPLE_ZERO_BIT;
      depth.resolveImageView = frame.depth_output->view;
      depth.resolveImageLayout = VK_IMAGE_LAYOUT_DEPTH_STENCIL_ATTACHMENT_OPTIMAL;
    }

    VkRenderingInfo rendering{VK_STRUCTURE_TYPE_RENDERING_INFO};
    rendering.renderArea = {{0, 0}, {desc_.width, desc_.height}};
    rendering.layerCount = 1;  // ignored with multiview
    rendering.viewMask = lit_pass_per_view_ ? 0 : view_mask(desc_.view_count);
    rendering.colorAttachmentCount = 1;
    rendering.pColorAttachments = &color;
    rendering.pDepthAttachment = &depth;
    vkCmdBeginRendering(commands, &rendering);
    set_viewport(commands, desc_.width, desc_.height);
    if (frame.assets) record_draws(commands, frame, instances, list, frame_sets_[pass], pass == 0);
    vkCmdEndRendering(commands);
  }
}

// Draws LIST's opaque then blended items with FRAME_SET as the frame set; COUNT_STATS adds them to stats_ (once per
// frame however many passes draw them).
void Renderer::record_draws(VkCommandBuffer commands, const FrameInput& frame, std::span<const GpuInstance> instances,
                            const DrawList& list, VkDescriptorSet frame_set, bool count_stats) {
  const GpuAssets& assets = *frame.assets;
  VkDeviceSize zero = 0;
  vkCmdBindVertexBuffers(commands, 0, 1, &assets.vertex_buffer().handle, &zero);
  vkCmdBindIndexBuffer(commands, assets.index_buffer().handle, 0, VK_INDEX_TYPE_UINT32);
  if (assets.skin_buffer().handle != VK_NULL_HANDLE)
    vkCmdBindVertexBuffers(commands, 1, 1, &assets.skin_buffer().handle, &zero);
  auto draw_items = [&](VkPipeline pipeline, VkPipeline skinned_pipeline, const std::vector<DrawItem>& items) {
    if (items.empty()) return;
    vkCmdBindDescriptorSets(commands, VK_PIPELINE_BIND_POINT_GRAPHICS, lit_pipeline_layout_, LY_SET_FRAME, 1,
                            &frame_set, 0, nullptr);
    uint32_t bound_material = UINT32_MAX;
    VkPipeline bound_pipeline = VK_NULL_HANDLE;
    for (const DrawItem& item : items) {
      const bool skinned = is_posed(assets, instances[item.instance], frame.joint_matrices.size());
      if (VkPipeline wanted = skinned ? skinned_pipeline : pipeline; wanted != bound_pipeline) {
        vkCmdBindPipeline(commands, VK_PIPELINE_BIND_POINT_GRAPHICS, wanted);
        bound_pipeline = wanted;
      }
      const GpuMaterial& material = assets.materials()[item.material];
      if (item.material != bound_material) {
        vkCmdBindDescriptorSets(commands, VK_PIPELINE_BIND_POINT_GRAPHICS, lit_pipeline_layout_, LY_SET_MATERIAL, 1,
                                &material.descriptor_set, 0, nullptr);
        vkCmdSetCullMode(commands, material.double_sided ? VK_CULL_MODE_NONE : VK_CULL_MODE_BACK_BIT);
        bound_material = item.material;
      }
      const GpuInstance& instance = instances[item.instance];
      const GpuMesh& mesh = assets.meshes()[item.mesh];
      const GpuLod& lod = mesh.lods[item.lod];
      shader::DrawPushConstants push{};
      push.world_from_vertex = skinned                        ? instance.world_from_mesh
                               : instance.palette_offset >= 0 ? instance.world_from_mesh * mesh.mesh_from_vertex
                                                              : instance.world_from_vertex;
      for (int c = 0; c < 3; ++c)
        push.normal_matrix[c] = vec4(instance.normal_matrix[c], skinned ? 1.0f / mesh.skin_vertex_scale[c] : 0.0f);
      push.uv_transform = mesh.uv_transform;
      vkCmdPushConstants(commands, lit_pipeline_layout_, VK_SHADER_STAGE_VERTEX_BIT, 0, sizeof push, &push);
      // Skinned draws pass their palette offset as firstInstance (gl_InstanceIndex in pbr_skinned.vert).
      const uint32_t first_instance = skinned ? uint32_t(instance.palette_offset) : 0;
      vkCmdDrawIndexed(commands, lod.index_count, 1, lod.first_index, mesh.vertex_offset, first_instance);
      if (!count_stats) continue;
      stats_.triangles += lod.index_count / 3;
      if (item.lod < 8) ++stats_.draws_per_lod[item.lod];
    }
  };
  draw_items(opaque_pipeline_, skinned_opaque_pipeline_, list.opaque);
  draw_items(blended_pipeline_, skinned_blended_pipeline_, list.blended);
}

// Resolves every layer of the stored MSAA colour into the resolved image and leaves it ready for the tonemap pass
// (targets_.resolve_by_command).
void Renderer::record_resolve(VkCommandBuffer commands) {
  gpu::transition_image(commands, targets_.color, gpu::use::kColorAttachment, kResolveSource);
  gpu::transition_image(commands, targets_.resolved, gpu::use::kColorAttachment, kResolveDestination);
  VkImageResolve region{};
  region.srcSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, desc_.view_count};
  region.dstSubresource = region.srcSubresource;
  region.extent = {desc_.width, desc_.height, 1};
  vkCmdResolveImage(commands, targets_.color.handle, kResolveSource.layout, targets_.resolved.handle,
                    kResolveDestination.layout, 1, &region);
  gpu::transition_image(commands, targets_.resolved, kResolveDestination, gpu::use::kFragmentSampled);
}

// One full-screen pass per layer rather than one multiview pass: lavapipe 22.3 (Debian 12) writes only view 0 of a
// multiview pass that has no depth attachment. A full-screen pass costs the same either way.
void Renderer::record_tonemap_pass(VkCommandBuffer commands, const FrameInput& frame, const gpu::Image& output) {
  for (uint32_t layer = 0; layer < desc_.view_count; ++layer) {
    VkRenderingAttachmentInfo color{VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO};
    color.imageView = output.layer_views.empty() ? output.view : output.layer_views[layer];
    color.imageLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
    color.loadOp = VK_ATTACHMENT_LOAD_OP_DONT_CARE;
    color.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
    VkRenderingInfo rendering{VK_STRUCTURE_TYPE_RENDERING_INFO};
    rendering.renderArea = {{0, 0}, {desc_.width, desc_.height}};
    rendering.layerCount = 1;
    rendering.colorAttachmentCount = 1;
    rendering.pColorAttachments = &color;
    vkCmdBeginRendering(commands, &rendering);
    set_viewport(commands, desc_.width, desc_.height);
    vkCmdSetCullMode(commands, VK_CULL_MODE_NONE);
    vkCmdBindPipeline(commands, VK_PIPELINE_BIND_POINT_GRAPHICS, tonemap_pipeline_);
    vkCmdBindDescriptorSets(commands, VK_PIPELINE_BIND_POINT_GRAPHICS, tonemap_pipeline_layout_, 0, 1, &tonemap_set_,
                            0, nullptr);
    shader::TonemapPushConstants push{vec4(desc_.exposure, float(layer), frame.fade, frame.vignette)};
    vkCmdPushConstants(commands, tonemap_pipeline_layout_, VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof push, &push);
    vkCmdDraw(commands, 3, 1, 0, 0);
    if (frame.text) text_pass_->record(commands, frame.views[layer], frame.fade);
    vkCmdEndRendering(commands);
  }
}

Status Renderer::record(VkCommandBuffer commands, const FrameInput& frame, const gpu::Image& output,
                        const gpu::ImageUse& output_use, const gpu::ImageUse& after) {
  if (frame.views.size() != desc_.view_count)
    return make_error("the frame has " + std::to_string(frame.views.size()) + " views; the renderer was made for " +
                      std::to_string(desc_.view_count));
  if (!frame.lighting) return make_error("the frame has no lighting");
  if (output.desc.width != desc_.width || output.desc.height != desc_.height ||
      output.desc.layers < desc_.view_count || output.desc.format != desc_.output_format)
    return make_error("the output image does not match the renderer's size, layers or format");
  if (frame.depth_output &&
      (targets_.samples == VK_SAMPLE_COUNT_1_BIT || frame.depth_output->desc.format != kDepthFormat ||
       frame.depth_output->desc.width != desc_.width || frame.depth_output->desc.height != desc_.height ||
       frame.depth_output->desc.layers < desc_.view_count))
    return make_error("the depth output does not match the renderer's size, layers or depth format (or no MSAA)");

  // Views: a near plane that never clips the content, reversed-Z projection.
  std::span<const GpuInstance> instances;
  if (frame.assets) instances = frame.pack_instances ? std::span(frame.assets->instances()) : frame.instances;
  std::vector<mat4> clip_from_world;
  Aabb bounds;
  for (const GpuInstance& instance : instances) bounds.expand(instance.world_bounds);
  for (const View& view : frame.views) {
    float near_plane =
        frame.near_plane > 0.0f ? frame.near_plane : near_plane_for(bounds, vec3(view.world_from_eye[3]));
    clip_from_world.push_back(projection_reversed_z(view.fov, near_plane) * glm::inverse(view.world_from_eye));
  }
  stats_ = {};
  DrawList list;
  if (frame.assets) {
    LodPolicy lod_policy;
    lod_policy.max_pixel_error = desc_.max_lod_pixel_error;
    lod_policy.forced_lod = desc_.forced_lod;
    const Fov& fov = frame.views[0].fov;
    lod_policy.pixels_per_unit_at_one_metre = float(desc_.height) / (std::tan(fov.up) - std::tan(fov.down));
    list = build_draw_list(*frame.assets, instances, clip_from_world, frame.views, lod_policy);
  }
  stats_.drawn = static_cast<uint32_t>(list.opaque.size() + list.blended.size());
  stats_.culled = list.culled;
  write_frame_uniforms(frame, clip_from_world);
  if (Status s = write_joint_palette(frame.joint_matrices); !s) return s;
  if (frame.text) {
    if (!text_pass_) {
      auto text_pass = TextPass::create(gpu_, desc_.output_format);
      if (!text_pass) return text_pass.error();
      text_pass_ = std::move(*text_pass);
    }
    if (Status s = text_pass_->prepare(commands, *frame.text); !s) return s;
  }

  gpu::transition_image(commands, targets_.color, kReused, gpu::use::kColorAttachment);
  gpu::transition_image(commands, targets_.depth, kReused, gpu::use::kDepthAttachment);
  gpu::transition_image(commands, targets_.resolved, kReused, gpu::use::kColorAttachment);
  // Depth resolves are written at the end of the pass; the spec's stage for them has changed over versions, so the
  // barriers name both candidates.
  constexpr gpu::ImageUse kDepthResolve{
      VK_IMAGE_LAYOUT_DEPTH_STENCIL_ATTACHMENT_OPTIMAL,
      VK_PIPELINE_STAGE_2_EARLY_FRAGMENT_TESTS_BIT | VK_PIPELINE_STAGE_2_LATE_FRAGMENT_TESTS_BIT |
          VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
      VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_READ_BIT | VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT |
          VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT};
  if (frame.depth_output) gpu::transition_image(commands, *frame.depth_output, kReused, kDepthResolve);
  record_lit_pass(commands, frame, instances, list);
  if (frame.depth_output) gpu::transition_image(commands, *frame.depth_output, kDepthResolve, kDepthResolve);
  if (targets_.resolve_by_command) {
    record_resolve(commands);
  } else {
    gpu::transition_image(commands, targets_.resolved, gpu::use::kColorAttachment, gpu::use::kFragmentSampled);
  }
  gpu::transition_image(commands, output, output_use, gpu::use::kColorAttachment);
  record_tonemap_pass(commands, frame, output);
  gpu::transition_image(commands, output, gpu::use::kColorAttachment, after);
  return {};
}

}  // namespace liyuan::render
