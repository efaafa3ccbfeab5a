#include "gltf_writer.h"

#include <stb_image_write.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>

namespace liyuan::hallgen {
namespace {

using nlohmann::json;

constexpr int kFloat = 5126;
constexpr int kUnsignedInt = 5125;
constexpr int kArrayBuffer = 34962;
constexpr int kElementArrayBuffer = 34963;

// Rounds to a multiple of STEP so that last-bit differences in the maths never reach the file.
float snap(float value, float step) {
  float snapped = std::round(value / step) * step;
  return snapped == 0.0f ? 0.0f : snapped;  // no negative zero
}

// Appends floats to the binary buffer, padded to 4 bytes (always true for floats).
void append_floats(std::vector<unsigned char>& bin, const float* data, size_t count) {
  size_t at = bin.size();
  bin.resize(at + count * sizeof(float));
  std::memcpy(bin.data() + at, data, count * sizeof(float));
}

bool write_bytes(const std::filesystem::path& path, const void* data, size_t size) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(static_cast<const char*>(data), std::streamsize(size));
  return bool(out);
}

}  // namespace

std::string write_gltf(const Model& model, const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return dir.string() + ": cannot create the folder: " + ec.message();

  std::vector<unsigned char> bin;
  json accessors = json::array(), views = json::array(), primitives = json::array(), materials = json::array();
  auto add_view = [&](size_t offset, size_t length, int target) {
    views.push_back({{"buffer", 0}, {"byteOffset", offset}, {"byteLength", length}, {"target", target}});
    return int(views.size() - 1);
  };

  for (size_t m = 0; m < model.materials.size(); ++m) {
    const Material& material = model.materials[m];
    json entry = {{"name", material.name},
                  {"pbrMetallicRoughness",
                   {{"baseColorFactor",
                     {material.base_color.r, material.base_color.g, material.base_color.b, material.base_color.a}},
                    {"metallicFactor", material.metallic},
                    {"roughnessFactor", material.roughness}}}};
    if (material.emissive != vec3(0.0f)) {
      vec3 factor = glm::clamp(material.emissive, vec3(0.0f), vec3(1.0f));
      entry["emissiveFactor"] = {factor.r, factor.g, factor.b};
    }
    if (!material.base_color_texture.empty()) {
      int image = -1;
      for (size_t i = 0; i < model.images.size(); ++i)
        if (model.images[i].name == material.base_color_texture) image = int(i);
      if (image < 0) return model.name + ": material " + material.name + " names no image of the model";
      entry["pbrMetallicRoughness"]["baseColorTexture"] = {{"index", image}};
    }
    if (material.blend) {
      entry["alphaMode"] = "BLEND";
      entry["doubleSided"] = true;
    }
    materials.push_back(entry);

    const Mesh& mesh = model.meshes[m];
    if (mesh.indices.empty()) continue;
    const size_t n = mesh.positions.size();
    std::vector<float> positions, normals, colors, uvs;
    const bool textured = !material.base_color_texture.empty();
    vec3 lo(1e30f), hi(-1e30f);
    for (size_t v = 0; v < n; ++v) {
      vec3 p(snap(mesh.positions[v].x, 1e-5f), snap(mesh.positions[v].y, 1e-5f), snap(mesh.positions[v].z, 1e-5f));
      vec3 q = glm::normalize(mesh.normals[v]);
      q = vec3(snap(q.x, 1e-4f), snap(q.y, 1e-4f), snap(q.z, 1e-4f));
      vec4 c = glm::clamp(mesh.colors[v], vec4(0.0f), vec4(1.0f));
      lo = glm::min(lo, p);
      hi = glm::max(hi, p);
      positions.insert(positions.end(), {p.x, p.y, p.z});
      normals.insert(normals.end(), {q.x, q.y, q.z});
      colors.insert(colors.end(), {snap(c.r, 1e-4f), snap(c.g, 1e-4f), snap(c.b, 1e-4f), snap(c.a, 1e-4f)});
      uvs.insert(uvs.end(), {snap(mesh.uvs[v].x, 1e-5f), snap(mesh.uvs[v].y, 1e-5f)});
    }
    json attributes;
    size_t at = bin.size();
    append_floats(bin, positions.data(), positions.size());
    accessors.push_back({{"bufferView", add_view(at, bin.size() - at, kArrayBuffer)},
                         {"componentType", kFloat},
                         {"count", n},
                         {"type", "VEC3"},
                         {"min", {lo.x, lo.y, lo.z}},
                         {"max", {hi.x, hi.y, hi.z}}});
    attributes["POSITION"] = accessors.size() - 1;
    at = bin.size();
    append_floats(bin, normals.data(), normals.size());
    accessors.push_back({{"bufferView", add_view(at, bin.size() - at, kArrayBuffer)},
                         {"componentType", kFloat},
                         {"count", n},
                         {"type", "VEC3"}});
    attributes["NORMAL"] = accessors.size() - 1;
    at = bin.size();
    append_floats(bin, colors.data(), colors.size());
    accessors.push_back({{"bufferView", add_view(at, bin.size() - at, kArrayBuffer)},
                         {"componentType", kFloat},
                         {"count", n},
                         {"type", "VEC4"}});
    attributes["COLOR_0"] = accessors.size() - 1;
    if (textured) {
      at = bin.size();
      append_floats(bin, uvs.data(), uvs.size());
      accessors.push_back({{"bufferView", add_view(at, bin.size() - at, kArrayBuffer)},
                           {"componentType", kFloat},
                           {"count", n},
                           {"type", "VEC2"}});
      attributes["TEXCOORD_0"] = accessors.size() - 1;
    }
    at = bin.size();
    bin.resize(at + mesh.indices.size() * sizeof(uint32_t));
    std::memcpy(bin.data() + at, mesh.indices.data(), mesh.indices.size() * sizeof(uint32_t));
    accessors.push_back({{"bufferView", add_view(at, bin.size() - at, kElementArrayBuffer)},
                         {"componentType", kUnsignedInt},
                         {"count", mesh.indices.size()},
                         {"type", "SCALAR"}});
    primitives.push_back({{"attributes", attributes}, {"indices", accessors.size() - 1}, {"material", m}});
  }

  const std::string bin_name = model.name + ".bin";
  json document = {
      {"asset", {{"version", "2.0"}, {"generator", "Liyuan hallgen"}}},
      {"scene", 0},
      {"scenes", {{{"nodes", {0}}}}},
      {"nodes", {{{"name", model.name}, {"mesh", 0}}}},
      {"meshes", {{{"name", model.name}, {"primitives", primitives}}}},
      {"materials", materials},
      {"accessors", accessors},
      {"bufferViews", views},
      {"buffers", {{{"uri", bin_name}, {"byteLength", bin.size()}}}},
  };
  if (!model.images.empty()) {
    json images = json::array(), textures = json::array();
    for (size_t i = 0; i < model.images.size(); ++i) {
      const Image& image = model.images[i];
      const std::string file = image.name + ".png";
      images.push_back({{"uri", file}});
      textures.push_back({{"source", i}, {"sampler", 0}});
      // stb's PNG writer is deterministic at a fixed compression level.
      stbi_write_png_compression_level = 9;
      if (!stbi_write_png((dir / file).string().c_str(), image.width, image.height, 3, image.rgb.data(),
                          image.width * 3))
        return (dir / file).string() + ": cannot write the image";
    }
    document["images"] = images;
    document["textures"] = textures;
    document["samplers"] = {{{"magFilter", 9729}, {"minFilter", 9987}, {"wrapS", 10497}, {"wrapT", 10497}}};
  }
  const std::string text = document.dump(2) + "\n";
  if (!write_bytes(dir / (model.name + ".gltf"), text.data(), text.size()))
    return (dir / (model.name + ".gltf")).string() + ": cannot write the file";
  if (!write_bytes(dir / bin_name, bin.data(), bin.size()))
    return (dir / bin_name).string() + ": cannot write the file";
  return {};
}

}  // namespace liyuan::hallgen
