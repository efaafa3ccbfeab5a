// liyuan-bench-textures [SOURCE_ROOT] [--runs N]: what GPU block compression costs and buys on the bundled relic,
// WaterBottle. Two tables: per texture and target, the format, encode time of the full mip chain (one thread), PSNR of
// level 0 against the RGBA8 source and the stored bytes; per target, the pack's size, build time and full-load time
// (open + load_pack_contents + every mesh decoded, best of N). Not a test: prints figures, compares within one run.
#include "assets/pack_contents.h"
#include "assets/pack_reader.h"
#include "block_decode.h"
#include "core/clock.h"
#include "importer.h"
#include "pack_builder.h"
#include "pack_summary.h"
#include "pack_writer.h"
#include "texture_builder.h"
#include "texture_encoder.h"

#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace liyuan;

namespace {

struct TextureCase {
  const char* file;
  packer::TextureRole role;
  unsigned channels;  // PSNR over these (bit 0 = R)
};

const TextureCase kWaterBottle[] = {
    {"WaterBottle_baseColor.png", packer::TextureRole::Color, 0b0111},
    {"WaterBottle_emissive.png", packer::TextureRole::Color, 0b0111},
    {"WaterBottle_normal.png", packer::TextureRole::Normal, 0b0011},
    {"WaterBottle_occlusionRoughnessMetallic.png", packer::TextureRole::Data, 0b0111},
};

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

}  // namespace

int main(int argc, char** argv) {
  fs::path root = LIYUAN_SOURCE_DIR;
  int runs = 5;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--runs" && i + 1 < argc) runs = std::max(1, std::atoi(argv[++i]));
    else root = arg;
  }
  const fs::path folder = root / "content/relics/water-bottle";
  const packer::TextureTarget targets[] = {packer::TextureTarget::Rgba8, packer::TextureTarget::Desktop,
                                           packer::TextureTarget::Mobile};
  int status = 0;

  fmt::print("WaterBottle textures at 2048x2048, full mip chains, one thread (encoders: stb_dxt, astcenc 4.2 fast)\n");
  fmt::print("{:<44} {:<8} {:<13} {:>9} {:>9} {:>12}\n", "texture", "target", "format", "encode ms", "PSNR dB",
             "stored B");
  for (const TextureCase& c : kWaterBottle) {
    packer::ImageSource source;
    source.name = c.file;
    source.file = folder / c.file;
    auto image = packer::decode_image(source);
    if (!image) {
      fmt::print(stderr, "{}\n", image.error().to_string());
      return 1;
    }
    const bool srgb = c.role == packer::TextureRole::Color;
    const auto mips = packer::build_mip_chain(*image, srgb);
    for (packer::TextureTarget target : targets) {
      const pack::TextureFormat format = packer::choose_texture_format(c.role, target, packer::has_alpha(*image));
      Stopwatch watch;
      auto levels = packer::encode_mips(mips, format, c.role);
      const double ms = watch.elapsed_ms();
      if (!levels) {
        status = 1;
        continue;
      }
      auto decoded = packer::decode_level(format, image->width, image->height, (*levels)[0]);
      const auto stored = packer::store_chunk(
          packer::encoded_texture_payload(image->width, image->height, *levels, format), true);
      fmt::print("{:<44} {:<8} {:<13} {:>9.0f} {:>9.2f} {:>12}\n", c.file, packer::texture_target_name(target),
                 packer::texture_format_name(uint32_t(format)), ms,
                 decoded ? packer::psnr(*image, *decoded, c.channels) : 0.0, stored.bytes.size());
    }
  }

  fmt::print("\nWaterBottle pack per target (max texture size 2048, as the source)\n");
  fmt::print("{:<8} {:>12} {:>10} {:>14}\n", "target", "pack B", "build ms", "full load ms");
  auto model = packer::import_model(folder / "WaterBottle.gltf");
  if (!model) {
    fmt::print(stderr, "{}\n", model.error().to_string());
    return 1;
  }
  const fs::path scratch = fs::temp_directory_path() / fmt::format("liyuan-bench-textures-{}", getpid());
  fs::create_directories(scratch);
  for (packer::TextureTarget target : targets) {
    Stopwatch watch;
    auto built = packer::build_pack(*model, packer::PackOptions{2048, target, 0});
    const double build_ms = watch.elapsed_ms();
    if (!built) {
      status = 1;
      continue;
    }
    const fs::path file = scratch / fmt::format("{}.lypak", packer::texture_target_name(target));
    if (!packer::write_pack_file(file, built->bytes)) {
      status = 1;
      continue;
    }
    double best = 1e300;
    for (int r = 0; r < runs; ++r) {
      Stopwatch load;
      if (!load_everything(file)) status = 1;
      best = std::min(best, load.elapsed_ms());
    }
    fmt::print("{:<8} {:>12} {:>10.0f} {:>14.1f}\n", packer::texture_target_name(target), built->bytes.size(), build_ms,
               best);
  }
  fs::remove_all(scratch);
  return status;
}
