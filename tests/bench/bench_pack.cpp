// liyuan-bench-pack [SOURCE_ROOT] [--runs N]: for each model, two like-for-like comparisons of reading the source with
// Assimp against loading the .lypak the packer makes of it, each the best of N runs (default 5) in the same process:
//   geometry:   Assimp import with the packer's flags, geometry only (packer::import_model, geometry_only)
//               vs PackReader::open + loading and decoding every MESH chunk (vertices and indices into memory);
//   everything: Assimp import with materials + stb_image decoding (packer::decode_image) of every image the materials
//               use, to RGBA8 — the least a runtime reading sources directly would do —
//               vs open + load_pack_contents (checksums, zstd-decompressed textures) + decoding every mesh.
// It also prints sizes (source, pack, meshopt geometry against gltfpack -cc) and where the full pack load goes.
// Packs are built in memory with liyuan_packlib and written to a temporary folder, removed on exit.
#include "assets/pack_contents.h"
#include "assets/pack_reader.h"
#include "core/clock.h"
#include "core/log.h"
#include "importer.h"
#include "pack_builder.h"
#include "pack_writer.h"
#include "texture_builder.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using namespace liyuan;

struct Model {
  const char* name;
  const char* file;            // relative to the source root
  int64_t gltfpack_geometry;   // gltfpack -cc geometry bytes from the platform notes; -1 when there is no figure
};
constexpr Model kModels[] = {
    {"WaterBottle", "content/relics/water-bottle/WaterBottle.gltf", 30004},
    {"SheenChair", "tests/data/models/SheenChair/glTF/SheenChair.gltf", 246392},
    {"Fox", "tests/data/models/Fox/glTF-Binary/Fox.glb", 40652},
    {"GlamVelvetSofa", "tests/data/models/GlamVelvetSofa/glTF-Binary/GlamVelvetSofa.glb", -1},
    {"spot", "tests/data/models/spot/spot_triangulated.obj", 19064},
    {"bunny", "tests/data/models/stanford-bunny/stanford-bunny.obj", 208848},
};

// The best (smallest) time of RUNS calls of BODY in milliseconds, or -1 when a call fails.
template <typename F>
double best_ms(int runs, F&& body) {
  double best = 1e300;
  for (int r = 0; r < runs; ++r) {
    Stopwatch watch;
    if (!body()) return -1.0;
    best = std::min(best, watch.elapsed_ms());
  }
  return best;
}

bool decode_mesh(const MeshChunk& mesh) {
  std::vector<pack::PackedVertex> vertices(mesh.header->vertex_count);
  std::vector<uint32_t> indices(mesh.header->index_count);
  return decode_vertices(mesh, vertices) && decode_indices(mesh, indices);
}

// Pack side, geometry: open + every MESH chunk loaded (checksum verified, decompressed if stored so) and decoded.
bool pack_geometry(const fs::path& pack) {
  auto reader = PackReader::open(pack);
  if (!reader) return false;
  for (uint32_t m = 0; m < reader->count(pack::ChunkType::Mesh); ++m) {
    auto bytes = reader->load(size_t(reader->find(pack::ChunkType::Mesh, m)));
    if (!bytes || bytes->size() < sizeof(pack::MeshHeader)) return false;
    MeshChunk mesh;
    mesh.storage = std::move(*bytes);
    const std::span<const std::byte> all = mesh.storage.bytes();
    mesh.header = reinterpret_cast<const pack::MeshHeader*>(all.data());
    const pack::MeshHeader& h = *mesh.header;
    if (h.vertex_offset + h.vertex_size > all.size() || h.index_offset + h.index_size > all.size()) return false;
    mesh.vertex_stream = all.subspan(h.vertex_offset, h.vertex_size);
    mesh.index_stream = all.subspan(h.index_offset, h.index_size);
    if (!decode_mesh(mesh)) return false;
  }
  return true;
}

// Pack side, everything: open + load_pack_contents (every chunk verified, textures decompressed) + every mesh decoded.
bool pack_everything(const fs::path& pack) {
  auto reader = PackReader::open(pack);
  if (!reader) return false;
  auto contents = load_pack_contents(*reader);
  if (!contents) return false;
  for (const MeshChunk& mesh : contents->meshes) {
    if (!decode_mesh(mesh)) return false;
  }
  return true;
}

// The images MODEL's materials use, each once.
std::vector<int32_t> material_images(const packer::ImportedModel& model) {
  std::set<int32_t> used;
  for (const packer::ImportedMaterial& m : model.materials) {
    for (int32_t image : {m.base_color_image, m.metallic_roughness_image, m.normal_image, m.occlusion_image,
                          m.emissive_image}) {
      if (image != packer::kNoImage) used.insert(image);
    }
  }
  return {used.begin(), used.end()};
}

// Decodes every image MODEL's materials use to RGBA8; adds the decoded bytes to *RGBA_BYTES when given.
bool decode_material_images(const packer::ImportedModel& model, uint64_t* rgba_bytes = nullptr) {
  for (int32_t image : material_images(model)) {
    auto decoded = packer::decode_image(model.images[size_t(image)]);
    if (!decoded) {
      fmt::print(stderr, "liyuan-bench-pack: {}\n", decoded.error().to_string());
      return false;
    }
    if (rgba_bytes) *rgba_bytes += decoded->pixels.size();
  }
  return true;
}

// Source side, everything: the full import (materials and image references) + every material image decoded.
bool source_everything(const fs::path& source) {
  auto model = packer::import_model(source);
  return model && decode_material_images(*model);
}

uint64_t file_size_or_zero(const fs::path& file) {
  std::error_code ec;
  const uint64_t size = fs::file_size(file, ec);
  return ec ? 0 : size;
}

// Bytes a runtime reading SOURCE would read: the model file, a .gltf's external buffers, and the image files its
// materials use (embedded images are inside the model file already). Licences and readmes do not count.
uint64_t source_bytes(const fs::path& source, const packer::ImportedModel& model) {
  std::set<fs::path> files{source};
  if (source.extension() == ".gltf") {
    std::ifstream in(source);
    const nlohmann::json doc = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (doc.is_object() && doc.contains("buffers") && doc["buffers"].is_array()) {
      for (const auto& buffer : doc["buffers"]) {
        if (!buffer.is_object() || !buffer.contains("uri") || !buffer["uri"].is_string()) continue;
        const std::string uri = buffer["uri"].get<std::string>();
        if (uri.rfind("data:", 0) != 0) files.insert((source.parent_path() / uri).lexically_normal());
      }
    }
  }
  for (int32_t image : material_images(model)) {
    const fs::path& file = model.images[size_t(image)].file;
    if (!file.empty()) files.insert(file.lexically_normal());
  }
  uint64_t total = 0;
  for (const fs::path& file : files) total += file_size_or_zero(file);
  return total;
}

struct ChunkTotals {
  uint32_t count = 0;
  uint64_t stored = 0;  // bytes in the file
  uint64_t raw = 0;     // bytes after decompression
};

ChunkTotals chunk_totals(const PackReader& reader, pack::ChunkType type) {
  ChunkTotals totals;
  for (const pack::ChunkEntry& entry : reader.chunks()) {
    if (entry.type != uint32_t(type)) continue;
    ++totals.count;
    totals.stored += entry.size;
    totals.raw += entry.raw_size;
  }
  return totals;
}

// 1234567 → "1,234,567".
std::string grouped(uint64_t value) {
  const std::string digits = std::to_string(value);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string kib(uint64_t bytes) { return fmt::format("{:.0f} KiB", double(bytes) / 1024.0); }
std::string mib(uint64_t bytes) { return fmt::format("{:.1f}", double(bytes) / (1024.0 * 1024.0)); }
std::string ratio(double numerator, double denominator) { return fmt::format("{:.2f}x", numerator / denominator); }

// Where the full pack load goes, and what the source side's image decoding costs, for the second table.
struct Breakdown {
  uint32_t images = 0;        // material images decoded on the source side
  uint64_t image_rgba = 0;    // their RGBA8 bytes
  double image_decode_ms = 0; // decode_material_images alone (import excluded)
  ChunkTotals textures;       // TEXR chunks in the pack
  double texture_verify_ms = 0;  // verify_chunk of every TEXR chunk (XXH3 over the stored bytes)
  double texture_reuse_ms = 0;   // load of every TEXR chunk, each freed before the next (verify + zstd)
  double texture_load_ms = 0;    // load of every TEXR chunk, all kept (verify + zstd + fresh memory)
};

struct Row {
  std::string name;
  uint32_t triangles = 0;
  double geo_import_ms = 0, geo_load_ms = 0, all_source_ms = 0, all_pack_ms = 0;
  uint64_t source = 0, pack = 0;
  uint64_t mesh_stored = 0;
  int64_t gltfpack = -1;
  Breakdown breakdown;
};

// Builds, writes and times MODEL; nullopt (with a message on stderr) when the model fails to import or pack.
std::optional<Row> bench_model(const Model& model, const fs::path& root, const fs::path& scratch, int runs) {
  const fs::path source = root / model.file;
  auto imported = packer::import_model(source);
  if (!imported) {
    fmt::print(stderr, "liyuan-bench-pack: {}\n", imported.error().to_string());
    return std::nullopt;
  }
  auto built = packer::build_pack(*imported, packer::PackOptions{});
  if (!built) {
    fmt::print(stderr, "liyuan-bench-pack: cannot build the pack for {}: {}\n", source.string(),
               built.error().to_string());
    return std::nullopt;
  }
  const fs::path pack = scratch / (std::string(model.name) + ".lypak");
  if (auto written = packer::write_pack_file(pack, built->bytes); !written) {
    fmt::print(stderr, "liyuan-bench-pack: {}\n", written.error().to_string());
    return std::nullopt;
  }
  auto reader = PackReader::open(pack);
  if (!reader) {
    fmt::print(stderr, "liyuan-bench-pack: {}\n", reader.error().to_string());
    return std::nullopt;
  }

  Row row;
  row.name = model.name;
  row.triangles = built->triangles;
  row.source = source_bytes(source, *imported);
  row.pack = built->bytes.size();
  row.mesh_stored = chunk_totals(*reader, pack::ChunkType::Mesh).stored;
  row.gltfpack = model.gltfpack_geometry;

  packer::ImportOptions geometry_only;
  geometry_only.geometry_only = true;
  row.geo_import_ms = best_ms(runs, [&] { return bool(packer::import_model(source, geometry_only)); });
  row.geo_load_ms = best_ms(runs, [&] { return pack_geometry(pack); });
  row.all_source_ms = best_ms(runs, [&] { return source_everything(source); });
  row.all_pack_ms = best_ms(runs, [&] { return pack_everything(pack); });

  Breakdown& b = row.breakdown;
  b.images = uint32_t(material_images(*imported).size());
  if (!decode_material_images(*imported, &b.image_rgba)) return std::nullopt;
  b.image_decode_ms = best_ms(runs, [&] { return decode_material_images(*imported); });
  b.textures = chunk_totals(*reader, pack::ChunkType::Texture);
  std::vector<size_t> texture_chunks;
  for (uint32_t t = 0; t < b.textures.count; ++t) texture_chunks.push_back(size_t(reader->find(pack::ChunkType::Texture, t)));
  b.texture_verify_ms = best_ms(runs, [&] {
    return std::all_of(texture_chunks.begin(), texture_chunks.end(), [&](size_t i) { return bool(reader->verify_chunk(i)); });
  });
  // One chunk at a time: each decompressed buffer is freed before the next load, so the allocator hands the same,
  // already touched, memory back: verify + zstd alone.
  b.texture_reuse_ms = best_ms(runs, [&] {
    return std::all_of(texture_chunks.begin(), texture_chunks.end(), [&](size_t i) { return bool(reader->load(i)); });
  });
  // Every chunk kept until the end, as load_pack_contents keeps them: adds fresh memory (page faults) for all of it.
  b.texture_load_ms = best_ms(runs, [&] {
    std::vector<ChunkBytes> kept;
    for (size_t i : texture_chunks) {
      auto bytes = reader->load(i);
      if (!bytes) return false;
      kept.push_back(std::move(*bytes));
    }
    return true;
  });

  for (double ms : {row.geo_import_ms, row.geo_load_ms, row.all_source_ms, row.all_pack_ms, b.image_decode_ms,
                    b.texture_verify_ms, b.texture_reuse_ms, b.texture_load_ms}) {
    if (ms < 0) {
      fmt::print(stderr, "liyuan-bench-pack: a timed run failed for {}\n", model.name);
      return std::nullopt;
    }
  }
  return row;
}

void print_tables(const std::vector<Row>& rows) {
  fmt::print(
      "Columns: tris = triangles over all meshes; geometry: import = Assimp import with the packer's flags, geometry\n"
      "only; load = pack open + every MESH chunk loaded and decoded (vertices + indices); x = import / load.\n"
      "everything: source = full Assimp import + stb_image decode to RGBA8 of every material image (embedded ones\n"
      "included); pack = open + load_pack_contents (checksums, zstd-decompressed RGBA8 mip chains) + every mesh\n"
      "decoded; x = source / pack. source = model file + glTF buffers + image files used; pack = .lypak size;\n"
      "mesh B = stored (meshopt-encoded) bytes of all MESH chunks; gltfpack = reference gltfpack -cc geometry bytes\n"
      "from the platform notes (- when none); ours/gp = mesh B / gltfpack. Times in ms, best of the runs.\n\n");
  fmt::print("{:<23} | {:<26} | {:<27} | {}\n", "", "geometry", "everything", "sizes");
  fmt::print("{:<15} {:>7} | {:>9} {:>8} {:>7} | {:>9} {:>8} {:>7} | {:>10} {:>10} {:>9} {:>9} {:>7}\n", "model",
             "tris", "import", "load", "x", "source", "pack", "x", "source", "pack", "mesh B", "gltfpack", "ours/gp");
  for (const Row& r : rows) {
    const std::string gltfpack = r.gltfpack < 0 ? "-" : grouped(uint64_t(r.gltfpack));
    const std::string versus = r.gltfpack < 0 ? "-" : ratio(double(r.mesh_stored), double(r.gltfpack));
    fmt::print("{:<15} {:>7} | {:>9.2f} {:>8.2f} {:>7} | {:>9.2f} {:>8.2f} {:>7} | {:>10} {:>10} {:>9} {:>9} {:>7}\n",
               r.name, grouped(r.triangles), r.geo_import_ms, r.geo_load_ms, ratio(r.geo_import_ms, r.geo_load_ms),
               r.all_source_ms, r.all_pack_ms, ratio(r.all_source_ms, r.all_pack_ms), kib(r.source), kib(r.pack),
               grouped(r.mesh_stored), gltfpack, versus);
  }

  fmt::print(
      "\nWhere the time goes in 'everything'. Source side: imgs = material images, RGBA8 MiB = their decoded size,\n"
      "decode = stb_image decoding alone (import excluded). Pack side: TEXR = texture chunks, raw / stored MiB = mip\n"
      "chains after / before zstd; load = every TEXR chunk loaded and kept, as load_pack_contents does, split into\n"
      "verify = XXH3 of the stored bytes, zstd = decompression into reused memory (chunks loaded one at a time, each\n"
      "freed before the next) minus verify, and fresh mem = load minus that (page faults on newly allocated output);\n"
      "share = load / the full pack load above. Times in ms, best of the runs.\n\n");
  fmt::print("{:<15} {:>4} {:>10} {:>8} | {:>4} {:>8} {:>8} {:>7} {:>7} {:>7} {:>9} {:>6}\n", "model", "imgs",
             "RGBA8 MiB", "decode", "TEXR", "raw MiB", "stored", "load", "verify", "zstd", "fresh mem", "share");
  for (const Row& r : rows) {
    const Breakdown& b = r.breakdown;
    const std::string share =
        b.textures.count > 0 && r.all_pack_ms > 0 ? fmt::format("{:.0f}%", 100.0 * b.texture_load_ms / r.all_pack_ms) : std::string("-");
    fmt::print("{:<15} {:>4} {:>10} {:>8.2f} | {:>4} {:>8} {:>8} {:>7.2f} {:>7.2f} {:>7.2f} {:>9.2f} {:>6}\n", r.name,
               b.images, mib(b.image_rgba), b.image_decode_ms, b.textures.count, mib(b.textures.raw),
               mib(b.textures.stored), b.texture_load_ms, b.texture_verify_ms,
               std::max(0.0, b.texture_reuse_ms - b.texture_verify_ms),
               std::max(0.0, b.texture_load_ms - b.texture_reuse_ms), share);
  }
}

}  // namespace

int main(int argc, char** argv) {
  fs::path root = LIYUAN_SOURCE_DIR;
  int runs = 5;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--runs" && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--help" || arg == "-h") {
      fmt::print("usage: liyuan-bench-pack [SOURCE_ROOT] [--runs N]   (default root {}, 5 runs)\n", LIYUAN_SOURCE_DIR);
      return 0;
    } else {
      root = arg;
    }
  }
  log::set_level(log::Level::Warn);
  const fs::path scratch = fs::temp_directory_path() / fmt::format("liyuan-bench-pack-{}", getpid());
  fs::create_directories(scratch);

  fmt::print("liyuan-bench-pack: best of {} runs; models under {}\n\n", runs, root.string());
  std::vector<Row> rows;
  int status = 0;
  for (const Model& model : kModels) {
    if (auto row = bench_model(model, root, scratch, runs)) {
      rows.push_back(std::move(*row));
    } else {
      status = 1;
    }
  }
  print_tables(rows);
  std::error_code ec;
  fs::remove_all(scratch, ec);
  if (status != 0) fmt::print(stderr, "liyuan-bench-pack: at least one model failed (see above)\n");
  return status;
}
