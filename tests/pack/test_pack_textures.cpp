// Texture formats per target and role, block sizes down to 1x1, BC and ASTC round trips within a PSNR bound, and
// the renderer refusing a format its GPU lacks.
#include "block_decode.h"
#include "pack_test_util.h"
#include "relic_builder.h"
#include "texture_builder.h"
#include "texture_encoder.h"

#include "assets/pack_contents.h"

#include <gtest/gtest.h>

namespace liyuan::test {
namespace {

using packer::TextureRole;
using packer::TextureTarget;
using F = pack::TextureFormat;

packer::Rgba8Image gradient(uint32_t w, uint32_t h, uint8_t alpha = 255) {
  packer::Rgba8Image image{w, h, std::vector<uint8_t>(size_t(w) * h * 4)};
  for (uint32_t y = 0; y < h; ++y) {
    for (uint32_t x = 0; x < w; ++x) {
      uint8_t* p = &image.pixels[(size_t(y) * w + x) * 4];
      p[0] = uint8_t(x * 255 / std::max(1u, w - 1));
      p[1] = uint8_t(y * 255 / std::max(1u, h - 1));
      p[2] = uint8_t((x + y) * 127 / std::max(1u, w + h - 2));
      p[3] = alpha;
    }
  }
  return image;
}

packer::Rgba8Image load_image(const std::filesystem::path& file, uint32_t max_size, bool srgb) {
  packer::ImageSource source;
  source.name = file.filename().string();
  source.file = file;
  auto decoded = packer::decode_image(source);
  EXPECT_TRUE(decoded) << decoded.error().to_string();
  if (!decoded) return {};
  return packer::fit_image(std::move(*decoded), max_size, srgb);
}

TEST(PackTextures, FormatPerRoleAndTarget) {
  const struct {
    TextureRole role;
    bool alpha;
    F desktop, mobile, rgba8;
  } cases[] = {
      {TextureRole::Color, false, F::Bc1Srgb, F::Astc6x6Srgb, F::Rgba8Srgb},
      {TextureRole::Color, true, F::Bc1Srgb, F::Astc6x6Srgb, F::Rgba8Srgb},  // alpha unused: opaque or emissive
      {TextureRole::ColorWithAlpha, true, F::Bc3Srgb, F::Astc6x6Srgb, F::Rgba8Srgb},
      {TextureRole::ColorWithAlpha, false, F::Bc1Srgb, F::Astc6x6Srgb, F::Rgba8Srgb},  // a mask material, no alpha
      {TextureRole::Normal, false, F::Bc5Unorm, F::Astc4x4Unorm, F::Rgba8Unorm},
      {TextureRole::Data, false, F::Bc1Unorm, F::Astc6x6Unorm, F::Rgba8Unorm},
      {TextureRole::Occlusion, false, F::Bc4Unorm, F::Astc6x6Unorm, F::Rgba8Unorm},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(packer::choose_texture_format(c.role, TextureTarget::Desktop, c.alpha), c.desktop) << int(c.role);
    EXPECT_EQ(packer::choose_texture_format(c.role, TextureTarget::Mobile, c.alpha), c.mobile) << int(c.role);
    EXPECT_EQ(packer::choose_texture_format(c.role, TextureTarget::Rgba8, c.alpha), c.rgba8) << int(c.role);
  }
}

TEST(PackTextures, LevelsBelowTheBlockSizeAreOneBlock) {
  EXPECT_EQ(mip_byte_size(F::Bc1Srgb, 1, 1), 8u);
  EXPECT_EQ(mip_byte_size(F::Bc1Srgb, 2, 2), 8u);
  EXPECT_EQ(mip_byte_size(F::Bc5Unorm, 1, 1), 16u);
  EXPECT_EQ(mip_byte_size(F::Bc4Unorm, 5, 3), 16u) << "2x1 blocks";
  EXPECT_EQ(mip_byte_size(F::Bc3Srgb, 2048, 2048), 512u * 512u * 16u);
  EXPECT_EQ(mip_byte_size(F::Astc6x6Srgb, 1, 1), 16u);
  EXPECT_EQ(mip_byte_size(F::Astc6x6Unorm, 7, 7), 4u * 16u);
  EXPECT_EQ(mip_byte_size(F::Astc4x4Unorm, 2048, 1), 512u * 16u);
  EXPECT_EQ(mip_byte_size(static_cast<F>(99), 4, 4), 0u);

  // A 5x3 image: levels 5x3, 2x1, 1x1, every one encoded to whole blocks and decodable.
  for (F format : {F::Bc1Srgb, F::Bc3Srgb, F::Bc4Unorm, F::Bc5Unorm, F::Astc4x4Unorm, F::Astc6x6Srgb}) {
    const auto mips = packer::build_mip_chain(gradient(5, 3, 200), pack::texture_block(uint32_t(format)).srgb);
    ASSERT_EQ(mips.size(), 3u);
    auto levels = packer::encode_mips(mips, format, TextureRole::ColorWithAlpha);
    ASSERT_TRUE(levels) << levels.error().to_string();
    for (size_t l = 0; l < mips.size(); ++l) {
      EXPECT_EQ((*levels)[l].size(), mip_byte_size(format, mips[l].width, mips[l].height)) << int(format) << " " << l;
      auto decoded = packer::decode_level(format, mips[l].width, mips[l].height, (*levels)[l]);
      ASSERT_TRUE(decoded) << decoded.error().to_string();
    }
    // A 1x1 level decodes to (almost) its one texel: the block repeats it.
    auto last = packer::decode_level(format, 1, 1, levels->back());
    ASSERT_TRUE(last);
    EXPECT_NEAR(last->pixels[0], mips.back().pixels[0], 8) << int(format);
  }
}

// PSNR of level 0 after encoding and decoding, over the channels the role keeps.
double round_trip_psnr(const packer::Rgba8Image& image, F format, TextureRole role, unsigned channels) {
  auto levels = packer::encode_mips({image}, format, role);
  EXPECT_TRUE(levels);
  if (!levels) return 0;
  auto decoded = packer::decode_level(format, image.width, image.height, (*levels)[0]);
  EXPECT_TRUE(decoded);
  return decoded ? packer::psnr(image, *decoded, channels) : 0;
}

TEST(PackTextures, WaterBottleRoundTripsWithinPsnrBounds) {
  const auto dir = water_bottle_gltf().parent_path();
  const auto base = load_image(dir / "WaterBottle_baseColor.png", 256, true);
  const auto normal = load_image(dir / "WaterBottle_normal.png", 256, false);
  const auto orm = load_image(dir / "WaterBottle_occlusionRoughnessMetallic.png", 256, false);
  // Bounds sit ~3 dB under what stb_dxt and astcenc 4.2 reach at 256 px (docs/pack-format.md has 2048 px figures).
  EXPECT_GT(round_trip_psnr(base, F::Bc1Srgb, TextureRole::Color, 0b0111), 33.0);
  EXPECT_GT(round_trip_psnr(normal, F::Bc5Unorm, TextureRole::Normal, 0b0011), 40.0);
  EXPECT_GT(round_trip_psnr(orm, F::Bc1Unorm, TextureRole::Data, 0b0111), 33.0);
  EXPECT_GT(round_trip_psnr(orm, F::Bc4Unorm, TextureRole::Occlusion, 0b0001), 40.0);
  EXPECT_GT(round_trip_psnr(base, F::Astc6x6Srgb, TextureRole::Color, 0b0111), 33.0);
  EXPECT_GT(round_trip_psnr(normal, F::Astc4x4Unorm, TextureRole::Normal, 0b0011), 38.0);
  EXPECT_GT(round_trip_psnr(orm, F::Astc6x6Unorm, TextureRole::Data, 0b0111), 33.0);
  EXPECT_EQ(round_trip_psnr(base, F::Rgba8Srgb, TextureRole::Color, 0b1111), 99.0) << "RGBA8 is lossless";
}

TEST(PackTextures, AlphaSurvivesBc3AndAstc) {
  const auto image = gradient(32, 32, 77);
  EXPECT_GT(round_trip_psnr(image, F::Bc3Srgb, TextureRole::ColorWithAlpha, 0b1000), 45.0);
  EXPECT_GT(round_trip_psnr(image, F::Astc6x6Srgb, TextureRole::ColorWithAlpha, 0b1000), 40.0);
}

TEST(PackTextures, EncodingIsDeterministic) {
  const auto mips = packer::build_mip_chain(gradient(64, 32), true);
  for (F format : {F::Bc1Srgb, F::Bc5Unorm, F::Astc6x6Srgb, F::Astc4x4Unorm}) {
    auto a = packer::encode_mips(mips, format, TextureRole::Color);
    auto b = packer::encode_mips(mips, format, TextureRole::Color);
    ASSERT_TRUE(a && b);
    EXPECT_EQ(*a, *b) << int(format);
  }
}

TEST(PackTextures, TargetsGiveTheirFormatsEndToEnd) {
  const auto dir = output_dir();
  const struct {
    const char* target;
    const char* base, *normal, *orm;
  } targets[] = {{"desktop", "Bc1Srgb", "Bc5Unorm", "Bc1Unorm"},
                 {"mobile", "Astc6x6Srgb", "Astc4x4Unorm", "Astc6x6Unorm"},
                 {"rgba8", "Rgba8Srgb", "Rgba8Unorm", "Rgba8Unorm"}};
  for (const auto& t : targets) {
    const auto out = dir / (std::string(t.target) + ".lypak");
    const CommandResult r = pack_tool({"pack", water_bottle_gltf().string(), "-o", out.string(), "--target", t.target,
                                       "--max-texture-size", "64"});
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_EQ(pack_tool({"verify", out.string()}).exit_code, 0) << t.target;
    const nlohmann::json report = inspect_json(out);
    const auto& material = report["materials"][0];
    auto format_of = [&](const char* slot) { return report["textures"][material[slot].get<size_t>()]["format"]; };
    EXPECT_EQ(format_of("base_color_texture"), t.base) << t.target;
    EXPECT_EQ(format_of("normal_texture"), t.normal) << t.target;
    EXPECT_EQ(format_of("metallic_roughness_texture"), t.orm) << t.target;
    EXPECT_EQ(report["textures"][0]["mips"], 7) << "a full chain 64 .. 1 whatever the block size";
  }
  EXPECT_EQ(pack_tool({"pack", water_bottle_gltf().string(), "-o", (dir / "x.lypak").string(), "--target", "psp"})
                .exit_code,
            2);
}

TEST(PackTextures, DefaultMaximumIs4096AndBeforeAfterBytesAreReported) {
  const CommandResult help = pack_tool({"pack", "--help"});
  EXPECT_NE(help.output.find("4096"), std::string::npos) << help.output;
  const auto dir = output_dir();
  const auto out = dir / "bottle.lypak";
  const auto report_file = dir / "report.json";
  const CommandResult r = pack_tool({"pack", water_bottle_gltf().string(), "-o", out.string(), "--report-json",
                                     report_file.string(), "--max-texture-size", "128"});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto report = nlohmann::json::parse(read_text(report_file));
  ASSERT_EQ(report["relics"].size(), 1u);
  const auto& relic = report["relics"][0];
  // Before: 4 full RGBA8 chains of 128x128 (128² * 4 * 4/3, rounded down per level). After: what the TEXR chunks store.
  uint64_t chain = 0;
  for (uint32_t s = 128; s >= 1; s /= 2) chain += uint64_t(s) * s * 4;
  EXPECT_EQ(relic["texture_bytes_before"], 4 * chain);
  EXPECT_LT(relic["texture_bytes_after"].get<uint64_t>(), chain) << "BC should store 4 textures in less than one RGBA8";
  EXPECT_NE(r.output.find("tex before"), std::string::npos) << "no summary table:\n" << r.output;
}

TEST(PackTextures, RendererRefusesAstcWithoutAstcSupport) {
  const auto dir = output_dir();
  const auto pack = dir / "mobile.lypak";
  ASSERT_EQ(pack_tool({"pack", model_path("spot/spot_triangulated.obj").string(), "-o", pack.string(), "--target",
                       "mobile", "--max-texture-size", "32"})
                .exit_code,
            0);
  const CommandResult r = run_command(runtime_exe(), {"render", pack.string(), "--out", (dir / "x.png").string(),
                                                      "--size", "64x64"});
  // lavapipe samples no ASTC (docs: PLATFORM.md). A GPU that does would render it: then this test has nothing to say.
  if (r.exit_code == 0) GTEST_SKIP() << "this GPU samples ASTC";
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("chunk TEXR#0: pack built for --target mobile (ASTC) but this GPU supports no ASTC: repack "
                          "with --target desktop"),
            std::string::npos)
      << r.output;
}

}  // namespace
}  // namespace liyuan::test
