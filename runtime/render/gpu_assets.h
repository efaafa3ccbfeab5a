// A pack's contents on the GPU: one vertex and one index buffer for all meshes, textures with their mip chains,
// material uniforms and descriptor sets, and the instances with their world boxes (for culling).
#pragma once

#include <vulkan/vulkan.h>

#include <memory>
#include <vector>

#include "assets/pack_contents.h"
#include "core/error.h"
#include "core/math.h"
#include "gpu/buffer.h"
#include "gpu/gpu.h"
#include "gpu/image.h"
#include "gpu/upload.h"

namespace liyuan::render {

// One level of detail of a mesh on the GPU.
struct GpuLod {
  uint32_t first_index = 0;  // in the shared index buffer
  uint32_t index_count = 0;
  float error = 0.0f;        // mesh units (see pack::LodRecord)
};

struct GpuMesh {
  int32_t vertex_offset = 0;       // first vertex in the shared vertex buffer
  std::vector<GpuLod> lods;        // full detail first
  uint32_t material = 0;
  Aabb bounds;
  mat4 mesh_from_vertex{1.0f};     // position dequantisation: bounds_min + q * extent
  vec4 uv_transform{0, 0, 1, 1};   // xy offset, zw scale
  // Skinned meshes (a skin stream in the second vertex buffer; joint matrices per anim/pose.h).
  bool skinned = false;
  uint32_t joint_count = 0;
  vec3 skin_vertex_scale{1.0f};    // vertex::skinned_vertex_scale: divided out of joint matrices for normals
  // The culling box of a posed instance, in mesh space: the bind-pose box grown by half its diagonal on every side.
  // Conservative for clips that bend and turn limbs around a skeleton that stays near its bind-pose place; a clip
  // with large root motion can leave it (then the instance may be culled early).
  Aabb posed_bounds;
};

struct GpuInstance {
  int32_t palette_offset = -1;     // skinned: first joint matrix in FrameInput::joint_matrices; -1: bind pose
  mat4 world_from_mesh{1.0f};
  mat4 world_from_vertex{1.0f};  // world_from_mesh * the mesh's dequantisation
  mat3 normal_matrix{1.0f};
  float world_scale = 1.0f;      // the largest axis scale of world_from_mesh: mesh units → metres for LOD errors
  uint32_t mesh = 0;
  Aabb world_bounds;
};

struct GpuMaterial {
  VkDescriptorSet descriptor_set = VK_NULL_HANDLE;
  uint32_t alpha_mode = 0;  // pack::AlphaMode
  bool double_sided = false;
};

class GpuAssets;

// An instance of MESH placed at WORLD_FROM_MESH, with what the renderer derives from it (dequantisation, normal
// matrix, scale for LOD errors, world box for culling). PALETTE_OFFSET >= 0 on a skinned mesh draws it posed by the
// frame's joint matrices from that offset (anim::PosedInstance): world_from_vertex is then world_from_mesh itself
// and the culling box is the mesh's posed_bounds. Otherwise the mesh is drawn as stored (the bind pose).
GpuInstance make_instance(const GpuAssets& assets, uint32_t mesh, const mat4& world_from_mesh,
                          int32_t palette_offset = -1);

class GpuAssets {
 public:
  GpuAssets(gpu::Gpu& gpu) : gpu_(gpu) {}
  ~GpuAssets();
  GpuAssets(const GpuAssets&) = delete;
  GpuAssets& operator=(const GpuAssets&) = delete;

  const std::vector<GpuMesh>& meshes() const { return meshes_; }
  const std::vector<GpuInstance>& instances() const { return instances_; }
  const std::vector<GpuMaterial>& materials() const { return materials_; }
  const gpu::Buffer& vertex_buffer() const { return vertices_; }
  const gpu::Buffer& index_buffer() const { return indices_; }
  // The skin stream of every vertex (pack::SkinVertex16, parallel to vertex_buffer(); zeros for unskinned meshes);
  // empty (no handle) when no mesh is skinned.
  const gpu::Buffer& skin_buffer() const { return skin_vertices_; }
  const Aabb& world_bounds() const { return world_bounds_; }
  // A built-in mesh (a translucent grey box, 30 cm, standing on the origin) for relics a scene places but the pack
  // lacks: the show goes on, and the gap is visible.
  uint32_t placeholder_mesh() const { return placeholder_mesh_; }
  uint64_t uploaded_bytes() const { return uploaded_bytes_; }

  // Decodes CONTENTS straight into staging memory and uploads it; MATERIAL_LAYOUT is the renderer's material set
  // layout (shaders/include/shared_types.h bindings). Errors name the pack chunk that failed to decode.
  static Result<std::unique_ptr<GpuAssets>> upload(gpu::Gpu& gpu, const PackContents& contents,
                                                   VkDescriptorSetLayout material_layout);

 private:
  Status upload_geometry(const PackContents& contents, gpu::Uploader& uploader);
  Status upload_textures(const PackContents& contents, gpu::Uploader& uploader);
  Status create_materials(const PackContents& contents, gpu::Uploader& uploader, VkDescriptorSetLayout layout);
  void place_instances(const PackContents& contents);
  Status upload_placeholder(gpu::Uploader& uploader, uint64_t first_vertex, uint64_t first_index, uint32_t material);

  static constexpr uint32_t kPlaceholderVertices = 24;
  static constexpr uint32_t kPlaceholderIndices = 36;

  gpu::Gpu& gpu_;
  gpu::Buffer vertices_;
  gpu::Buffer indices_;
  gpu::Buffer skin_vertices_;
  gpu::Buffer material_uniforms_;
  std::vector<gpu::Image> textures_;
  gpu::Image default_white_srgb_;
  gpu::Image default_white_linear_;
  gpu::Image default_normal_;
  VkSampler sampler_ = VK_NULL_HANDLE;
  VkDescriptorPool descriptor_pool_ = VK_NULL_HANDLE;
  std::vector<GpuMesh> meshes_;
  std::vector<GpuInstance> instances_;
  std::vector<GpuMaterial> materials_;
  Aabb world_bounds_;
  uint64_t uploaded_bytes_ = 0;
  uint32_t placeholder_mesh_ = 0;
};

}  // namespace liyuan::render
