// liyuan-bench-pack [MODELS_DIR] [--runs N]: for each test model, the best of N runs of
//   import: Assimp import with the packer's flags, geometry only (what a runtime that read models directly would do);
//   load:   PackReader::open + load_pack_contents + decoding every mesh's vertices and indices into memory, with
//           textures decompressed (not uploaded);
//   load geometry only: open + decoding the MESH chunks alone (the like-for-like comparison with import);
// and prints them with the import/load ratios, the pack size and the source size (the model's folder).
#include "assets/pack_contents.h"
#include "assets/pack_reader.h"
#include "core/clock.h"
#include "core/log.h"
#include "importer.h"
#include "pack_builder.h"
#include "pack_writer.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using namespace liyuan;

struct Model {
  const char* name;
  const char* file;  // relative to the models folder
};
constexpr Model kModels[] = {{"WaterBottle", "WaterBottle/WaterBottle.gltf"},
                             {"spot", "spot/spot_triangulated.obj"},
                             {"bunny", "stanford-bunny/stanford-bunny.obj"}};

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

bool load_everything(const fs::path& pack) {
  auto reader = PackReader::open(pack);
  if (!reader) return false;
  auto contents = load_pack_contents(*reader);
  if (!contents) return false;
  for (const MeshChunk& mesh : contents->meshes) {
    std::vector<pack::PackedVertex> vertices(mesh.header->vertex_count);
    std::vector<uint32_t> indices(mesh.header->index_count);
    if (!decode_vertices(mesh, vertices) || !decode_indices(mesh, indices)) return false;
  }
  return true;
}

bool load_geometry(const fs::path& pack) {
  auto reader = PackReader::open(pack);
  if (!reader) return false;
  for (uint32_t m = 0; m < reader->count(pack::ChunkType::Mesh); ++m) {
    auto bytes = reader->load(size_t(reader->find(pack::ChunkType::Mesh, m)));
    if (!bytes || bytes->size() < sizeof(pack::MeshHeader)) return false;
    MeshChunk mesh;
    mesh.storage = std::move(*bytes);
    mesh.header = reinterpret_cast<const pack::MeshHeader*>(mesh.storage.bytes().data());
    mesh.vertex_stream = mesh.storage.bytes().subspan(mesh.header->vertex_offset, mesh.header->vertex_size);
    mesh.index_stream = mesh.storage.bytes().subspan(mesh.header->index_offset, mesh.header->index_size);
    std::vector<pack::PackedVertex> vertices(mesh.header->vertex_count);
    std::vector<uint32_t> indices(mesh.header->index_count);
    if (!decode_vertices(mesh, vertices) || !decode_indices(mesh, indices)) return false;
  }
  return true;
}

uint64_t folder_size(const fs::path& folder) {
  uint64_t total = 0;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.is_regular_file()) total += entry.file_size();
  }
  return total;
}

std::string kib(uint64_t bytes) { return fmt::format("{:.0f} KiB", double(bytes) / 1024.0); }

}  // namespace

int main(int argc, char** argv) {
  fs::path models = LIYUAN_BENCH_MODELS_DIR;
  int runs = 5;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--runs" && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--help" || arg == "-h") {
      fmt::print("usage: liyuan-bench-pack [MODELS_DIR] [--runs N]   (default {} , 5 runs)\n", LIYUAN_BENCH_MODELS_DIR);
      return 0;
    } else {
      models = arg;
    }
  }
  log::set_level(log::Level::Warn);
  const fs::path scratch = fs::temp_directory_path() / fmt::format("liyuan-bench-pack-{}", getpid());
  fs::create_directories(scratch);

  fmt::print("best of {} runs; models from {}\n\n", runs, models.string());
  fmt::print("{:<12} {:>10} {:>10} {:>10} {:>12} {:>12} {:>12} {:>12}\n", "model", "import ms", "load ms", "ratio",
             "geo load ms", "geo ratio", "pack", "source");
  int status = 0;
  for (const Model& model : kModels) {
    const fs::path source = models / model.file;
    auto imported = packer::import_model(source);
    if (!imported) {
      fmt::print(stderr, "liyuan-bench-pack: {}\n", imported.error().to_string());
      status = 1;
      continue;
    }
    auto built = packer::build_pack(*imported, packer::PackOptions{});
    const fs::path pack = scratch / (std::string(model.name) + ".lypak");
    if (!built || !packer::write_pack_file(pack, built->bytes)) {
      fmt::print(stderr, "liyuan-bench-pack: cannot build the pack for {}\n", source.string());
      status = 1;
      continue;
    }
    packer::ImportOptions geometry;
    geometry.geometry_only = true;
    const double import_ms = best_ms(runs, [&] { return bool(packer::import_model(source, geometry)); });
    const double load_ms = best_ms(runs, [&] { return load_everything(pack); });
    const double geo_ms = best_ms(runs, [&] { return load_geometry(pack); });
    if (import_ms < 0 || load_ms < 0 || geo_ms < 0) {
      fmt::print(stderr, "liyuan-bench-pack: a run failed for {}\n", model.name);
      status = 1;
      continue;
    }
    fmt::print("{:<12} {:>10.2f} {:>10.2f} {:>9.2f}x {:>12.2f} {:>11.2f}x {:>12} {:>12}\n", model.name, import_ms, load_ms,
               import_ms / load_ms, geo_ms, import_ms / geo_ms, kib(built->bytes.size()),
               kib(folder_size(source.parent_path())));
  }
  fs::remove_all(scratch);
  return status;
}
