// Orchestrates mesh and texture building and hands the chunks to PackWriter in a fixed order:
// META, MATL, INST, MESH#0.., TEXR#0...
#include "pack_builder.h"

#include "mesh_builder.h"
#include "pack_writer.h"
#include "texture_builder.h"

#include <nlohmann/json.hpp>

#include <cstring>
#include <map>

namespace liyuan::packer {
namespace {

template <typename T>
std::vector<std::byte> as_bytes(const std::vector<T>& records) {
  std::vector<std::byte> out(records.size() * sizeof(T));
  if (!out.empty()) std::memcpy(out.data(), records.data(), out.size());
  return out;
}

}  // namespace

std::string meta_json(const ImportedModel& model, uint32_t triangles, uint32_t vertices) {
  nlohmann::json meta = nlohmann::json::object();  // std::map underneath: keys sorted
  meta["generator"] = "liyuan-pack 0.1.0";
  meta["source"] = model.source_name;
  meta["title"] = model.title;
  meta["triangles"] = triangles;
  meta["vertices"] = vertices;
  return meta.dump();
}

Result<BuiltPack> build_pack(const ImportedModel& model, const PackOptions& options) {
  BuiltPack result;
  PackWriter writer;

  // Textures: one per (image, colour space), numbered in order of first use.
  struct TextureUse {
    int32_t image;
    bool srgb;
  };
  std::map<std::pair<int32_t, bool>, int32_t> texture_index;
  std::vector<TextureUse> uses;
  auto texture_for = [&](int32_t image, bool srgb) -> int32_t {
    if (image == kNoImage) return pack::kNoTexture;
    auto [it, inserted] = texture_index.try_emplace({image, srgb}, int32_t(uses.size()));
    if (inserted) uses.push_back({image, srgb});
    return it->second;
  };
  std::vector<pack::MaterialRecord> materials;
  for (const ImportedMaterial& m : model.materials) {
    pack::MaterialRecord r;
    std::memset(&r, 0, sizeof r);
    r = m.factors;
    r.reserved = 0;
    r.base_color_texture = texture_for(m.base_color_image, true);
    r.metallic_roughness_texture = texture_for(m.metallic_roughness_image, false);
    r.normal_texture = texture_for(m.normal_image, false);
    r.occlusion_texture = texture_for(m.occlusion_image, false);
    r.emissive_texture = texture_for(m.emissive_image, true);
    materials.push_back(r);
  }

  std::vector<pack::InstanceRecord> instances;
  for (const ImportedInstance& instance : model.instances) {
    pack::InstanceRecord r;
    std::memset(&r, 0, sizeof r);
    std::memcpy(r.world_from_mesh, &instance.world_from_mesh[0][0], sizeof r.world_from_mesh);
    r.mesh = instance.mesh;
    instances.push_back(r);
  }

  std::vector<BuiltMesh> meshes;
  for (const ImportedMesh& mesh : model.meshes) {
    meshes.push_back(build_mesh(mesh, mesh.material));
    result.triangles += meshes.back().lod_triangles[0];
    result.vertices += meshes.back().vertex_count;
  }

  const std::string meta = meta_json(model, result.triangles, result.vertices);
  writer.add(pack::ChunkType::Meta,
             std::vector<std::byte>(reinterpret_cast<const std::byte*>(meta.data()),
                                    reinterpret_cast<const std::byte*>(meta.data()) + meta.size()),
             false);
  writer.add(pack::ChunkType::Material, as_bytes(materials), false);
  writer.add(pack::ChunkType::Instance, as_bytes(instances), false);
  for (BuiltMesh& mesh : meshes) writer.add(pack::ChunkType::Mesh, std::move(mesh.payload), true);

  for (const TextureUse& use : uses) {
    auto image = decode_image(model.images[size_t(use.image)]);
    if (!image) return image.error();
    Rgba8Image fitted = fit_image(std::move(*image), options.max_texture_size, use.srgb);
    const auto mips = build_mip_chain(fitted, use.srgb);
    writer.add(pack::ChunkType::Texture,
               texture_payload(mips, use.srgb ? pack::TextureFormat::Rgba8Srgb : pack::TextureFormat::Rgba8Unorm),
               true);
  }
  result.textures = uint32_t(uses.size());
  result.bytes = writer.finish();
  return result;
}

}  // namespace liyuan::packer
