#include "pack_fixture.h"

#include "core/hash.h"
#include "manifest.h"
#include "pack_builder.h"
#include "support/test_support.h"

#include <cstring>
#include <fstream>
#include <stdexcept>

namespace liyuan::test {

packer::ImportedModel small_model() {
  packer::ImportedModel model;
  model.source_name = "grid.obj";
  model.title = "grid";
  packer::ImportedMesh mesh;
  for (int y = 0; y < 3; ++y) {
    for (int x = 0; x < 3; ++x) {
      mesh.positions.push_back(vec3(float(x), float(y), 0.f));
      mesh.normals.push_back(vec3(0.f, 0.f, 1.f));
      mesh.uvs.push_back(vec2(x * 0.5f, 1.f - y * 0.5f));
    }
  }
  for (uint32_t y = 0; y < 2; ++y) {
    for (uint32_t x = 0; x < 2; ++x) {
      const uint32_t a = y * 3 + x, b = a + 1, c = a + 3, d = a + 4;
      mesh.indices.insert(mesh.indices.end(), {a, b, d, a, d, c});
    }
  }
  model.meshes.push_back(mesh);
  packer::ImportedMaterial material;
  material.name = "clay";
  material.factors.base_color_factor[0] = material.factors.base_color_factor[1] = 1.f;
  material.factors.base_color_factor[2] = material.factors.base_color_factor[3] = 1.f;
  material.factors.roughness_factor = 0.5f;
  material.base_color_image = 0;
  model.materials.push_back(material);
  packer::ImageSource image;
  image.name = "flat (embedded)";
  image.width = 8;
  image.height = 4;
  for (int i = 0; i < 32; ++i) image.rgba.insert(image.rgba.end(), {200, 150, 100, 255});
  model.images.push_back(image);
  model.instances.push_back(packer::ImportedInstance{glm::translate(mat4(1.f), vec3(1.f, 2.f, 3.f)), 0});
  return model;
}

std::vector<std::byte> make_small_pack() {
  const packer::ImportedModel model = small_model();
  auto built = packer::build_pack(model, packer::PackOptions{4096, packer::TextureTarget::Rgba8});
  if (!built) throw std::runtime_error(built.error().to_string());
  return built->bytes;
}

void write_bytes(const std::filesystem::path& path, const std::vector<std::byte>& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::vector<std::byte> read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::vector<char> chars((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::byte> bytes(chars.size());
  if (!chars.empty()) std::memcpy(bytes.data(), chars.data(), chars.size());
  return bytes;
}

pack::FileHeader header_of(const std::vector<std::byte>& bytes) {
  pack::FileHeader h;
  std::memcpy(&h, bytes.data(), sizeof h);
  return h;
}

std::vector<pack::ChunkEntry> toc_of(const std::vector<std::byte>& bytes) {
  const pack::FileHeader h = header_of(bytes);
  std::vector<pack::ChunkEntry> toc(h.chunk_count);
  std::memcpy(toc.data(), bytes.data() + h.toc_offset, toc.size() * sizeof(pack::ChunkEntry));
  return toc;
}

void set_toc_entry(std::vector<std::byte>& bytes, size_t i, const pack::ChunkEntry& entry) {
  const pack::FileHeader h = header_of(bytes);
  std::memcpy(bytes.data() + h.toc_offset + i * sizeof entry, &entry, sizeof entry);
}

void set_header(std::vector<std::byte>& bytes, const pack::FileHeader& header) {
  std::memcpy(bytes.data(), &header, sizeof header);
}

void reseal(std::vector<std::byte>& bytes) {
  pack::FileHeader h = header_of(bytes);
  const std::span<const std::byte> all(bytes);
  std::vector<pack::ChunkEntry> toc = toc_of(bytes);
  for (size_t i = 0; i < toc.size(); ++i) {
    if (toc[i].offset <= bytes.size() && toc[i].size <= bytes.size() - toc[i].offset) {
      toc[i].checksum = hash_bytes(all.subspan(toc[i].offset, toc[i].size));
    }
    set_toc_entry(bytes, i, toc[i]);
  }
  h.toc_checksum = hash_bytes(all.subspan(h.toc_offset, toc.size() * sizeof(pack::ChunkEntry)));
  set_header(bytes, h);
  h.header_checksum = hash_bytes(std::span<const std::byte>(bytes).first(offsetof(pack::FileHeader, header_checksum)));
  set_header(bytes, h);
}

std::vector<std::byte> make_catalogue_pack() {
  const packer::ImportedModel model = small_model();
  // The manifests' source must exist: they pretend to lie in tests/data/models/spot.
  const std::filesystem::path where = data_dir() / "models/spot/relic.yaml";
  const char* texts[2] = {
      "id: amphora\nsource: spot_triangulated.obj\ntitle: {en: Amphora, zh-Hans: 双耳瓶}\n"
      "description: {en: A jar.}\nperiod: {zh-Hans: 唐}\ninventory: A-1\nprovenance: Chang'an\ncredit: Museum\n"
      "licence: CC0-1.0\nheight: 0.5\nclips: [open, close]\n",
      "id: bowl\nsource: spot_triangulated.obj\ntitle: {ar: وعاء}\ncredit: Museum\nlicence: CC-BY-4.0\nheight: 0.1\n"};
  static std::vector<packer::RelicManifest> manifests;  // CatalogueInput points at them
  manifests.clear();
  packer::PackAssembly assembly;
  assembly.meta_json = "{}";
  assembly.catalogued = true;
  for (const char* text : texts) {
    auto manifest = packer::parse_manifest(text, where, "relic.yaml");
    if (!manifest) throw std::runtime_error(manifest.error().to_string());
    manifests.push_back(std::move(*manifest));
    assembly.relics.push_back(packer::plan_relic(model, mat4(1.f)));
  }
  std::vector<packer::RelicChunks*> relics;
  std::vector<const packer::ImportedModel*> models;
  for (auto& relic : assembly.relics) {
    relics.push_back(&relic);
    models.push_back(&model);
  }
  const packer::TextureOptions options{4096, packer::TextureTarget::Rgba8};
  if (Status s = packer::build_relic_textures(relics, models, options, 1); !s) throw std::runtime_error(s.error().to_string());
  for (const auto& manifest : manifests) assembly.catalogue.push_back({&manifest, vec3(0.5f, 0.25f, 0.1f)});
  assembly.scenes = {{"exhibition.yaml", "id: t\n"}, {"halls/a.yaml", "x: 1\n"}};
  assembly.strings = {{"strings.yaml", "en: {}\n"}};
  return packer::assemble_pack(assembly);
}

}  // namespace liyuan::test
