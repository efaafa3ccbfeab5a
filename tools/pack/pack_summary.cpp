// Fixed-width columns; sizes in MiB with one decimal, so the table stays readable for 2 KiB or 2 GiB.
#include "pack_summary.h"

#include "assets/pack_format.h"

#include <fmt/format.h>

#include <algorithm>

namespace liyuan::packer {
namespace {

std::string mib(uint64_t bytes) { return fmt::format("{:.1f} MiB", double(bytes) / (1024.0 * 1024.0)); }

std::string triangles_text(const std::vector<uint64_t>& lods) {
  std::string out;
  for (size_t l = 0; l < lods.size(); ++l) out += fmt::format("{}{}", l ? "/" : "", lods[l]);
  return out.empty() ? "-" : out;
}

}  // namespace

const char* texture_format_name(uint32_t format) {
  switch (static_cast<pack::TextureFormat>(format)) {
    case pack::TextureFormat::Rgba8Srgb: return "Rgba8Srgb";
    case pack::TextureFormat::Rgba8Unorm: return "Rgba8Unorm";
    case pack::TextureFormat::Bc1Srgb: return "Bc1Srgb";
    case pack::TextureFormat::Bc1Unorm: return "Bc1Unorm";
    case pack::TextureFormat::Bc3Srgb: return "Bc3Srgb";
    case pack::TextureFormat::Bc4Unorm: return "Bc4Unorm";
    case pack::TextureFormat::Bc5Unorm: return "Bc5Unorm";
    case pack::TextureFormat::Astc4x4Srgb: return "Astc4x4Srgb";
    case pack::TextureFormat::Astc4x4Unorm: return "Astc4x4Unorm";
    case pack::TextureFormat::Astc6x6Srgb: return "Astc6x6Srgb";
    case pack::TextureFormat::Astc6x6Unorm: return "Astc6x6Unorm";
  }
  return "unknown";
}

std::string format_summary(const PackReport& report, const std::string& output) {
  size_t name_width = 5, tris_width = 20;
  for (const RelicReport& r : report.relics) {
    name_width = std::max(name_width, r.name.size());
    tris_width = std::max(tris_width, triangles_text(r.lod_triangles).size());
  }
  std::string out = fmt::format("{:<{}}  {:<6}  {:>{}}  {:>4}  {:>10}  {:>10}  {:>7}\n", "relic", name_width, "",
                                "triangles per LOD", tris_width, "tex", "tex before", "tex after", "time");
  uint64_t before = 0, after = 0, textures = 0;
  double seconds = 0;
  for (const RelicReport& r : report.relics) {
    out += fmt::format("{:<{}}  {:<6}  {:>{}}  {:>4}  {:>10}  {:>10}  {:>6.2f}s\n", r.name, name_width,
                       r.reprocessed ? "built" : "cached", triangles_text(r.lod_triangles), tris_width, r.textures,
                       mib(r.texture_rgba8_bytes), mib(r.texture_stored_bytes), r.seconds);
    before += r.texture_rgba8_bytes;
    after += r.texture_stored_bytes;
    textures += r.textures;
    seconds += r.seconds;
  }
  if (report.relics.size() > 1) {
    out += fmt::format("{:<{}}  {:<6}  {:>{}}  {:>4}  {:>10}  {:>10}  {:>6.2f}s\n", "total", name_width, "", "",
                       tris_width, textures, mib(before), mib(after), seconds);
  }
  const std::string sounds = report.sounds ? fmt::format(", {} sound file(s)", report.sounds) : std::string();
  out += fmt::format("{}: {} bytes ({} textures, {}; {} scene file(s), {} string table(s){}); {} relic(s) built, {} "
                     "from the cache; {:.2f} s\n",
                     output, report.pack_bytes, textures, report.target, report.scenes, report.strings, sounds,
                     report.reprocessed, report.cached, report.seconds);
  return out;
}

nlohmann::json report_json(const PackReport& report, const std::string& output) {
  nlohmann::json j;
  j["output"] = output;
  j["kind"] = report.kind;
  j["target"] = report.target;
  j["pack_bytes"] = report.pack_bytes;
  j["seconds"] = report.seconds;
  j["reprocessed"] = report.reprocessed;
  j["left_out"] = report.left_out;
  j["cached"] = report.cached;
  j["scenes"] = report.scenes;
  j["strings"] = report.strings;
  j["sounds"] = report.sounds;
  j["warnings"] = report.warnings;
  j["relics"] = nlohmann::json::array();
  for (const RelicReport& r : report.relics) {
    nlohmann::json textures = nlohmann::json::array();
    for (const TextureStats& t : r.texture_stats) {
      textures.push_back({{"source", t.source},
                          {"format", texture_format_name(t.format)},
                          {"width", t.width},
                          {"height", t.height},
                          {"bytes_before", t.rgba8_bytes},
                          {"bytes_after", t.stored_bytes}});
    }
    j["relics"].push_back({{"name", r.name},
                           {"reprocessed", r.reprocessed},
                           {"meshes", r.meshes},
                           {"textures", r.textures},
                           {"vertices", r.vertices},
                           {"lod_triangles", r.lod_triangles},
                           {"texture_bytes_before", r.texture_rgba8_bytes},
                           {"texture_bytes_after", r.texture_stored_bytes},
                           {"seconds", r.seconds},
                           {"texture_details", textures}});
  }
  return j;
}

}  // namespace liyuan::packer
