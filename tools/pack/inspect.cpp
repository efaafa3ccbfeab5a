// Pack inspection (JSON and text) and full verification, through the runtime's own reader.
#include "inspect.h"

#include "assets/audio_chunks.h"
#include "assets/skeleton_chunks.h"

#include "assets/pack_contents.h"
#include "assets/pack_reader.h"
#include "pack_summary.h"

#include <fmt/format.h>

#include <vector>

namespace liyuan::packer {
namespace {

nlohmann::json vec_json(const float* v, int n) {
  nlohmann::json out = nlohmann::json::array();
  for (int k = 0; k < n; ++k) out.push_back(v[k]);
  return out;
}

const char* alpha_mode_name(uint32_t mode) {
  switch (static_cast<pack::AlphaMode>(mode)) {
    case pack::AlphaMode::Opaque: return "opaque";
    case pack::AlphaMode::Mask: return "mask";
    case pack::AlphaMode::Blend: return "blend";
  }
  return "unknown";
}

// CATL and RELC together: one entry per relic with its texts per locale and the ranges it owns.
nlohmann::json catalogue_json(const PackContents& contents) {
  const Catalogue& catalogue = contents.catalogue;
  nlohmann::json relics = nlohmann::json::array();
  for (size_t i = 0; i < catalogue.relics().size(); ++i) {
    const pack::CatalogueRelic& r = catalogue.relics()[i];
    nlohmann::json texts = nlohmann::json::object();
    for (const pack::CatalogueText& t : catalogue.texts(r)) {
      texts[std::string(catalogue.text(t.locale))] = {{"title", catalogue.text(t.title)},
                                                      {"description", catalogue.text(t.description)},
                                                      {"period", catalogue.text(t.period)}};
    }
    nlohmann::json clips = nlohmann::json::array();
    for (pack::StringRef clip : catalogue.clips(r)) clips.push_back(catalogue.text(clip));
    nlohmann::json entry = {{"id", catalogue.text(r.id)},
                            {"source", catalogue.text(r.source)},
                            {"inventory", catalogue.text(r.inventory)},
                            {"provenance", catalogue.text(r.provenance)},
                            {"credit", catalogue.text(r.credit)},
                            {"licence", catalogue.text(r.licence)},
                            {"size", vec_json(r.size, 3)},
                            {"texts", texts},
                            {"clips", clips}};
    if (i < contents.relics.size()) {
      const pack::RelicRecord& g = contents.relics[i];
      entry["instances"] = {g.first_instance, g.instance_count};
      entry["meshes"] = {g.first_mesh, g.mesh_count};
      entry["materials"] = {g.first_material, g.material_count};
      entry["textures"] = {g.first_texture, g.texture_count};
      entry["bounds_min"] = vec_json(g.bounds_min, 3);
      entry["bounds_max"] = vec_json(g.bounds_max, 3);
    }
    relics.push_back(std::move(entry));
  }
  return relics;
}

std::string vec_text(const nlohmann::json& v) {
  std::string out = "(";
  for (size_t k = 0; k < v.size(); ++k) out += fmt::format("{}{:.4g}", k ? ", " : "", v[k].get<double>());
  return out + ")";
}

}  // namespace

Result<nlohmann::json> inspect_pack(const std::filesystem::path& path) {
  auto reader = PackReader::open(path);
  if (!reader) return reader.error();
  auto contents = load_pack_contents(*reader);
  if (!contents) return contents.error();

  nlohmann::json report;
  const pack::FileHeader& h = reader->header();
  report["file"] = path.filename().string();
  report["version"] = h.version;
  report["chunk_count"] = h.chunk_count;
  report["file_size"] = h.file_size;
  report["chunks"] = nlohmann::json::array();
  const auto entries = reader->chunks();
  for (size_t i = 0; i < entries.size(); ++i) {
    const pack::ChunkEntry& e = entries[i];
    report["chunks"].push_back({{"label", reader->chunk_label(i)},
                                {"type", pack::chunk_type_name(e.type)},
                                {"index", e.index},
                                {"offset", e.offset},
                                {"size", e.size},
                                {"raw_size", e.raw_size},
                                {"compression", e.compression == uint32_t(pack::Compression::Zstd) ? "zstd" : "none"},
                                {"checksum", fmt::format("{:016x}", e.checksum)}});
  }
  report["meshes"] = nlohmann::json::array();
  for (size_t m = 0; m < contents->meshes.size(); ++m) {
    const pack::MeshHeader& mh = *contents->meshes[m].header;
    nlohmann::json lods = nlohmann::json::array();
    for (uint32_t l = 0; l < mh.lod_count; ++l) {
      lods.push_back({{"triangles", mh.lods[l].index_count / 3},
                      {"error", mh.lods[l].error},
                      {"bounds_min", vec_json(mh.lods[l].bounds_min, 3)},
                      {"bounds_max", vec_json(mh.lods[l].bounds_max, 3)}});
    }
    report["meshes"].push_back({{"index", m},
                                {"vertices", mh.vertex_count},
                                {"triangles", mh.lods[0].index_count / 3},
                                {"material", mh.material},
                                {"vertex_colors", (mh.flags & pack::kMeshHasVertexColors) != 0},
                                {"lods", lods},
                                {"bounds_min", vec_json(mh.bounds_min, 3)},
                                {"bounds_max", vec_json(mh.bounds_max, 3)}});
  }
  report["materials"] = nlohmann::json::array();
  for (size_t m = 0; m < contents->materials.size(); ++m) {
    const pack::MaterialRecord& r = contents->materials[m];
    report["materials"].push_back({{"index", m},
                                   {"base_color_factor", vec_json(r.base_color_factor, 4)},
                                   {"emissive_factor", vec_json(r.emissive_factor, 3)},
                                   {"metallic", r.metallic_factor},
                                   {"roughness", r.roughness_factor},
                                   {"normal_scale", r.normal_scale},
                                   {"occlusion_strength", r.occlusion_strength},
                                   {"alpha_mode", alpha_mode_name(r.alpha_mode)},
                                   {"alpha_cutoff", r.alpha_cutoff},
                                   {"double_sided", r.double_sided != 0},
                                   {"base_color_texture", r.base_color_texture},
                                   {"metallic_roughness_texture", r.metallic_roughness_texture},
                                   {"normal_texture", r.normal_texture},
                                   {"occlusion_texture", r.occlusion_texture},
                                   {"emissive_texture", r.emissive_texture}});
  }
  report["textures"] = nlohmann::json::array();
  for (size_t t = 0; t < contents->textures.size(); ++t) {
    const pack::TextureHeader& th = *contents->textures[t].header;
    report["textures"].push_back({{"index", t},
                                  {"width", th.width},
                                  {"height", th.height},
                                  {"mips", th.mip_count},
                                  {"format", texture_format_name(th.format)}});
  }
  report["skeletons"] = nlohmann::json::array();
  for (size_t k = 0; k < contents->skeletons.size(); ++k) {
    const SkeletonChunk& skeleton = contents->skeletons[k];
    report["skeletons"].push_back({{"index", k},
                                   {"nodes", skeleton.nodes.size()},
                                   {"skins", skeleton.skins.size()},
                                   {"joints", skeleton.joints.size()}});
  }
  report["clips"] = nlohmann::json::array();
  for (size_t k = 0; k < contents->animations.size(); ++k) {
    const AnimationChunk& clip = contents->animations[k];
    report["clips"].push_back({{"index", k},
                               {"name", std::string(clip.name)},
                               {"skeleton", clip.header->skeleton},
                               {"duration", clip.header->duration},
                               {"channels", clip.channels.size()}});
  }
  report["instances"] = nlohmann::json::array();
  for (size_t k = 0; k < contents->instances.size(); ++k) {
    const pack::InstanceRecord& r = contents->instances[k];
    report["instances"].push_back({{"index", k},
                                   {"mesh", r.mesh},
                                   {"translation", vec_json(r.world_from_mesh + 12, 3)},
                                   {"world_from_mesh", vec_json(r.world_from_mesh, 16)}});
  }
  const nlohmann::json meta = nlohmann::json::parse(contents->meta_json, nullptr, false);
  report["meta"] = meta.is_discarded() ? nlohmann::json(contents->meta_json) : meta;
  report["catalogue"] = catalogue_json(*contents);
  for (const auto& [key, files] : {std::pair{"scenes", &contents->scenes}, {"strings", &contents->strings}}) {
    report[key] = nlohmann::json::array();
    for (const PackFile& file : *files) {
      report[key].push_back({{"chunk", file.chunk}, {"path", file.path}, {"bytes", file.text.size()}});
    }
  }
  report["sounds"] = nlohmann::json::array();
  for (uint32_t k = 0; k < reader->count(pack::ChunkType::Audio); ++k) {
    auto sound = load_pack_sound(*reader, k);
    if (!sound) return sound.error();
    report["sounds"].push_back({{"chunk", sound->chunk},
                                {"key", sound->key},
                                {"locale", sound->locale},
                                {"path", sound->path},
                                {"codec", audio_codec_name(uint32_t(sound->codec))},
                                {"bytes", sound->data.size()}});
  }
  return report;
}

std::string format_inspection(const nlohmann::json& r) {
  std::string out;
  out += fmt::format("{}: Liyuan pack version {}, {} chunks, {} bytes\n", r["file"].get<std::string>(),
                     r["version"].get<uint32_t>(), r["chunk_count"].get<uint32_t>(), r["file_size"].get<uint64_t>());
  out += "chunks:\n";
  for (const auto& c : r["chunks"]) {
    out += fmt::format("  {:<20} {}  offset {:>10}  stored {:>10}  raw {:>10}  {:<4}  xxh3 {}\n",
                       c["label"].get<std::string>(), c["type"].get<std::string>(), c["offset"].get<uint64_t>(),
                       c["size"].get<uint64_t>(), c["raw_size"].get<uint64_t>(), c["compression"].get<std::string>(),
                       c["checksum"].get<std::string>());
  }
  out += fmt::format("meshes: {}\n", r["meshes"].size());
  for (const auto& m : r["meshes"]) {
    std::string lods;
    for (const auto& lod : m["lods"]) {
      lods += fmt::format("{}{} ({:.2g})", lods.empty() ? "" : ", ", lod["triangles"].get<uint32_t>(),
                          lod["error"].get<double>());
    }
    out += fmt::format("  mesh {}: {} vertices, {} triangles, material {}, bounds {} .. {}\n    LODs (triangles, error): {}\n",
                       m["index"].get<size_t>(), m["vertices"].get<uint32_t>(), m["triangles"].get<uint32_t>(),
                       m["material"].get<uint32_t>(), vec_text(m["bounds_min"]), vec_text(m["bounds_max"]), lods);
  }
  out += fmt::format("materials: {}\n", r["materials"].size());
  for (const auto& m : r["materials"]) {
    auto tex = [&](const char* key) {
      const int t = m[key].get<int>();
      return t < 0 ? std::string("-") : fmt::format("#{}", t);
    };
    out += fmt::format(
        "  material {}: base colour {}, metallic {:.3g}, roughness {:.3g}, emissive {}, {}{}; textures: base colour "
        "{}, metallic-roughness {}, normal {}, occlusion {}, emissive {}\n",
        m["index"].get<size_t>(), vec_text(m["base_color_factor"]), m["metallic"].get<double>(),
        m["roughness"].get<double>(), vec_text(m["emissive_factor"]), m["alpha_mode"].get<std::string>(),
        m["double_sided"].get<bool>() ? ", double-sided" : "", tex("base_color_texture"),
        tex("metallic_roughness_texture"), tex("normal_texture"), tex("occlusion_texture"), tex("emissive_texture"));
  }
  out += fmt::format("textures: {}\n", r["textures"].size());
  for (const auto& t : r["textures"]) {
    out += fmt::format("  texture {}: {}x{}, {} mips, {}\n", t["index"].get<size_t>(), t["width"].get<uint32_t>(),
                       t["height"].get<uint32_t>(), t["mips"].get<uint32_t>(), t["format"].get<std::string>());
  }
  out += fmt::format("instances: {}\n", r["instances"].size());
  for (const auto& k : r["instances"]) {
    out += fmt::format("  instance {}: mesh {} at {}\n", k["index"].get<size_t>(), k["mesh"].get<uint32_t>(),
                       vec_text(k["translation"]));
  }
  out += fmt::format("skeletons: {}\n", r["skeletons"].size());
  for (const auto& k : r["skeletons"]) {
    out += fmt::format("  skeleton {}: {} nodes, {} joints in {} skin(s)\n", k["index"].get<size_t>(),
                       k["nodes"].get<size_t>(), k["joints"].get<size_t>(), k["skins"].get<size_t>());
  }
  out += fmt::format("clips: {}\n", r["clips"].size());
  for (const auto& k : r["clips"]) {
    out += fmt::format("  clip {}: '{}' on skeleton {}, {:.3f} s, {} channels\n", k["index"].get<size_t>(),
                       k["name"].get<std::string>(), k["skeleton"].get<uint32_t>(), k["duration"].get<double>(),
                       k["channels"].get<size_t>());
  }
  out += fmt::format("relics: {}\n", r["catalogue"].size());
  for (const auto& c : r["catalogue"]) {
    std::string locales;
    for (const auto& [locale, text] : c["texts"].items()) {
      locales += fmt::format("{}{}: {}", locales.empty() ? "" : ", ", locale, text["title"].get<std::string>());
    }
    out += fmt::format("  relic {}: {}; size {} m; meshes {}+{}, instances {}+{}; {}; {}\n",
                       c["id"].get<std::string>(), locales, vec_text(c["size"]), c["meshes"][0].get<uint32_t>(),
                       c["meshes"][1].get<uint32_t>(), c["instances"][0].get<uint32_t>(),
                       c["instances"][1].get<uint32_t>(), c["credit"].get<std::string>(),
                       c["licence"].get<std::string>());
  }
  for (const char* key : {"scenes", "strings"}) {
    out += fmt::format("{}: {}\n", key, r[key].size());
    for (const auto& f : r[key]) {
      out += fmt::format("  {}: {} ({} bytes)\n", f["chunk"].get<std::string>(), f["path"].get<std::string>(),
                         f["bytes"].get<size_t>());
    }
  }
  out += fmt::format("sounds: {}\n", r["sounds"].size());
  for (const auto& s : r["sounds"]) {
    const std::string locale = s["locale"].get<std::string>();
    out += fmt::format("  {}: '{}'{} {} ({}, {} bytes)\n", s["chunk"].get<std::string>(), s["key"].get<std::string>(),
                       locale.empty() ? std::string() : fmt::format(" [{}]", locale), s["path"].get<std::string>(),
                       s["codec"].get<std::string>(), s["bytes"].get<size_t>());
  }
  out += "meta: " + r["meta"].dump() + "\n";
  return out;
}

Result<uint32_t> verify_pack(const std::filesystem::path& path) {
  auto reader = PackReader::open(path);
  if (!reader) return reader.error();
  if (auto status = reader->verify_all(); !status) return status.error();
  auto contents = load_pack_contents(*reader);
  if (!contents) return contents.error();
  for (size_t m = 0; m < contents->meshes.size(); ++m) {
    const MeshChunk& mesh = contents->meshes[m];
    const int position = reader->find(pack::ChunkType::Mesh, uint32_t(m));
    std::vector<pack::PackedVertex> vertices(mesh.header->vertex_count);
    std::vector<uint32_t> indices(mesh.header->index_count);
    Status status = decode_vertices(mesh, vertices);
    if (status) status = decode_indices(mesh, indices);
    if (!status) return make_chunk_error(path.string(), reader->chunk_label(size_t(position)), status.error().message);
  }
  for (uint32_t k = 0; k < reader->count(pack::ChunkType::Audio); ++k) {
    if (auto sound = load_pack_sound(*reader, k); !sound) return sound.error();
  }
  return uint32_t(reader->chunks().size());
}

}  // namespace liyuan::packer
