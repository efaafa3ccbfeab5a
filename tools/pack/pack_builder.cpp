// Orchestrates building and hands the chunks to PackWriter in a fixed order:
// META, MATL, INST, MESH#0.., TEXR#0.., CATL, RELC, SCEN#0.., STRS#0...
#include "pack_builder.h"

#include "job_pool.h"
#include "pack_writer.h"

#include <nlohmann/json.hpp>

#include <cstring>
#include <optional>

namespace liyuan::packer {
namespace {

template <typename T>
std::vector<std::byte> as_bytes(const std::vector<T>& records) {
  std::vector<std::byte> out(records.size() * sizeof(T));
  if (!out.empty()) std::memcpy(out.data(), records.data(), out.size());
  return out;
}

std::vector<std::byte> text_bytes(const std::string& text) {
  const auto* p = reinterpret_cast<const std::byte*>(text.data());
  return std::vector<std::byte>(p, p + text.size());
}

int32_t offset_texture(int32_t texture, uint32_t base) {
  return texture == pack::kNoTexture ? texture : texture + int32_t(base);
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

Status build_relic_textures(std::vector<RelicChunks*>& relics, const std::vector<const ImportedModel*>& models,
                            const TextureOptions& options, unsigned jobs) {
  struct Job {
    size_t relic, texture;
  };
  std::vector<Job> work;
  for (size_t r = 0; r < relics.size(); ++r) {
    relics[r]->textures.assign(relics[r]->texture_jobs.size(), BuiltTexture{});
    for (size_t t = 0; t < relics[r]->texture_jobs.size(); ++t) work.push_back({r, t});
  }
  std::vector<std::optional<Error>> errors(work.size());
  parallel_for(work.size(), jobs, [&](size_t i) {
    const Job& job = work[i];
    const TextureJob& texture = relics[job.relic]->texture_jobs[job.texture];
    auto built = build_texture(models[job.relic]->images[size_t(texture.image)], texture.role, options);
    if (!built) {
      errors[i] = built.error();
      return;
    }
    relics[job.relic]->textures[job.texture] = std::move(*built);
  });
  for (const auto& error : errors) {
    if (error) return *error;
  }
  return {};
}

Result<BuiltPack> build_pack(const ImportedModel& model, const PackOptions& options) {
  PackAssembly assembly;
  assembly.relics.push_back(plan_relic(model, mat4(1.f)));
  std::vector<RelicChunks*> relics{&assembly.relics[0]};
  std::vector<const ImportedModel*> models{&model};
  const TextureOptions texture_options{options.max_texture_size, options.target};
  if (Status s = build_relic_textures(relics, models, texture_options, options.jobs); !s) return s.error();

  BuiltPack result;
  const std::vector<uint64_t> triangles = lod_triangles(assembly.relics[0].meshes);
  result.triangles = triangles.empty() ? 0 : uint32_t(triangles[0]);
  result.vertices = assembly.relics[0].vertices;
  result.textures = uint32_t(assembly.relics[0].textures.size());
  assembly.meta_json = meta_json(model, result.triangles, result.vertices);
  assembly.jobs = options.jobs;
  result.bytes = assemble_pack(assembly);
  return result;
}

std::vector<std::byte> assemble_pack(const PackAssembly& assembly) {
  std::vector<pack::MaterialRecord> materials;
  std::vector<pack::InstanceRecord> instances;
  std::vector<std::vector<std::byte>> meshes;
  std::vector<pack::RelicRecord> relic_records;
  std::vector<std::vector<std::byte>> skeletons, animations;
  uint32_t texture_base = 0;
  for (const RelicChunks& relic : assembly.relics) {
    pack::RelicRecord record;
    std::memset(&record, 0, sizeof record);
    record.first_instance = uint32_t(instances.size());
    record.first_mesh = uint32_t(meshes.size());
    record.first_material = uint32_t(materials.size());
    record.first_texture = texture_base;
    for (pack::InstanceRecord instance : relic.instances) {
      instance.mesh += record.first_mesh;
      instances.push_back(instance);
    }
    for (std::vector<std::byte> mesh : relic.meshes) {
      if (mesh.size() >= sizeof(pack::MeshHeader)) {
        pack::MeshHeader header;
        std::memcpy(&header, mesh.data(), sizeof header);
        header.material += record.first_material;
        std::memcpy(mesh.data(), &header, sizeof header);
      }
      meshes.push_back(std::move(mesh));
    }
    for (pack::MaterialRecord material : relic.materials) {
      for (int32_t* slot : {&material.base_color_texture, &material.metallic_roughness_texture,
                            &material.normal_texture, &material.occlusion_texture, &material.emissive_texture}) {
        *slot = offset_texture(*slot, texture_base);
      }
      materials.push_back(material);
    }
    record.instance_count = uint32_t(relic.instances.size());
    record.mesh_count = uint32_t(relic.meshes.size());
    record.material_count = uint32_t(relic.materials.size());
    record.texture_count = uint32_t(relic.textures.size());
    texture_base += record.texture_count;
    record.skeleton = -1;
    record.first_animation = uint32_t(animations.size());
    if (relic.skeleton.size() >= sizeof(pack::SkeletonHeader)) {
      // Local indices become pack-wide: skins name the pack's meshes, clips the pack's skeleton.
      record.skeleton = int32_t(skeletons.size());
      std::vector<std::byte> skeleton = relic.skeleton;
      pack::SkeletonHeader header;
      std::memcpy(&header, skeleton.data(), sizeof header);
      for (uint32_t s = 0; s < header.skin_count; ++s) {
        const size_t at = header.skin_offset + s * sizeof(pack::SkinRecord);
        if (at + sizeof(pack::SkinRecord) > skeleton.size()) break;
        pack::SkinRecord skin;
        std::memcpy(&skin, skeleton.data() + at, sizeof skin);
        skin.mesh += record.first_mesh;
        std::memcpy(skeleton.data() + at, &skin, sizeof skin);
      }
      skeletons.push_back(std::move(skeleton));
      for (std::vector<std::byte> animation : relic.animations) {
        if (animation.size() < sizeof(pack::AnimationHeader)) continue;
        pack::AnimationHeader clip;
        std::memcpy(&clip, animation.data(), sizeof clip);
        clip.skeleton = uint32_t(record.skeleton);
        std::memcpy(animation.data(), &clip, sizeof clip);
        animations.push_back(std::move(animation));
      }
    }
    record.animation_count = uint32_t(animations.size()) - record.first_animation;
    const Aabb box = relic.bounds.empty() ? Aabb{vec3(0.f), vec3(0.f)} : relic.bounds;
    for (int a = 0; a < 3; ++a) {
      record.bounds_min[a] = box.min[a];
      record.bounds_max[a] = box.max[a];
    }
    relic_records.push_back(record);
  }

  // Mesh chunks are compressed in parallel: zstd level 9 is the slowest step left once textures are built.
  std::vector<StoredChunk> stored_meshes(meshes.size());
  parallel_for(meshes.size(), assembly.jobs, [&](size_t i) { stored_meshes[i] = store_chunk(std::move(meshes[i]), true); });

  PackWriter writer;
  writer.add(pack::ChunkType::Meta, text_bytes(assembly.meta_json), false);
  writer.add(pack::ChunkType::Material, as_bytes(materials), false);
  writer.add(pack::ChunkType::Instance, as_bytes(instances), false);
  for (StoredChunk& mesh : stored_meshes) writer.add_stored(pack::ChunkType::Mesh, std::move(mesh));
  for (const RelicChunks& relic : assembly.relics) {
    for (const BuiltTexture& texture : relic.textures) writer.add_stored(pack::ChunkType::Texture, texture.chunk);
  }
  // Skeletons and clips are small and read in place: stored uncompressed.
  for (std::vector<std::byte>& skeleton : skeletons) writer.add(pack::ChunkType::Skeleton, std::move(skeleton), false);
  for (std::vector<std::byte>& animation : animations) writer.add(pack::ChunkType::Animation, std::move(animation), false);
  if (assembly.catalogued) {
    // CATL stays uncompressed so the runtime reads it in place from the mapping.
    writer.add(pack::ChunkType::Catalogue, catalogue_payload(assembly.catalogue), false);
    writer.add(pack::ChunkType::Relic, as_bytes(relic_records), false);
  }
  for (const CarriedFile& scene : assembly.scenes) {
    writer.add(pack::ChunkType::Scene, file_chunk_payload(scene.path, scene.text), true);
  }
  for (const CarriedFile& table : assembly.strings) {
    writer.add(pack::ChunkType::Strings, file_chunk_payload(table.path, table.text), true);
  }
  // Sound files are compressed already (or small): stored as they are, read in place from the mapping.
  for (const SoundFile& sound : assembly.sounds) writer.add(pack::ChunkType::Audio, audio_chunk_payload(sound), false);
  return writer.finish();
}

}  // namespace liyuan::packer
