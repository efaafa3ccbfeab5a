// Texture planning per material slot, instance placement, mesh building, and one texture's whole path.
#include "relic_builder.h"

#include "mesh_builder.h"
#include "skeleton_builder.h"
#include "texture_builder.h"

#include <algorithm>
#include <cstring>
#include <map>

namespace liyuan::packer {
namespace {

enum class TextureKind { Color, Normal, Linear };

}  // namespace

RelicChunks plan_relic(const ImportedModel& model, const mat4& placement) {
  RelicChunks relic;
  std::map<std::pair<int32_t, TextureKind>, int32_t> texture_index;
  auto texture_for = [&](int32_t image, TextureKind kind, TextureRole role) -> int32_t {
    if (image == kNoImage) return pack::kNoTexture;
    auto [it, inserted] = texture_index.try_emplace({image, kind}, int32_t(relic.texture_jobs.size()));
    if (inserted) {
      relic.texture_jobs.push_back({image, role});
    } else {
      TextureRole& existing = relic.texture_jobs[size_t(it->second)].role;
      if (role == TextureRole::ColorWithAlpha) existing = role;                          // any use needs alpha
      if (kind == TextureKind::Linear && role != existing) existing = TextureRole::Data;  // R alone only if only R
    }
    return it->second;
  };
  for (const ImportedMaterial& m : model.materials) {
    pack::MaterialRecord r;
    std::memset(&r, 0, sizeof r);
    r = m.factors;
    r.reserved = 0;
    const bool alpha_used = m.factors.alpha_mode != uint32_t(pack::AlphaMode::Opaque);
    r.base_color_texture = texture_for(m.base_color_image, TextureKind::Color,
                                       alpha_used ? TextureRole::ColorWithAlpha : TextureRole::Color);
    r.metallic_roughness_texture = texture_for(m.metallic_roughness_image, TextureKind::Linear, TextureRole::Data);
    r.normal_texture = texture_for(m.normal_image, TextureKind::Normal, TextureRole::Normal);
    r.occlusion_texture = texture_for(m.occlusion_image, TextureKind::Linear, TextureRole::Occlusion);
    r.emissive_texture = texture_for(m.emissive_image, TextureKind::Color, TextureRole::Color);
    relic.materials.push_back(r);
  }

  for (const ImportedInstance& instance : model.instances) {
    pack::InstanceRecord r;
    std::memset(&r, 0, sizeof r);
    const mat4 placed = placement * instance.world_from_mesh;
    std::memcpy(r.world_from_mesh, &placed[0][0], sizeof r.world_from_mesh);
    r.mesh = instance.mesh;
    relic.instances.push_back(r);
    if (instance.mesh < model.meshes.size()) {
      for (const vec3& p : model.meshes[instance.mesh].positions) relic.bounds.expand(vec3(placed * vec4(p, 1.f)));
    }
  }

  for (const ImportedMesh& mesh : model.meshes) {
    BuiltMesh built = build_mesh(mesh, mesh.material);
    relic.vertices += built.vertex_count;
    relic.meshes.push_back(std::move(built.payload));
  }
  relic.skeleton = skeleton_payload(model, placement * model.model_from_source);
  if (!relic.skeleton.empty()) {
    for (const ImportedClip& clip : model.clips) relic.animations.push_back(animation_payload(clip, 0));
  }
  return relic;
}

Result<BuiltTexture> build_texture(const ImageSource& source, TextureRole role, const TextureOptions& options) {
  auto image = decode_image(source);
  if (!image) return image.error();
  const bool srgb = role == TextureRole::Color || role == TextureRole::ColorWithAlpha;
  Rgba8Image fitted = fit_image(std::move(*image), options.max_texture_size, srgb);
  const pack::TextureFormat format = choose_texture_format(role, options.target, has_alpha(fitted));
  const std::vector<Rgba8Image> mips = build_mip_chain(fitted, srgb);
  auto levels = encode_mips(mips, format, role);
  const std::string name = source.file.empty() ? source.name : source.file.string();
  if (!levels) return make_error(name + ": " + levels.error().message);

  BuiltTexture built;
  built.stats.source = source.name;
  built.stats.format = uint32_t(format);
  built.stats.width = fitted.width;
  built.stats.height = fitted.height;
  for (const Rgba8Image& mip : mips) built.stats.rgba8_bytes += mip.pixels.size();
  built.chunk = store_chunk(encoded_texture_payload(fitted.width, fitted.height, *levels, format), true);
  built.stats.stored_bytes = built.chunk.bytes.size();
  return built;
}

std::vector<uint64_t> lod_triangles(const std::vector<std::vector<std::byte>>& meshes) {
  std::vector<pack::MeshHeader> headers;
  uint32_t levels = 0;
  for (const std::vector<std::byte>& payload : meshes) {
    if (payload.size() < sizeof(pack::MeshHeader)) continue;
    headers.emplace_back();
    std::memcpy(&headers.back(), payload.data(), sizeof(pack::MeshHeader));
    headers.back().lod_count = std::clamp<uint32_t>(headers.back().lod_count, 1, pack::kMaxLods);
    levels = std::max(levels, headers.back().lod_count);
  }
  std::vector<uint64_t> out(levels, 0);
  for (uint32_t l = 0; l < levels; ++l) {
    for (const pack::MeshHeader& h : headers) out[l] += h.lods[std::min(l, h.lod_count - 1)].index_count / 3;
  }
  return out;
}

}  // namespace liyuan::packer
