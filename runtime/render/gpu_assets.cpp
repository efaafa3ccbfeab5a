#include "render/gpu_assets.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>

#include "assets/vertex_format.h"
#include "gpu/descriptors.h"
#include "gpu/upload.h"
#include "gpu/vk_result.h"
#include "shared_types.h"

namespace liyuan::render {
namespace {

// The Vulkan format of a pack texture format, once PHYSICAL can sample it with linear filtering and copy into it.
// Block-compressed texels are uploaded as stored, so a format the GPU lacks is refused, saying which target to repack
// for. The error names TEXTURE's chunk.
Result<VkFormat> vulkan_format(VkPhysicalDevice physical, uint32_t format, size_t texture) {
  VkFormat vk = VK_FORMAT_UNDEFINED;
  bool astc = false, bc = false;
  switch (static_cast<pack::TextureFormat>(format)) {
    case pack::TextureFormat::Rgba8Srgb: vk = VK_FORMAT_R8G8B8A8_SRGB; break;
    case pack::TextureFormat::Rgba8Unorm: vk = VK_FORMAT_R8G8B8A8_UNORM; break;
    case pack::TextureFormat::Bc1Srgb: vk = VK_FORMAT_BC1_RGB_SRGB_BLOCK, bc = true; break;
    case pack::TextureFormat::Bc1Unorm: vk = VK_FORMAT_BC1_RGB_UNORM_BLOCK, bc = true; break;
    case pack::TextureFormat::Bc3Srgb: vk = VK_FORMAT_BC3_SRGB_BLOCK, bc = true; break;
    case pack::TextureFormat::Bc4Unorm: vk = VK_FORMAT_BC4_UNORM_BLOCK, bc = true; break;
    case pack::TextureFormat::Bc5Unorm: vk = VK_FORMAT_BC5_UNORM_BLOCK, bc = true; break;
    case pack::TextureFormat::Astc4x4Srgb: vk = VK_FORMAT_ASTC_4x4_SRGB_BLOCK, astc = true; break;
    case pack::TextureFormat::Astc4x4Unorm: vk = VK_FORMAT_ASTC_4x4_UNORM_BLOCK, astc = true; break;
    case pack::TextureFormat::Astc6x6Srgb: vk = VK_FORMAT_ASTC_6x6_SRGB_BLOCK, astc = true; break;
    case pack::TextureFormat::Astc6x6Unorm: vk = VK_FORMAT_ASTC_6x6_UNORM_BLOCK, astc = true; break;
  }
  const std::string chunk = "TEXR#" + std::to_string(texture);
  if (vk == VK_FORMAT_UNDEFINED) return Error{"unknown texture format " + std::to_string(format), {{}, 0, 0, chunk}};
  VkFormatProperties properties{};
  vkGetPhysicalDeviceFormatProperties(physical, vk, &properties);
  constexpr VkFormatFeatureFlags kNeeded = VK_FORMAT_FEATURE_SAMPLED_IMAGE_BIT |
                                           VK_FORMAT_FEATURE_SAMPLED_IMAGE_FILTER_LINEAR_BIT |
                                           VK_FORMAT_FEATURE_TRANSFER_DST_BIT;
  if ((properties.optimalTilingFeatures & kNeeded) == kNeeded) return vk;
  std::string message = "this GPU cannot sample texture format " + std::to_string(format) + " (VkFormat " +
                        std::to_string(int(vk)) + ")";
  if (astc) message = "pack built for --target mobile (ASTC) but this GPU supports no ASTC: repack with --target desktop";
  if (bc) message = "pack built for --target desktop (BC) but this GPU supports no BC: repack with --target mobile";
  return Error{std::move(message), {{}, 0, 0, chunk}};
}

Result<gpu::Image> create_solid_texture(gpu::Gpu& gpu, gpu::Uploader& uploader, VkFormat format,
                                        std::array<uint8_t, 4> rgba) {
  gpu::ImageDesc desc;
  desc.format = format;
  desc.width = desc.height = 1;
  desc.usage = VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT;
  auto image = gpu::create_image(gpu, desc);
  if (!image) return image;
  std::span<const std::byte> level(reinterpret_cast<const std::byte*>(rgba.data()), 4);
  if (Status s = uploader.upload_image(*image, std::span(&level, 1)); !s) {
    gpu::destroy_image(gpu, *image);
    return s.error();
  }
  return image;
}

// Frosted grey glass: clearly not a relic, and nothing a visitor could mistake for one.
pack::MaterialRecord placeholder_material() {
  pack::MaterialRecord r{};
  r.base_color_factor[0] = 0.55f;
  r.base_color_factor[1] = 0.57f;
  r.base_color_factor[2] = 0.62f;
  r.base_color_factor[3] = 0.45f;
  r.roughness_factor = 0.5f;
  r.normal_scale = 1.0f;
  r.occlusion_strength = 1.0f;
  r.alpha_cutoff = 0.5f;
  r.alpha_mode = uint32_t(pack::AlphaMode::Blend);
  r.double_sided = 1;
  r.base_color_texture = r.metallic_roughness_texture = r.normal_texture = r.occlusion_texture =
      r.emissive_texture = pack::kNoTexture;
  return r;
}

mat3 normal_matrix_of(const mat4& m) { return glm::transpose(glm::inverse(mat3(m))); }

}  // namespace

GpuAssets::~GpuAssets() {
  vkDeviceWaitIdle(gpu_.device());
  if (descriptor_pool_) vkDestroyDescriptorPool(gpu_.device(), descriptor_pool_, nullptr);
  if (sampler_) vkDestroySampler(gpu_.device(), sampler_, nullptr);
  for (gpu::Image& image : textures_) gpu::destroy_image(gpu_, image);
  gpu::destroy_image(gpu_, default_white_srgb_);
  gpu::destroy_image(gpu_, default_white_linear_);
  gpu::destroy_image(gpu_, default_normal_);
  gpu::destroy_buffer(gpu_, material_uniforms_);
  gpu::destroy_buffer(gpu_, indices_);
  gpu::destroy_buffer(gpu_, vertices_);
  gpu::destroy_buffer(gpu_, skin_vertices_);
}

Status GpuAssets::upload_geometry(const PackContents& contents, gpu::Uploader& uploader) {
  uint64_t vertex_count = 0, index_count = 0;
  for (const MeshChunk& mesh : contents.meshes) {
    vertex_count += mesh.header->vertex_count;
    index_count += mesh.header->index_count;
  }
  if (vertex_count == 0 || index_count == 0) return make_error("the pack holds no geometry");
  vertex_count += kPlaceholderVertices;
  index_count += kPlaceholderIndices;
  auto vertices = gpu::create_buffer(gpu_, vertex_count * sizeof(pack::PackedVertex),
                                     VK_BUFFER_USAGE_VERTEX_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                                     gpu::MemoryUsage::GpuOnly);
  if (!vertices) return vertices.error();
  vertices_ = *vertices;
  auto indices = gpu::create_buffer(gpu_, index_count * sizeof(uint32_t),
                                    VK_BUFFER_USAGE_INDEX_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                                    gpu::MemoryUsage::GpuOnly);
  if (!indices) return indices.error();
  indices_ = *indices;
  const bool any_skinned = std::any_of(contents.meshes.begin(), contents.meshes.end(), [](const MeshChunk& mesh) {
    return (mesh.header->flags & pack::kMeshSkinned) != 0;
  });
  if (any_skinned) {
    auto skin = gpu::create_buffer(gpu_, vertex_count * sizeof(pack::SkinVertex16),
                                   VK_BUFFER_USAGE_VERTEX_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                                   gpu::MemoryUsage::GpuOnly);
    if (!skin) return skin.error();
    skin_vertices_ = *skin;
  }

  uint64_t first_vertex = 0, first_index = 0;
  for (const MeshChunk& mesh : contents.meshes) {
    const pack::MeshHeader& header = *mesh.header;
    uint64_t vertex_bytes = uint64_t(header.vertex_count) * sizeof(pack::PackedVertex);
    uint64_t index_bytes = uint64_t(header.index_count) * sizeof(uint32_t);
    Status s = uploader.upload_buffer(vertices_, first_vertex * sizeof(pack::PackedVertex), vertex_bytes,
                                      [&](std::span<std::byte> staging) {
                                        return decode_vertices(
                                            mesh, {reinterpret_cast<pack::PackedVertex*>(staging.data()),
                                                   header.vertex_count});
                                      });
    if (!s) return s;
    s = uploader.upload_buffer(indices_, first_index * sizeof(uint32_t), index_bytes,
                               [&](std::span<std::byte> staging) {
                                 return decode_indices(
                                     mesh, {reinterpret_cast<uint32_t*>(staging.data()), header.index_count});
                               });
    if (!s) return s;
    const bool skinned = (header.flags & pack::kMeshSkinned) != 0;
    if (any_skinned) {
      s = uploader.upload_buffer(skin_vertices_, first_vertex * sizeof(pack::SkinVertex16),
                                 uint64_t(header.vertex_count) * sizeof(pack::SkinVertex16),
                                 [&](std::span<std::byte> staging) -> Status {
                                   if (!skinned) {
                                     std::memset(staging.data(), 0, staging.size());
                                     return {};
                                   }
                                   return decode_skin(mesh, {reinterpret_cast<pack::SkinVertex16*>(staging.data()),
                                                             header.vertex_count});
                                 });
      if (!s) return s;
    }
    GpuMesh gpu_mesh;
    gpu_mesh.vertex_offset = static_cast<int32_t>(first_vertex);
    for (uint32_t l = 0; l < header.lod_count; ++l)
      gpu_mesh.lods.push_back(GpuLod{static_cast<uint32_t>(first_index) + header.lods[l].first_index,
                                     header.lods[l].index_count, header.lods[l].error});
    gpu_mesh.material = header.material;
    gpu_mesh.bounds = mesh.bounds();
    vec3 lo = glm::make_vec3(header.bounds_min), hi = glm::make_vec3(header.bounds_max);
    gpu_mesh.mesh_from_vertex = glm::scale(glm::translate(mat4(1.0f), lo), hi - lo);
    gpu_mesh.uv_transform = vec4(header.uv_min[0], header.uv_min[1], header.uv_extent[0], header.uv_extent[1]);
    gpu_mesh.skinned = skinned;
    gpu_mesh.joint_count = skinned ? header.joint_count : 0;
    gpu_mesh.skin_vertex_scale = vertex::skinned_vertex_scale(header);
    gpu_mesh.posed_bounds = gpu_mesh.bounds;
    if (skinned && !gpu_mesh.bounds.empty()) {
      const vec3 grow(0.5f * glm::length(gpu_mesh.bounds.extent()));
      gpu_mesh.posed_bounds = Aabb{gpu_mesh.bounds.min - grow, gpu_mesh.bounds.max + grow};
    }
    meshes_.push_back(gpu_mesh);
    first_vertex += header.vertex_count;
    first_index += header.index_count;
  }
  return upload_placeholder(uploader, first_vertex, first_index, static_cast<uint32_t>(contents.materials.size()));
}

// A box 30 cm on a side, standing on the origin: what a scene shows where a relic should stand but the pack lacks it.
Status GpuAssets::upload_placeholder(gpu::Uploader& uploader, uint64_t first_vertex, uint64_t first_index,
                                     uint32_t material) {
  const Aabb box{vec3(-0.15f, 0.0f, -0.15f), vec3(0.15f, 0.3f, 0.15f)};
  std::vector<pack::PackedVertex> vertices;
  std::vector<uint32_t> indices;
  for (int axis = 0; axis < 3; ++axis) {
    for (int side = 0; side < 2; ++side) {
      vec3 normal(0.0f);
      normal[axis] = side ? 1.0f : -1.0f;
      int u = (axis + 1) % 3, v = (axis + 2) % 3;
      uint32_t base = uint32_t(vertices.size());
      for (int corner = 0; corner < 4; ++corner) {
        pack::PackedVertex q{};
        vec3 unit(0.0f);  // 0..1 inside the box
        unit[axis] = side ? 1.0f : 0.0f;
        unit[u] = (corner == 1 || corner == 2) ? 1.0f : 0.0f;
        unit[v] = (corner >= 2) ? 1.0f : 0.0f;
        for (int k = 0; k < 3; ++k) {
          q.position[k] = vertex::to_unorm16(unit[k]);
          q.normal[k] = vertex::to_snorm8(normal[k]);
          q.tangent[k] = vertex::to_snorm8(k == u ? 1.0f : 0.0f);
        }
        q.tangent[3] = 127;
        for (uint8_t& c : q.color) c = 255;
        vertices.push_back(q);
      }
      // Counter-clockwise seen from outside: flip the winding on the sides whose u x v points inwards.
      bool flip = side == 0;
      uint32_t quad[6] = {0, 1, 2, 0, 2, 3};
      if (flip) std::swap(quad[1], quad[2]), std::swap(quad[4], quad[5]);
      for (uint32_t i : quad) indices.push_back(base + i);
    }
  }
  auto copy = [](const auto& source) {
    return [&source](std::span<std::byte> staging) {
      std::memcpy(staging.data(), source.data(), staging.size());
      return Status{};
    };
  };
  if (Status s = uploader.upload_buffer(vertices_, first_vertex * sizeof(pack::PackedVertex),
                                        vertices.size() * sizeof(pack::PackedVertex), copy(vertices));
      !s)
    return s;
  if (Status s = uploader.upload_buffer(indices_, first_index * sizeof(uint32_t), indices.size() * sizeof(uint32_t),
                                        copy(indices));
      !s)
    return s;
  if (skin_vertices_.handle) {
    std::vector<pack::SkinVertex16> no_skin(vertices.size());
    if (Status s = uploader.upload_buffer(skin_vertices_, first_vertex * sizeof(pack::SkinVertex16),
                                          no_skin.size() * sizeof(pack::SkinVertex16), copy(no_skin));
        !s)
      return s;
  }
  GpuMesh mesh;
  mesh.vertex_offset = static_cast<int32_t>(first_vertex);
  mesh.lods.push_back(GpuLod{static_cast<uint32_t>(first_index), uint32_t(indices.size()), 0.0f});
  mesh.material = material;
  mesh.bounds = box;
  mesh.posed_bounds = box;
  mesh.mesh_from_vertex = glm::scale(glm::translate(mat4(1.0f), box.min), box.extent());
  placeholder_mesh_ = uint32_t(meshes_.size());
  meshes_.push_back(mesh);
  return {};
}

Status GpuAssets::upload_textures(const PackContents& contents, gpu::Uploader& uploader) {
  for (const TextureChunk& texture : contents.textures) {
    auto format = vulkan_format(gpu_.context->physical_device, texture.header->format, textures_.size());
    if (!format) return format.error();
    gpu::ImageDesc desc;
    desc.format = *format;
    desc.width = texture.header->width;
    desc.height = texture.header->height;
    desc.mip_levels = texture.header->mip_count;
    desc.usage = VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT;
    auto image = gpu::create_image(gpu_, desc);
    if (!image) return image.error();
    textures_.push_back(*image);
    if (Status s = uploader.upload_image(textures_.back(), texture.mips); !s) return s;
  }
  auto white_srgb = create_solid_texture(gpu_, uploader, VK_FORMAT_R8G8B8A8_SRGB, {255, 255, 255, 255});
  if (!white_srgb) return white_srgb.error();
  default_white_srgb_ = *white_srgb;
  auto white_linear = create_solid_texture(gpu_, uploader, VK_FORMAT_R8G8B8A8_UNORM, {255, 255, 255, 255});
  if (!white_linear) return white_linear.error();
  default_white_linear_ = *white_linear;
  auto flat_normal = create_solid_texture(gpu_, uploader, VK_FORMAT_R8G8B8A8_UNORM, {128, 128, 255, 255});
  if (!flat_normal) return flat_normal.error();
  default_normal_ = *flat_normal;

  VkSamplerCreateInfo sampler{VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO};
  sampler.magFilter = VK_FILTER_LINEAR;
  sampler.minFilter = VK_FILTER_LINEAR;
  sampler.mipmapMode = VK_SAMPLER_MIPMAP_MODE_LINEAR;
  sampler.addressModeU = sampler.addressModeV = sampler.addressModeW = VK_SAMPLER_ADDRESS_MODE_REPEAT;
  sampler.maxLod = VK_LOD_CLAMP_NONE;
  sampler.anisotropyEnable = gpu_.context->anisotropy ? VK_TRUE : VK_FALSE;
  sampler.maxAnisotropy = gpu_.context->anisotropy ? std::min(8.0f, gpu_.context->properties.limits.maxSamplerAnisotropy) : 1.0f;
  return gpu::vk_check(vkCreateSampler(gpu_.device(), &sampler, nullptr, &sampler_), "vkCreateSampler");
}

Status GpuAssets::create_materials(const PackContents& contents, gpu::Uploader& uploader,
                                   VkDescriptorSetLayout layout) {
  std::vector<pack::MaterialRecord> records = contents.materials;
  if (records.empty()) return make_error("the pack holds no materials");
  records.push_back(placeholder_material());
  VkDeviceSize alignment = std::max<VkDeviceSize>(gpu_.context->properties.limits.minUniformBufferOffsetAlignment, 16);
  VkDeviceSize stride = (sizeof(shader::MaterialUniforms) + alignment - 1) / alignment * alignment;
  auto uniforms = gpu::create_buffer(gpu_, stride * records.size(),
                                     VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                                     gpu::MemoryUsage::GpuOnly);
  if (!uniforms) return uniforms.error();
  material_uniforms_ = *uniforms;
  Status s = uploader.upload_buffer(material_uniforms_, 0, stride * records.size(), [&](std::span<std::byte> out) {
    std::memset(out.data(), 0, out.size());
    for (size_t i = 0; i < records.size(); ++i) {
      const pack::MaterialRecord& r = records[i];
      shader::MaterialUniforms u{};
      u.base_color_factor = glm::make_vec4(r.base_color_factor);
      u.emissive_factor = vec4(glm::make_vec3(r.emissive_factor), r.alpha_cutoff);
      u.pbr = vec4(r.metallic_factor, r.roughness_factor, r.normal_scale, r.occlusion_strength);
      u.flags = glm::uvec4(r.alpha_mode, 0, 0, 0);
      std::memcpy(out.data() + i * stride, &u, sizeof u);
    }
    return Status{};
  });
  if (!s) return s;

  uint32_t count = static_cast<uint32_t>(records.size());
  VkDescriptorPoolSize sizes[] = {{VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, count},
                                  {VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, count * 5}};
  VkDescriptorPoolCreateInfo pool_info{VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO};
  pool_info.maxSets = count;
  pool_info.poolSizeCount = 2;
  pool_info.pPoolSizes = sizes;
  if (Status p = gpu::vk_check(vkCreateDescriptorPool(gpu_.device(), &pool_info, nullptr, &descriptor_pool_),
                               "vkCreateDescriptorPool");
      !p)
    return p;

  auto view_of = [&](int32_t texture, const gpu::Image& fallback) {
    return texture >= 0 ? textures_[static_cast<size_t>(texture)].view : fallback.view;
  };
  for (size_t i = 0; i < records.size(); ++i) {
    const pack::MaterialRecord& r = records[i];
    VkDescriptorSetAllocateInfo allocate{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO};
    allocate.descriptorPool = descriptor_pool_;
    allocate.descriptorSetCount = 1;
    allocate.pSetLayouts = &layout;
    GpuMaterial material;
    if (Status a = gpu::vk_check(vkAllocateDescriptorSets(gpu_.device(), &allocate, &material.descriptor_set),
                                 "vkAllocateDescriptorSets");
        !a)
      return a;
    material.alpha_mode = r.alpha_mode;
    material.double_sided = r.double_sided != 0;

    VkDescriptorImageInfo images[5] = {
        {sampler_, view_of(r.base_color_texture, default_white_srgb_), VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL},
        {sampler_, view_of(r.metallic_roughness_texture, default_white_linear_),
         VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL},
        {sampler_, view_of(r.normal_texture, default_normal_), VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL},
        {sampler_, view_of(r.occlusion_texture, default_white_linear_), VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL},
        {sampler_, view_of(r.emissive_texture, default_white_srgb_), VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL},
    };
    gpu::write_buffer_descriptor(gpu_.device(), material.descriptor_set, LY_BINDING_MATERIAL_UNIFORMS,
                                 VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, material_uniforms_.handle, i * stride,
                                 sizeof(shader::MaterialUniforms));
    gpu::write_image_descriptors(gpu_.device(), material.descriptor_set, LY_BINDING_BASE_COLOR, images);
    materials_.push_back(material);
  }
  return {};
}

GpuInstance make_instance(const GpuAssets& assets, uint32_t mesh, const mat4& world_from_mesh,
                          int32_t palette_offset) {
  const GpuMesh& gpu_mesh = assets.meshes()[mesh];
  GpuInstance instance;
  const bool posed = palette_offset >= 0 && gpu_mesh.skinned;
  instance.world_from_mesh = world_from_mesh;
  instance.normal_matrix = normal_matrix_of(world_from_mesh);
  instance.world_from_vertex = world_from_mesh * gpu_mesh.mesh_from_vertex;
  instance.world_scale = std::max({glm::length(vec3(world_from_mesh[0])), glm::length(vec3(world_from_mesh[1])),
                                   glm::length(vec3(world_from_mesh[2]))});
  instance.mesh = mesh;
  instance.world_bounds = transform_aabb(gpu_mesh.bounds, world_from_mesh);
  if (posed) {
    instance.palette_offset = palette_offset;
    instance.world_from_vertex = world_from_mesh;
    instance.world_bounds = transform_aabb(gpu_mesh.posed_bounds, world_from_mesh);
  }
  return instance;
}

void GpuAssets::place_instances(const PackContents& contents) {
  for (const pack::InstanceRecord& record : contents.instances) {
    instances_.push_back(make_instance(*this, record.mesh, glm::make_mat4(record.world_from_mesh)));
    world_bounds_.expand(instances_.back().world_bounds);
  }
}

Result<std::unique_ptr<GpuAssets>> GpuAssets::upload(gpu::Gpu& gpu, const PackContents& contents,
                                                     VkDescriptorSetLayout material_layout) {
  auto assets = std::make_unique<GpuAssets>(gpu);
  gpu::Uploader uploader(gpu);
  if (Status s = assets->upload_geometry(contents, uploader); !s) return s.error();
  if (Status s = assets->upload_textures(contents, uploader); !s) return s.error();
  if (Status s = assets->create_materials(contents, uploader, material_layout); !s) return s.error();
  assets->uploaded_bytes_ = uploader.staged_bytes();
  if (Status s = uploader.flush(); !s) return s.error();
  assets->place_instances(contents);
  return assets;
}

}  // namespace liyuan::render
