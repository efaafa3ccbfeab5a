// The in-memory model the importer produces and the pack builder consumes. Plain data; no Assimp types.
#pragma once

#include "assets/pack_format.h"
#include "core/math.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace liyuan::packer {

// An image a material uses: a file beside the model, or bytes embedded in it.
struct ImageSource {
  std::string name;                // for messages: the path as the model names it, or "*0 (embedded)"
  std::filesystem::path file;      // the file to read; empty when embedded
  std::vector<std::byte> encoded;  // embedded PNG/JPEG bytes (when file is empty and rgba is empty)
  std::vector<uint8_t> rgba;       // embedded uncompressed texels, RGBA8, row 0 at the top
  uint32_t width = 0;              // of rgba
  uint32_t height = 0;
};

inline constexpr int32_t kNoImage = -1;

// A glTF metallic-roughness material; textures name ImportedModel::images (kNoImage when absent).
struct ImportedMaterial {
  std::string name;
  pack::MaterialRecord factors{};  // every factor; its texture fields are ignored
  int32_t base_color_image = kNoImage;
  int32_t metallic_roughness_image = kNoImage;
  int32_t normal_image = kNoImage;
  int32_t occlusion_image = kNoImage;
  int32_t emissive_image = kNoImage;
};

// One triangle mesh, indexed, in mesh space. Optional streams are empty when the source has none.
struct ImportedMesh {
  std::string name;
  std::vector<vec3> positions;
  std::vector<vec3> normals;     // one per position (generated when the source has none)
  std::vector<vec2> uvs;         // optional; v = 0 is the top row of the image
  std::vector<vec3> tangents;    // optional, with bitangents
  std::vector<vec3> bitangents;  // optional
  std::vector<vec4> colors;      // optional vertex colours: sRGB-encoded RGB, linear alpha, 0..1
  std::vector<uint32_t> indices; // triangle list
  uint32_t material = 0;         // ImportedModel::materials index
  bool generated_normals = false;
  // Skinning (empty when the mesh has no skin): per vertex the 4 largest influences, indices into the skin's joints,
  // weights summing to 1 (unused slots: joint 0, weight 0).
  int32_t skin = -1;                              // ImportedModel::skins index
  uint32_t joint_count = 0;                       // joints of that skin
  std::vector<std::array<uint16_t, 4>> joints;
  std::vector<vec4> weights;
};

// A node of the source hierarchy that a skeleton needs (a joint or an ancestor of one), at rest.
struct ImportedNode {
  std::string name;
  int32_t parent = -1;  // ImportedModel::nodes index, always smaller than this node's
  vec3 translation{0.0f};
  quat rotation{1.0f, 0.0f, 0.0f, 0.0f};
  vec3 scale{1.0f};
};

// The joints of one skinned mesh: node indices and the matrices taking the mesh's bind pose into each joint's space.
struct ImportedSkin {
  uint32_t mesh = 0;  // ImportedModel::meshes index
  std::vector<uint32_t> joints;
  std::vector<mat4> inverse_binds;
};

// One animated property of a node: times in seconds, ascending; 3 (translation, scale) or 4 (rotation x, y, z, w)
// floats per key.
struct ImportedChannel {
  uint32_t node = 0;
  pack::AnimationPath path = pack::AnimationPath::Translation;
  pack::Interpolation interpolation = pack::Interpolation::Linear;
  std::vector<float> times;
  std::vector<float> values;
};

struct ImportedClip {
  std::string name;
  float duration = 0.0f;  // seconds
  std::vector<ImportedChannel> channels;
};

struct ImportedInstance {
  mat4 world_from_mesh{1.f};
  uint32_t mesh = 0;
};

struct ImportedModel {
  std::string source_name;  // file name only, for META
  std::string title;        // file stem
  std::vector<ImportedMesh> meshes;
  std::vector<ImportedMaterial> materials;
  std::vector<ImageSource> images;
  std::vector<ImportedInstance> instances;
  // Skeletal animation: empty unless some mesh is skinned.
  std::vector<ImportedNode> nodes;
  std::vector<ImportedSkin> skins;
  std::vector<ImportedClip> clips;
  // What normalisation did to the source's space (normalise.h): instances are model_from_source * their source
  // placement, and skeletons are posed in the source's space and then placed by it.
  mat4 model_from_source{1.0f};
};

}  // namespace liyuan::packer
