// liyuan-bench-pack [SOURCE_ROOT] [--runs N]: for each model, in one run, each time the best of N runs (default 5) in
// the same process:
//   geometry:   Assimp import with the packer's flags, geometry only (packer::import_model, geometry_only)
//               vs PackReader::open + loading every MESH chunk and decoding it into GPU-ready buffers (PackedVertex[],
//               uint32_t indices, SkinVertex16[] for skinned meshes); the ratio against the goal of 50x, the decode
//               throughput (GPU-ready bytes / load time) and Assimp's rate on the same bytes;
//   size:       stored MESH bytes against gltfpack -cc's geometry (vertex + index buffers of its -r report), gltfpack
//               run on the same model in the same run when it is on PATH, else the reference figures below, "(ref)";
//   everything: Assimp import with materials + stb_image decoding (packer::decode_image) of every image the materials
//               use, to RGBA8 — the least a runtime reading sources directly would do —
//               vs open + load_pack_contents (checksums, zstd-decompressed textures) + decoding every mesh.
// It also prints source and pack sizes and where the full pack load goes.
// Packs are built in memory with liyuan_packlib and written to a temporary folder, removed on exit.
#include "assets/pack_contents.h"
#include "assets/pack_reader.h"
#include "core/clock.h"
#include "core/log.h"
#include "importer.h"
#include "mesh_builder.h"
#include "pack_builder.h"
#include "pack_writer.h"
#include "texture_builder.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using namespace liyuan;

// gltfpack -cc reference figures, used when gltfpack is not on PATH: `bin` = the size of the .bin it writes (the
// figures of the platform notes), `vertex` and `index` = its vertex and index buffers (the geometry) and `also` = what
// else the .bin holds, all from gltfpack 0.18's -r report (Debian 12).
struct GltfpackRef {
  int64_t bin;
  int64_t vertex;  // geometry = vertex + index
  int64_t index;
  const char* also;
};
struct Model {
  const char* name;
  const char* file;  // relative to the source root
  GltfpackRef ref;
};
constexpr Model kModels[] = {
    {"WaterBottle", "content/relics/water-bottle/WaterBottle.gltf", {30004, 24961, 5036, ""}},
    {"SheenChair", "tests/data/models/SheenChair/glTF/SheenChair.gltf", {246392, 201971, 44414, ""}},
    {"Fox", "tests/data/models/Fox/glTF-Binary/Fox.glb", {40652, 4675, 635, "image 26,764 anim 7,344 skin 1,226"}},
    {"GlamVelvetSofa", "tests/data/models/GlamVelvetSofa/glTF-Binary/GlamVelvetSofa.glb",
     {3048684, 25557, 4642, "image 3,018,477"}},
    {"spot", "tests/data/models/spot/spot_triangulated.obj", {19064, 12514, 6548, ""}},
    {"bunny", "tests/data/models/stanford-bunny/stanford-bunny.obj", {208848, 130919, 77925, ""}},
};

constexpr double kLoadGoal = 50.0;  // geometry: Assimp import / pack load at least this
constexpr double kSizeGoal = 1.0;   // stored MESH bytes / gltfpack -cc geometry at most this

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

// Decodes MESH into its GPU-ready buffers: vertices, indices and, for a skinned mesh, the skin stream.
bool decode_mesh(const MeshChunk& mesh) {
  std::vector<pack::PackedVertex> vertices(mesh.header->vertex_count);
  std::vector<uint32_t> indices(mesh.header->index_count);
  if (!decode_vertices(mesh, vertices) || !decode_indices(mesh, indices)) return false;
  if ((mesh.header->flags & pack::kMeshSkinned) == 0) return true;
  std::vector<pack::SkinVertex16> skin(mesh.header->vertex_count);
  return bool(decode_skin(mesh, skin));
}

// Bytes of the GPU-ready buffers decode_mesh makes of H.
uint64_t gpu_ready_bytes(const pack::MeshHeader& h) {
  uint64_t bytes = uint64_t(h.vertex_count) * sizeof(pack::PackedVertex) + uint64_t(h.index_count) * sizeof(uint32_t);
  if (h.flags & pack::kMeshSkinned) bytes += uint64_t(h.vertex_count) * sizeof(pack::SkinVertex16);
  return bytes;
}

// Pack side, geometry: open + every MESH chunk loaded (checksum verified, decompressed if stored so) and decoded into
// GPU-ready buffers.
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
    if (h.flags & pack::kMeshSkinned) {
      if (h.skin_offset + h.skin_size > all.size()) return false;
      mesh.skin_stream = all.subspan(h.skin_offset, h.skin_size);
    }
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

// NAME's full path when an executable file of that name is in a PATH folder; empty otherwise.
fs::path find_on_path(const char* name) {
  const char* path = std::getenv("PATH");
  if (!path) return {};
  const std::string folders = path;
  size_t start = 0;
  while (start <= folders.size()) {
    const size_t end = std::min(folders.find(':', start), folders.size());
    const fs::path candidate = fs::path(end > start ? folders.substr(start, end - start) : ".") / name;
    struct stat info {};
    if (::stat(candidate.c_str(), &info) == 0 && S_ISREG(info.st_mode) && ::access(candidate.c_str(), X_OK) == 0)
      return candidate;
    start = end + 1;
  }
  return {};
}

// Runs PROGRAM with ARGS, its stdout and stderr discarded; true when it exits with status 0.
bool run_quietly(const fs::path& program, const std::vector<std::string>& args) {
  std::vector<char*> argv;
  std::string argv0 = program.string();
  argv.push_back(argv0.data());
  std::vector<std::string> copies = args;
  for (std::string& arg : copies) argv.push_back(arg.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return false;
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return false;
  }
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// What gltfpack -cc makes of one model: measured in this run, or the reference figures ("(ref)").
struct GltfpackFigures {
  bool measured = false;  // false: the reference figures of kModels
  bool failed = false;    // gltfpack is on PATH but failed on this model (its figures are then absent)
  int64_t bin = -1;       // bytes of the .bin it writes
  int64_t geometry = -1;  // vertex + index buffers in it (the whole .bin when there is no -r report)
  int64_t vertex = -1;    // the two parts of geometry (-1 without a report)
  int64_t index = -1;
  std::string also;       // what else the .bin holds (images, animation, skin matrices, instances)
  double ms = -1;         // best wall time of `gltfpack -cc -i MODEL -o OUT.gltf -r REPORT.json`, process included
  std::string version;    // the report's "generator"
};

// Runs gltfpack -cc on SOURCE RUNS times into OUT_DIR and reads its -r report: data.buffers.vertex + index is the
// geometry; image, animation, transform (skin inverse bind matrices) and instance are the rest of the .bin.
GltfpackFigures run_gltfpack(const fs::path& gltfpack, const fs::path& source, const fs::path& out_dir, int runs) {
  GltfpackFigures figures;
  figures.measured = true;
  fs::create_directories(out_dir);
  const fs::path gltf = out_dir / "out.gltf";
  const fs::path report = out_dir / "report.json";
  figures.ms = best_ms(runs, [&] {
    return run_quietly(gltfpack, {"-cc", "-i", source.string(), "-o", gltf.string(), "-r", report.string()});
  });
  if (figures.ms < 0) {
    figures.failed = true;
    fmt::print(stderr, "liyuan-bench-pack: gltfpack -cc failed on {}\n", source.string());
    return figures;
  }
  std::error_code ec;
  const uint64_t bin = fs::file_size(out_dir / "out.bin", ec);
  if (!ec) figures.bin = int64_t(bin);
  std::ifstream in(report);
  const nlohmann::json doc = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  const nlohmann::json* buffers = nullptr;
  if (doc.is_object() && doc.contains("data") && doc["data"].is_object() && doc["data"].contains("buffers") &&
      doc["data"]["buffers"].is_object())
    buffers = &doc["data"]["buffers"];
  if (doc.is_object() && doc.contains("generator") && doc["generator"].is_string())
    figures.version = doc["generator"].get<std::string>();
  auto field = [&](const char* key) -> int64_t {
    return buffers && buffers->contains(key) && (*buffers)[key].is_number_integer() ? (*buffers)[key].get<int64_t>() : 0;
  };
  if (!buffers) {
    figures.geometry = figures.bin;
    figures.also = "no -r report: whole .bin";
    return figures;
  }
  figures.vertex = field("vertex");
  figures.index = field("index");
  figures.geometry = figures.vertex + figures.index;
  std::vector<std::string> also;
  for (auto [key, label] : {std::pair{"image", "image"}, std::pair{"animation", "anim"}, std::pair{"transform", "skin"},
                            std::pair{"instance", "inst"}}) {
    if (const int64_t bytes = field(key); bytes > 0) also.push_back(fmt::format("{} {}", label, grouped(uint64_t(bytes))));
  }
  for (size_t i = 0; i < also.size(); ++i) figures.also += (i > 0 ? " " : "") + also[i];
  return figures;
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
  uint64_t level0_streams = 0;  // encoded vertex + index (+ skin) streams of the meshes built without an LOD chain
  uint64_t vertices = 0;   // over all meshes
  uint64_t gpu_bytes = 0;  // GPU-ready buffers the geometry load makes (gpu_ready_bytes of every mesh)
  // Encoded stream bytes over all MESH chunks (inside the chunks, before any zstd on the chunk), and LOD index counts.
  uint64_t vertex_stream = 0, index_stream = 0, skin_stream = 0, headers = 0, mesh_raw = 0;
  uint64_t lod0_indices = 0, all_indices = 0;
  uint32_t max_lods = 0;
  double open_ms = 0;  // PackReader::open alone, part of geo_load_ms
  GltfpackFigures gltfpack;
  Breakdown breakdown;
};

// Builds, writes and times MODEL; nullopt (with a message on stderr) when the model fails to import or pack.
// GLTFPACK: its path, or empty to use the reference figures.
std::optional<Row> bench_model(const Model& model, const fs::path& root, const fs::path& scratch, int runs,
                               const fs::path& gltfpack) {
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
  // Like for like with gltfpack, which writes no LODs: the same meshes built with level 0 only.
  for (const packer::ImportedMesh& mesh : imported->meshes) {
    packer::LodOptions level0_only;
    level0_only.max_levels = 1;
    packer::BuiltMesh one = packer::build_mesh(mesh, mesh.material, level0_only);
    row.level0_streams += one.payload.size() - sizeof(pack::MeshHeader);
  }
  for (uint32_t m = 0; m < reader->count(pack::ChunkType::Mesh); ++m) {
    auto bytes = reader->load(size_t(reader->find(pack::ChunkType::Mesh, m)));
    if (!bytes || bytes->size() < sizeof(pack::MeshHeader)) {
      fmt::print(stderr, "liyuan-bench-pack: cannot read MESH#{} of {}\n", m, model.name);
      return std::nullopt;
    }
    pack::MeshHeader header;
    std::memcpy(&header, bytes->bytes().data(), sizeof header);
    row.vertices += header.vertex_count;
    row.gpu_bytes += gpu_ready_bytes(header);
    row.vertex_stream += header.vertex_size;
    row.index_stream += header.index_size;
    if (header.flags & pack::kMeshSkinned) row.skin_stream += header.skin_size;
    row.headers += sizeof(pack::MeshHeader);
    row.mesh_raw += bytes->size();
    row.lod0_indices += header.lod_count > 0 ? header.lods[0].index_count : header.index_count;
    row.all_indices += header.index_count;
    row.max_lods = std::max(row.max_lods, header.lod_count);
  }
  if (!gltfpack.empty()) {
    row.gltfpack = run_gltfpack(gltfpack, source, scratch / (std::string(model.name) + "-gltfpack"), runs);
  } else {
    row.gltfpack.bin = model.ref.bin;
    row.gltfpack.vertex = model.ref.vertex;
    row.gltfpack.index = model.ref.index;
    row.gltfpack.geometry = model.ref.vertex + model.ref.index;
    row.gltfpack.also = model.ref.also;
  }

  packer::ImportOptions geometry_only;
  geometry_only.geometry_only = true;
  row.geo_import_ms = best_ms(runs, [&] { return bool(packer::import_model(source, geometry_only)); });
  row.geo_load_ms = best_ms(runs, [&] { return pack_geometry(pack); });
  row.open_ms = best_ms(runs, [&] { return bool(PackReader::open(pack)); });
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

  for (double ms : {row.geo_import_ms, row.geo_load_ms, row.open_ms, row.all_source_ms, row.all_pack_ms, b.image_decode_ms,
                    b.texture_verify_ms, b.texture_reuse_ms, b.texture_load_ms}) {
    if (ms < 0) {
      fmt::print(stderr, "liyuan-bench-pack: a timed run failed for {}\n", model.name);
      return std::nullopt;
    }
  }
  return row;
}

std::string yes_no(bool met) { return met ? "yes" : "NO"; }

void print_tables(const std::vector<Row>& rows, const fs::path& gltfpack, const std::string& gltfpack_version) {
  fmt::print(
      "1. Geometry: Assimp import vs pack load to GPU-ready buffers. tris = triangles over all meshes (not instances);\n"
      "verts = vertices over all meshes; GPU MB = bytes of the buffers the load makes (verts x {} B PackedVertex +\n"
      "indices of every LOD x 4 B, + verts x {} B SkinVertex16 for skinned meshes), in 10^6 B. import = Assimp\n"
      "import with the packer's flags, geometry only; MB/s = GPU MB / import (the same bytes, for reference).\n"
      "load = PackReader::open + every MESH chunk loaded (checksum, zstd if stored so) and decoded into those buffers;\n"
      "open = PackReader::open alone (part of load); GB/s = GPU MB / load (10^9 B/s, open and decode included).\n"
      "x = import / load; goal x >= {:.0f}. Times in ms, best of the runs.\n\n",
      sizeof(pack::PackedVertex), sizeof(pack::SkinVertex16), kLoadGoal);
  fmt::print("{:<15} {:>7} {:>7} {:>7} | {:>8} {:>7} | {:>7} {:>7} {:>6} | {:>7} {:>5}\n", "model", "tris", "verts",
             "GPU MB", "import", "MB/s", "load", "open", "GB/s", "x", ">=50x");
  for (const Row& r : rows) {
    const double x = r.geo_import_ms / r.geo_load_ms;
    fmt::print("{:<15} {:>7} {:>7} {:>7.2f} | {:>8.2f} {:>7.1f} | {:>7.3f} {:>7.3f} {:>6.2f} | {:>7} {:>5}\n", r.name,
               grouped(r.triangles), grouped(r.vertices), double(r.gpu_bytes) / 1e6, r.geo_import_ms,
               double(r.gpu_bytes) / 1e6 / (r.geo_import_ms / 1e3), r.geo_load_ms, r.open_ms,
               double(r.gpu_bytes) / 1e9 / (r.geo_load_ms / 1e3), fmt::format("{:.1f}x", x), yes_no(x >= kLoadGoal));
  }

  const bool measured = !gltfpack.empty();
  fmt::print(
      "\n2. Geometry size vs gltfpack -cc on the same model: {}.\n"
      "mesh B = stored bytes of all MESH chunks (what the comparison uses); inside them, before any zstd on the chunk:\n"
      "vtx / idx / skin = meshopt-encoded vertex, index (every LOD) and skin streams, hdr = {} B MeshHeader per mesh;\n"
      "LODs = most levels in a mesh, idx/L0 = indices of every LOD / indices of LOD 0. gltfpack = vertex + index\n"
      "buffers (vtx / idx) of `gltfpack -cc -i MODEL -o TMP/out.gltf -r TMP/report.json`, from its -r report;\n"
      ".bin = the whole out.bin, which also holds what the last column lists (embedded GLB images, animation, skin\n"
      "inverse bind matrices); gp ms = its wall time, process start and writing included, best of the runs.\n"
      "ours/gp = mesh B / gltfpack, goal <= {:.1f}; vtx x, idx x = ours / gltfpack per stream. L0 only = our encoded\n"
      "streams for the same meshes built without an LOD chain (gltfpack writes none), L0/gp = that / gltfpack.\n\n",
      measured ? fmt::format("{} ({}), run now", gltfpack_version.empty() ? "gltfpack" : gltfpack_version,
                             gltfpack.string())
               : "gltfpack not on PATH, reference figures of gltfpack 0.18 marked (ref)",
      sizeof(pack::MeshHeader), kSizeGoal);
  fmt::print("{:<15} {:>8} {:>8} {:>8} {:>6} {:>5} {:>4} {:>6} | {:>14} {:>8} {:>7} {:>16} {:>6} | {:>7} {:>5} {:>5} {:>5} | {:>8} {:>6} | {}\n",
             "model", "mesh B", "vtx", "idx", "skin", "hdr", "LODs", "idx/L0", "gltfpack", "vtx", "idx", ".bin",
             "gp ms", "ours/gp", "<=1.0", "vtx x", "idx x", "L0 only", "L0/gp", ".bin also holds");
  auto part_ratio = [](uint64_t ours, int64_t theirs) {
    return theirs > 0 ? fmt::format("{:.1f}", double(ours) / double(theirs)) : std::string("-");
  };
  for (const Row& r : rows) {
    const GltfpackFigures& g = r.gltfpack;
    const std::string tag = g.measured ? "" : " (ref)";
    auto figure = [&](int64_t bytes) { return bytes < 0 ? std::string("-") : grouped(uint64_t(bytes)); };
    const bool known = g.geometry > 0;
    const double versus = known ? double(r.mesh_stored) / double(g.geometry) : 0.0;
    fmt::print("{:<15} {:>8} {:>8} {:>8} {:>6} {:>5} {:>4} {:>6} | {:>14} {:>8} {:>7} {:>16} {:>6} | {:>7} {:>5} {:>5} {:>5} | {:>8} {:>6} | {}\n",
               r.name, grouped(r.mesh_stored), grouped(r.vertex_stream), grouped(r.index_stream),
               grouped(r.skin_stream), grouped(r.headers), r.max_lods,
               fmt::format("{:.2f}", double(r.all_indices) / double(std::max<uint64_t>(1, r.lod0_indices))),
               g.geometry < 0 ? "-" : figure(g.geometry) + tag, figure(g.vertex), figure(g.index),
               g.bin < 0 ? "-" : figure(g.bin) + tag, g.ms < 0 ? "-" : fmt::format("{:.1f}", g.ms),
               known ? fmt::format("{:.2f}x", versus) : "-", known ? yes_no(versus <= kSizeGoal) : "-",
               part_ratio(r.vertex_stream + r.skin_stream, g.vertex), part_ratio(r.index_stream, g.index),
               grouped(r.level0_streams), known ? fmt::format("{:.2f}x", double(r.level0_streams) / double(g.geometry)) : "-",
               g.failed ? "gltfpack failed" : g.also.empty() ? "-" : g.also);
  }

  fmt::print(
      "\n3. Everything: source = full Assimp import + stb_image decode to RGBA8 of every material image (embedded ones\n"
      "included); pack = open + load_pack_contents (checksums, zstd-decompressed RGBA8 mip chains) + every mesh\n"
      "decoded; x = source / pack. Sizes: source = model file + glTF buffers + image files used; pack = .lypak size.\n"
      "Times in ms, best of the runs.\n\n");
  fmt::print("{:<15} | {:>9} {:>8} {:>7} | {:>10} {:>10}\n", "model", "source", "pack", "x", "source", "pack");
  for (const Row& r : rows) {
    fmt::print("{:<15} | {:>9.2f} {:>8.2f} {:>7} | {:>10} {:>10}\n", r.name, r.all_source_ms, r.all_pack_ms,
               ratio(r.all_source_ms, r.all_pack_ms), kib(r.source), kib(r.pack));
  }

  fmt::print(
      "\n4. Where the time goes in 'everything'. Source side: imgs = material images, RGBA8 MiB = their decoded size,\n"
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

  const fs::path gltfpack = find_on_path("gltfpack");
  fmt::print("liyuan-bench-pack: best of {} runs; models under {}; gltfpack: {}\n\n", runs, root.string(),
             gltfpack.empty() ? "not on PATH, reference figures" : gltfpack.string());
  std::vector<Row> rows;
  int status = 0;
  for (const Model& model : kModels) {
    if (auto row = bench_model(model, root, scratch, runs, gltfpack)) {
      rows.push_back(std::move(*row));
    } else {
      status = 1;
    }
  }
  std::string gltfpack_version;
  for (const Row& r : rows) {
    if (!r.gltfpack.version.empty()) gltfpack_version = r.gltfpack.version;
  }
  print_tables(rows, gltfpack, gltfpack_version);
  std::error_code ec;
  fs::remove_all(scratch, ec);
  if (status != 0) fmt::print(stderr, "liyuan-bench-pack: at least one model failed (see above)\n");
  return status;
}
