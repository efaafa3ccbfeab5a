// Reads the glTF JSON (or a GLB's JSON chunk) and checks extensionsRequired.
#include "gltf_extensions.h"

#include "core/mapped_file.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstring>
#include <string>

namespace liyuan::packer {
namespace {

constexpr std::array<const char*, 4> kUnsupported = {"KHR_mesh_quantization", "EXT_meshopt_compression",
                                                     "KHR_draco_mesh_compression", "KHR_texture_basisu"};

uint32_t read_u32(const std::byte* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

// The JSON text of a .gltf, or of a .glb's first chunk; empty when there is none to read.
std::string gltf_json(const std::filesystem::path& path) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
  if (extension == ".gltf") {
    auto text = read_text_file(path);
    return text ? *text : std::string();
  }
  if (extension != ".glb") return {};
  auto file = MappedFile::open(path);
  if (!file) return {};
  const auto bytes = file->bytes();
  // GLB: 12-byte header ("glTF", version, length), then chunk 0: length, type "JSON", data.
  if (bytes.size() < 20 || std::memcmp(bytes.data(), "glTF", 4) != 0) return {};
  const uint32_t length = read_u32(bytes.data() + 12);
  if (read_u32(bytes.data() + 16) != 0x4E4F534Au || length > bytes.size() - 20) return {};
  return std::string(reinterpret_cast<const char*>(bytes.data() + 20), length);
}

}  // namespace

Status check_gltf_extensions(const std::filesystem::path& path) {
  const std::string text = gltf_json(path);
  if (text.empty()) return {};
  const nlohmann::json document = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!document.is_object()) return {};
  const auto required = document.find("extensionsRequired");
  if (required == document.end() || !required->is_array()) return {};
  for (const auto& extension : *required) {
    if (!extension.is_string()) continue;
    const std::string name = extension.get<std::string>();
    if (std::find(kUnsupported.begin(), kUnsupported.end(), name) != kUnsupported.end()) {
      return make_error(path.string() + ": requires the glTF extension " + name +
                        ", which the importer (Assimp 5.2) cannot decode correctly; re-export the model without it");
    }
  }
  return {};
}

}  // namespace liyuan::packer
