// load_pack_contents: turns verified chunks into typed views and checks every number the renderer will trust.
#include "assets/pack_contents.h"

#include <fmt/format.h>

#include <cmath>
#include <cstring>

namespace liyuan {
namespace {

bool range_inside(uint64_t offset, uint64_t size, uint64_t begin, uint64_t end) {
  return offset >= begin && offset <= end && size <= end - offset;
}

bool finite3(const float* v) { return std::isfinite(v[0]) && std::isfinite(v[1]) && std::isfinite(v[2]); }

// Full mip chain length for a WIDTH x HEIGHT texture: floor(log2(max)) + 1.
uint32_t full_mip_count(uint32_t width, uint32_t height) {
  uint32_t largest = width > height ? width : height;
  uint32_t count = 1;
  while (largest > 1) {
    largest >>= 1;
    ++count;
  }
  return count;
}

class ContentsLoader {
 public:
  explicit ContentsLoader(const PackReader& reader) : reader_(reader), file_(reader.path().string()) {}

  Result<PackContents> run();

 private:
  Error error_at(int position, std::string message) const {
    return make_chunk_error(file_, reader_.chunk_label(size_t(position)), std::move(message));
  }
  // Loads the single chunk of TYPE (absent is fine: POSITION stays -1). More than one is an error.
  Result<ChunkBytes> load_single(pack::ChunkType type, int& position);
  Status load_materials();
  Status load_instances();
  Status load_mesh(uint32_t index);
  Status load_texture(uint32_t index);
  Status check_materials() const;
  Status load_exhibition_parts();
  Status check_relic(size_t r) const;
  Status check_relic_animation(size_t r) const;

  const PackReader& reader_;
  std::string file_;
  PackContents contents_;
  int material_position_ = -1;
};

Result<ChunkBytes> ContentsLoader::load_single(pack::ChunkType type, int& position) {
  position = reader_.find(type, 0);
  if (position < 0) return ChunkBytes();
  if (reader_.count(type) > 1) {
    return error_at(reader_.find(type, 1), fmt::format("a pack holds at most one {} chunk",
                                                       pack::chunk_type_name(uint32_t(type))));
  }
  return reader_.load(size_t(position));
}

Status ContentsLoader::load_materials() {
  auto bytes = load_single(pack::ChunkType::Material, material_position_);
  if (!bytes) return bytes.error();
  if (bytes->size() % sizeof(pack::MaterialRecord) != 0) {
    return error_at(material_position_, fmt::format("size {} is not a multiple of the {}-byte material record",
                                                    bytes->size(), sizeof(pack::MaterialRecord)));
  }
  contents_.materials.resize(bytes->size() / sizeof(pack::MaterialRecord));
  if (bytes->size() > 0) std::memcpy(contents_.materials.data(), bytes->bytes().data(), bytes->size());
  for (size_t m = 0; m < contents_.materials.size(); ++m) {
    const pack::MaterialRecord& r = contents_.materials[m];
    if (r.alpha_mode > uint32_t(pack::AlphaMode::Blend)) {
      return error_at(material_position_, fmt::format("material {}: unknown alpha mode {}", m, r.alpha_mode));
    }
    if (r.double_sided > 1) {
      return error_at(material_position_, fmt::format("material {}: double_sided is {}", m, r.double_sided));
    }
  }
  return {};
}

Status ContentsLoader::load_instances() {
  int position = -1;
  auto bytes = load_single(pack::ChunkType::Instance, position);
  if (!bytes) return bytes.error();
  if (bytes->size() % sizeof(pack::InstanceRecord) != 0) {
    return error_at(position, fmt::format("size {} is not a multiple of the {}-byte instance record", bytes->size(),
                                          sizeof(pack::InstanceRecord)));
  }
  contents_.instances.resize(bytes->size() / sizeof(pack::InstanceRecord));
  if (bytes->size() > 0) std::memcpy(contents_.instances.data(), bytes->bytes().data(), bytes->size());
  for (size_t k = 0; k < contents_.instances.size(); ++k) {
    const pack::InstanceRecord& r = contents_.instances[k];
    if (r.mesh >= contents_.meshes.size()) {
      return error_at(position, fmt::format("instance {} names mesh {}, but the pack holds {}", k, r.mesh,
                                            contents_.meshes.size()));
    }
    for (float f : r.world_from_mesh) {
      if (!std::isfinite(f)) return error_at(position, fmt::format("instance {} has a non-finite transform", k));
    }
  }
  return {};
}

Status ContentsLoader::load_mesh(uint32_t index) {
  const int position = reader_.find(pack::ChunkType::Mesh, index);
  auto bytes = reader_.load(size_t(position));
  if (!bytes) return bytes.error();
  const uint64_t size = bytes->size();
  if (size < sizeof(pack::MeshHeader)) {
    return error_at(position, fmt::format("{} bytes, shorter than the {}-byte mesh header", size,
                                          sizeof(pack::MeshHeader)));
  }
  MeshChunk mesh;
  mesh.storage = std::move(*bytes);
  const auto payload = mesh.storage.bytes();
  const auto* h = reinterpret_cast<const pack::MeshHeader*>(payload.data());
  mesh.header = h;
  auto fail = [&](std::string message) -> Status { return error_at(position, std::move(message)); };
  if (h->vertex_format != pack::kVertexFormatQuantized24) {
    return fail(fmt::format("unknown vertex format {}", h->vertex_format));
  }
  if (h->vertex_stride != sizeof(pack::PackedVertex)) {
    return fail(fmt::format("vertex stride {} != {}", h->vertex_stride, sizeof(pack::PackedVertex)));
  }
  if (h->lod_count < 1 || h->lod_count > pack::kMaxLods) return fail(fmt::format("lod count {} not in 1..8", h->lod_count));
  if (h->index_count % 3 != 0) return fail(fmt::format("index count {} is not a multiple of 3", h->index_count));
  for (uint32_t encoding : {h->vertex_encoding, h->index_encoding}) {
    if (encoding > uint32_t(pack::StreamEncoding::Meshopt)) return fail(fmt::format("unknown stream encoding {}", encoding));
  }
  if (!range_inside(h->vertex_offset, h->vertex_size, sizeof(pack::MeshHeader), size)) {
    return fail(fmt::format("vertex stream [{}, +{}) outside the {}-byte chunk", h->vertex_offset, h->vertex_size, size));
  }
  if (!range_inside(h->index_offset, h->index_size, sizeof(pack::MeshHeader), size)) {
    return fail(fmt::format("index stream [{}, +{}) outside the {}-byte chunk", h->index_offset, h->index_size, size));
  }
  if (h->vertex_encoding == uint32_t(pack::StreamEncoding::Raw) &&
      h->vertex_size != uint64_t(h->vertex_count) * sizeof(pack::PackedVertex)) {
    return fail(fmt::format("raw vertex stream is {} bytes, expected {}", h->vertex_size,
                            uint64_t(h->vertex_count) * sizeof(pack::PackedVertex)));
  }
  if (h->index_encoding == uint32_t(pack::StreamEncoding::Raw) && h->index_size != uint64_t(h->index_count) * 4) {
    return fail(fmt::format("raw index stream is {} bytes, expected {}", h->index_size, uint64_t(h->index_count) * 4));
  }
  // meshopt cannot encode below ~0.4 bytes per 24-byte vertex (64x) or 0.5 bytes per triangle (24x): a count far
  // beyond what the stream could hold is corrupt, and would otherwise make decoders allocate absurd buffers.
  constexpr uint64_t kMaxExpansion = 128, kSlack = 4096;
  if (h->vertex_encoding == uint32_t(pack::StreamEncoding::Meshopt) &&
      uint64_t(h->vertex_count) * sizeof(pack::PackedVertex) > h->vertex_size * kMaxExpansion + kSlack) {
    return fail(fmt::format("{} vertices cannot fit in a {}-byte meshopt stream", h->vertex_count, h->vertex_size));
  }
  if (h->index_encoding == uint32_t(pack::StreamEncoding::Meshopt) &&
      uint64_t(h->index_count) * 4 > h->index_size * kMaxExpansion + kSlack) {
    return fail(fmt::format("{} indices cannot fit in a {}-byte meshopt stream", h->index_count, h->index_size));
  }
  for (uint32_t l = 0; l < h->lod_count; ++l) {
    const pack::LodRecord& lod = h->lods[l];
    if (!range_inside(lod.first_index, lod.index_count, 0, h->index_count) || lod.index_count % 3 != 0 ||
        lod.first_index % 3 != 0 || !std::isfinite(lod.error) || lod.error < 0.0f) {
      return fail(fmt::format("LOD {} (first index {}, {} indices) is not a triangle range of the {} indices", l,
                              lod.first_index, lod.index_count, h->index_count));
    }
    if (l > 0 && lod.error < h->lods[l - 1].error) {
      return fail(fmt::format("LOD {} has a smaller error than LOD {}", l, l - 1));
    }
    if (!finite3(lod.bounds_min) || !finite3(lod.bounds_max)) return fail(fmt::format("LOD {} has non-finite bounds", l));
  }
  if (!std::isfinite(h->uv_min[0]) || !std::isfinite(h->uv_min[1]) || !std::isfinite(h->uv_extent[0]) ||
      !std::isfinite(h->uv_extent[1]) || h->uv_extent[0] < 0.0f || h->uv_extent[1] < 0.0f) {
    return fail("invalid UV range");
  }
  if (!finite3(h->bounds_min) || !finite3(h->bounds_max)) return fail("non-finite bounds");
  if (h->vertex_count > 0 && (h->bounds_min[0] > h->bounds_max[0] || h->bounds_min[1] > h->bounds_max[1] ||
                              h->bounds_min[2] > h->bounds_max[2])) {
    return fail("bounds minimum exceeds maximum");
  }
  if (h->material >= contents_.materials.size()) {
    return fail(fmt::format("names material {}, but the pack holds {}", h->material, contents_.materials.size()));
  }
  if (h->flags & pack::kMeshSkinned) {
    const uint32_t skin_stride = pack::skin_vertex_size(h->skin_format);
    if (skin_stride == 0) return fail(fmt::format("unknown skin format {}", h->skin_format));
    if (h->skin_encoding > uint32_t(pack::StreamEncoding::Meshopt))
      return fail(fmt::format("unknown skin stream encoding {}", h->skin_encoding));
    if (h->joint_count == 0 || (h->skin_format == pack::kSkinFormatJoints8 && h->joint_count > 256))
      return fail(fmt::format("{} joints for skin format {}", h->joint_count, h->skin_format));
    if (!range_inside(h->skin_offset, h->skin_size, sizeof(pack::MeshHeader), size))
      return fail(fmt::format("skin stream [{}, +{}) outside the {}-byte chunk", h->skin_offset, h->skin_size, size));
    const uint64_t skin_bytes = uint64_t(h->vertex_count) * skin_stride;
    if (h->skin_encoding == uint32_t(pack::StreamEncoding::Raw) ? h->skin_size != skin_bytes
                                                                 : skin_bytes > h->skin_size * kMaxExpansion + kSlack)
      return fail(fmt::format("{} skinned vertices cannot fit in a {}-byte skin stream", h->vertex_count, h->skin_size));
    mesh.skin_stream = payload.subspan(h->skin_offset, h->skin_size);
  }
  mesh.vertex_stream = payload.subspan(h->vertex_offset, h->vertex_size);
  mesh.index_stream = payload.subspan(h->index_offset, h->index_size);
  contents_.meshes.push_back(std::move(mesh));
  return {};
}

Status ContentsLoader::load_texture(uint32_t index) {
  const int position = reader_.find(pack::ChunkType::Texture, index);
  auto bytes = reader_.load(size_t(position));
  if (!bytes) return bytes.error();
  const uint64_t size = bytes->size();
  if (size < sizeof(pack::TextureHeader)) {
    return error_at(position, fmt::format("{} bytes, shorter than the {}-byte texture header", size,
                                          sizeof(pack::TextureHeader)));
  }
  TextureChunk texture;
  texture.storage = std::move(*bytes);
  const auto payload = texture.storage.bytes();
  const auto* h = reinterpret_cast<const pack::TextureHeader*>(payload.data());
  texture.header = h;
  auto fail = [&](std::string message) -> Status { return error_at(position, std::move(message)); };
  constexpr uint32_t kMaxExtent = 1u << (pack::kMaxMips - 1);
  if (h->width < 1 || h->height < 1 || h->width > kMaxExtent || h->height > kMaxExtent) {
    return fail(fmt::format("size {}x{} outside 1..{}", h->width, h->height, kMaxExtent));
  }
  if (pack::texture_block(h->format).block_bytes == 0) return fail(fmt::format("unknown texture format {}", h->format));
  const uint32_t expected_mips = full_mip_count(h->width, h->height);
  if (h->mip_count != expected_mips) {
    return fail(fmt::format("{} mip levels, but a full chain for {}x{} has {}", h->mip_count, h->width, h->height,
                            expected_mips));
  }
  for (uint32_t level = 0; level < h->mip_count; ++level) {
    const uint32_t w = std::max(1u, h->width >> level);
    const uint32_t hh = std::max(1u, h->height >> level);
    const uint64_t expected = mip_byte_size(static_cast<pack::TextureFormat>(h->format), w, hh);
    if (h->mip_size[level] != expected) {
      return fail(fmt::format("mip {} is {} bytes, expected {} for {}x{}", level, h->mip_size[level], expected, w, hh));
    }
    if (!range_inside(h->mip_offset[level], h->mip_size[level], sizeof(pack::TextureHeader), size)) {
      return fail(fmt::format("mip {} [{}, +{}) outside the {}-byte chunk", level, h->mip_offset[level],
                              h->mip_size[level], size));
    }
    texture.mips.push_back(payload.subspan(h->mip_offset[level], h->mip_size[level]));
  }
  contents_.textures.push_back(std::move(texture));
  return {};
}

Status ContentsLoader::check_materials() const {
  const int64_t texture_count = int64_t(contents_.textures.size());
  for (size_t m = 0; m < contents_.materials.size(); ++m) {
    const pack::MaterialRecord& r = contents_.materials[m];
    for (int32_t t : {r.base_color_texture, r.metallic_roughness_texture, r.normal_texture, r.occlusion_texture,
                      r.emissive_texture}) {
      if (t != pack::kNoTexture && (t < 0 || t >= texture_count)) {
        return error_at(material_position_, fmt::format("material {} names texture {}, but the pack holds {}", m, t,
                                                        texture_count));
      }
    }
  }
  return {};
}

Result<PackContents> ContentsLoader::run() {
  int meta_position = -1;
  auto meta = load_single(pack::ChunkType::Meta, meta_position);
  if (!meta) return meta.error();
  contents_.meta_json.assign(reinterpret_cast<const char*>(meta->bytes().data()), meta->size());

  if (auto status = load_materials(); !status) return status.error();
  const uint32_t texture_count = reader_.count(pack::ChunkType::Texture);
  for (uint32_t t = 0; t < texture_count; ++t) {
    if (auto status = load_texture(t); !status) return status.error();
  }
  if (auto status = check_materials(); !status) return status.error();
  const uint32_t mesh_count = reader_.count(pack::ChunkType::Mesh);
  for (uint32_t m = 0; m < mesh_count; ++m) {
    if (auto status = load_mesh(m); !status) return status.error();
  }
  if (auto status = load_instances(); !status) return status.error();
  if (auto status = load_exhibition_parts(); !status) return status.error();
  return std::move(contents_);
}

Status ContentsLoader::load_exhibition_parts() {
  auto catalogue = load_catalogue(reader_);
  if (!catalogue) return catalogue.error();
  contents_.catalogue = std::move(*catalogue);
  auto relics = load_relic_records(reader_, contents_.catalogue.relics().size());
  if (!relics) return relics.error();
  contents_.relics = std::move(*relics);
  for (size_t r = 0; r < contents_.relics.size(); ++r) {
    if (auto status = check_relic(r); !status) return status;
  }
  auto skeletons = load_skeletons(reader_, contents_.meshes);
  if (!skeletons) return skeletons.error();
  contents_.skeletons = std::move(*skeletons);
  auto animations = load_animations(reader_, contents_.skeletons);
  if (!animations) return animations.error();
  contents_.animations = std::move(*animations);
  for (size_t r = 0; r < contents_.relics.size(); ++r) {
    if (auto status = check_relic_animation(r); !status) return status;
  }
  auto scenes = load_pack_files(reader_, pack::ChunkType::Scene);
  if (!scenes) return scenes.error();
  contents_.scenes = std::move(*scenes);
  auto strings = load_pack_files(reader_, pack::ChunkType::Strings);
  if (!strings) return strings.error();
  contents_.strings = std::move(*strings);
  return {};
}

// Relic R's ranges lie inside the pack's arrays, and its instances, meshes and materials only name its own.
Status ContentsLoader::check_relic(size_t r) const {
  const pack::RelicRecord& relic = contents_.relics[r];
  const int position = reader_.find(pack::ChunkType::Relic, 0);
  auto fail = [&](std::string message) -> Status { return error_at(position, fmt::format("relic {}: {}", r, message)); };
  const struct {
    const char* name;
    uint32_t first, count;
    size_t total;
  } ranges[] = {{"instances", relic.first_instance, relic.instance_count, contents_.instances.size()},
                {"meshes", relic.first_mesh, relic.mesh_count, contents_.meshes.size()},
                {"materials", relic.first_material, relic.material_count, contents_.materials.size()},
                {"textures", relic.first_texture, relic.texture_count, contents_.textures.size()}};
  for (const auto& range : ranges) {
    if (!range_inside(range.first, range.count, 0, range.total)) {
      return fail(fmt::format("{} [{}, +{}) outside the pack's {}", range.name, range.first, range.count, range.total));
    }
  }
  auto inside = [](int64_t value, uint32_t first, uint32_t count) { return value >= first && value < int64_t(first) + count; };
  for (uint32_t i = relic.first_instance; i < relic.first_instance + relic.instance_count; ++i) {
    if (!inside(contents_.instances[i].mesh, relic.first_mesh, relic.mesh_count)) {
      return fail(fmt::format("instance {} names mesh {}, outside the relic's meshes", i, contents_.instances[i].mesh));
    }
  }
  for (uint32_t m = relic.first_mesh; m < relic.first_mesh + relic.mesh_count; ++m) {
    if (!inside(contents_.meshes[m].header->material, relic.first_material, relic.material_count)) {
      return fail(fmt::format("mesh {} names material {}, outside the relic's materials", m,
                              contents_.meshes[m].header->material));
    }
  }
  for (uint32_t m = relic.first_material; m < relic.first_material + relic.material_count; ++m) {
    const pack::MaterialRecord& material = contents_.materials[m];
    for (int32_t t : {material.base_color_texture, material.metallic_roughness_texture, material.normal_texture,
                      material.occlusion_texture, material.emissive_texture}) {
      if (t != pack::kNoTexture && !inside(t, relic.first_texture, relic.texture_count)) {
        return fail(fmt::format("material {} names texture {}, outside the relic's textures", m, t));
      }
    }
  }
  return {};
}

// Relic R's skeleton and clips exist, its clips animate its skeleton, and its skeleton's skins name its meshes.
Status ContentsLoader::check_relic_animation(size_t r) const {
  const pack::RelicRecord& relic = contents_.relics[r];
  const int position = reader_.find(pack::ChunkType::Relic, 0);
  auto fail = [&](std::string message) -> Status { return error_at(position, fmt::format("relic {}: {}", r, message)); };
  if (!range_inside(relic.first_animation, relic.animation_count, 0, contents_.animations.size()))
    return fail(fmt::format("clips [{}, +{}) outside the pack's {} ANIM chunks", relic.first_animation,
                            relic.animation_count, contents_.animations.size()));
  if (relic.skeleton < -1 || relic.skeleton >= int64_t(contents_.skeletons.size()))
    return fail(fmt::format("skeleton {} outside the pack's {} SKEL chunks", relic.skeleton, contents_.skeletons.size()));
  if (relic.skeleton < 0) {
    if (relic.animation_count > 0) return fail("clips without a skeleton");
    return {};
  }
  for (uint32_t a = relic.first_animation; a < relic.first_animation + relic.animation_count; ++a) {
    if (int64_t(contents_.animations[a].header->skeleton) != relic.skeleton)
      return fail(fmt::format("clip {} animates skeleton {}, not the relic's", a, contents_.animations[a].header->skeleton));
  }
  for (const pack::SkinRecord& skin : contents_.skeletons[size_t(relic.skeleton)].skins) {
    if (skin.mesh < relic.first_mesh || skin.mesh >= uint64_t(relic.first_mesh) + relic.mesh_count)
      return fail(fmt::format("its skeleton skins mesh {}, outside the relic's meshes", skin.mesh));
  }
  return {};
}

}  // namespace

Aabb MeshChunk::bounds() const {
  Aabb box;
  if (!header || header->vertex_count == 0) return box;
  box.min = vec3(header->bounds_min[0], header->bounds_min[1], header->bounds_min[2]);
  box.max = vec3(header->bounds_max[0], header->bounds_max[1], header->bounds_max[2]);
  return box;
}

Aabb PackContents::world_bounds() const {
  Aabb box;
  for (const pack::InstanceRecord& instance : instances) {
    if (instance.mesh >= meshes.size()) continue;
    const Aabb local = meshes[instance.mesh].bounds();
    if (local.empty()) continue;
    box.expand(transform_aabb(local, glm::make_mat4(instance.world_from_mesh)));
  }
  return box;
}

Result<PackContents> load_pack_contents(const PackReader& reader) { return ContentsLoader(reader).run(); }

uint64_t mip_byte_size(pack::TextureFormat format, uint32_t width, uint32_t height) {
  const pack::TextureBlock block = pack::texture_block(uint32_t(format));
  if (block.block_bytes == 0) return 0;
  const uint64_t columns = (uint64_t(width) + block.block_width - 1) / block.block_width;
  const uint64_t rows = (uint64_t(height) + block.block_height - 1) / block.block_height;
  return columns * rows * block.block_bytes;
}

}  // namespace liyuan
