// Assimp → ImportedModel. Import runs in two phases so that meshes without normals get angle-weighted ones before
// Assimp computes tangents and welds vertices:
//   phase 1 (ReadFile): triangulate, drop points/lines and degenerate faces, generate UVs, flip V to a top-left origin;
//   between: angle_weighted_normals() for every mesh without normals (Assimp 5.2's own are not angle-weighted);
//   phase 2 (ApplyPostProcessing): smooth normals for anything still missing, tangents, vertex welding, validation.
#include "importer.h"

#include "core/log.h"
#include "gltf_extensions.h"
#include "import_skeleton.h"
#include "normals.h"

#include <assimp/GltfMaterial.h>
#include <assimp/Importer.hpp>
#include <assimp/material.h>
#include <assimp/postprocess.h>
#include <assimp/scene.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace liyuan::packer {
namespace {

constexpr float kSmoothingAngleDegrees = 80.f;

// The material a model without one gets: a warm neutral, like unglazed clay.
pack::MaterialRecord default_factors() {
  pack::MaterialRecord r{};
  r.base_color_factor[0] = 0.8f;
  r.base_color_factor[1] = 0.78f;
  r.base_color_factor[2] = 0.74f;
  r.base_color_factor[3] = 1.f;
  r.metallic_factor = 0.f;
  r.roughness_factor = 0.6f;
  r.normal_scale = 1.f;
  r.occlusion_strength = 1.f;
  r.alpha_cutoff = 0.5f;
  r.alpha_mode = uint32_t(pack::AlphaMode::Opaque);
  return r;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return s;
}

bool is_image_file(const std::filesystem::path& p) {
  const std::string ext = lower(p.extension().string());
  return ext == ".png" || ext == ".jpg" || ext == ".jpeg";
}

std::string percent_decode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit((unsigned char)s[i + 1]) && std::isxdigit((unsigned char)s[i + 2])) {
      out += char(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

vec3 linear_to_srgb(const vec3& c) {
  vec3 out;
  for (int k = 0; k < 3; ++k) {
    float v = std::clamp(c[k], 0.0f, 1.0f);
    out[k] = v <= 0.0031308f ? v * 12.92f : 1.055f * std::pow(v, 1.0f / 2.4f) - 0.055f;
  }
  return out;
}

// What an FBX file says about its axes and units (Assimp keeps the FBX GlobalSettings as scene metadata).
SourceAxes file_axes(const aiScene& scene) {
  SourceAxes axes;
  if (!scene.mMetaData) return axes;
  auto axis_name = [&](const char* axis_key, const char* sign_key) -> std::string {
    int32_t axis = -1, sign = 1;
    if (!scene.mMetaData->Get(axis_key, axis) || axis < 0 || axis > 2) return {};
    scene.mMetaData->Get(sign_key, sign);
    return std::string(sign < 0 ? "-" : "+") + char('x' + axis);
  };
  axes.up = axis_name("UpAxis", "UpAxisSign");
  axes.front = axis_name("FrontAxis", "FrontAxisSign");
  double unit = 0.0;
  float unit_f = 0.0f;
  if (scene.mMetaData->Get("UnitScaleFactor", unit) && unit > 0.0) axes.unit_scale = float(unit) / 100.0f;
  else if (scene.mMetaData->Get("UnitScaleFactor", unit_f) && unit_f > 0.0f) axes.unit_scale = unit_f / 100.0f;
  return axes;
}

// Catches imports that are plainly wrong before they become a broken relic: non-finite or scattered vertices, or
// a large file that yields almost nothing. Returns the reason, or an empty string.
std::string implausible_import(const ImportedModel& model, uintmax_t file_bytes) {
  size_t triangles = 0, vertices = 0;
  std::vector<float> xs, ys, zs;
  for (const ImportedMesh& mesh : model.meshes) {
    triangles += mesh.indices.size() / 3;
    vertices += mesh.positions.size();
    for (const vec3& p : mesh.positions) {
      if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z))
        return "it holds non-finite vertex positions (a corrupt or misread file)";
      xs.push_back(p.x), ys.push_back(p.y), zs.push_back(p.z);
    }
  }
  // Plain text spends at least ~20 bytes per triangle, binary ~12: far fewer triangles than that means the importer
  // read only a fraction of the file.
  if (file_bytes > (1u << 20) && triangles < 100)
    return fmt::format("the {:.1f} MB file yields only {} triangles: the importer probably misread it",
                       double(file_bytes) / 1e6, triangles);
  // Exploded: the full extent is hundreds of times the extent of the central 98 % of vertices.
  if (vertices >= 100) {
    auto spread = [](std::vector<float>& v, float* central, float* full) {
      std::sort(v.begin(), v.end());
      *central = v[v.size() * 99 / 100] - v[v.size() / 100];
      *full = v.back() - v.front();
    };
    float central[3], full[3];
    spread(xs, &central[0], &full[0]);
    spread(ys, &central[1], &full[1]);
    spread(zs, &central[2], &full[2]);
    float central_size = std::max({central[0], central[1], central[2]});
    float full_size = std::max({full[0], full[1], full[2]});
    if (central_size > 0.0f && full_size > 500.0f * central_size)
      return fmt::format("a few vertices lie {:.0f} times farther out than the rest (an exploded import)",
                         full_size / central_size);
  }
  return {};
}

mat4 to_mat4(const aiMatrix4x4& m) {
  const ai_real* p = &m.a1;  // row-major
  mat4 out(1.f);
  for (int c = 0; c < 4; ++c)
    for (int r = 0; r < 4; ++r) out[c][r] = float(p[r * 4 + c]);
  return out;
}

// Prints every property of every material (LIYUAN_LOG=debug): what Assimp really reports for a model.
void dump_materials(const aiScene& scene) {
  for (unsigned m = 0; m < scene.mNumMaterials; ++m) {
    const aiMaterial& mat = *scene.mMaterials[m];
    for (unsigned p = 0; p < mat.mNumProperties; ++p) {
      const aiMaterialProperty& prop = *mat.mProperties[p];
      std::string value;
      if (prop.mType == aiPTI_String) {
        aiString s;
        if (aiGetMaterialString(&mat, prop.mKey.C_Str(), prop.mSemantic, prop.mIndex, &s) == AI_SUCCESS) value = s.C_Str();
      } else if (prop.mType == aiPTI_Float && prop.mDataLength >= 4) {
        const auto* f = reinterpret_cast<const float*>(prop.mData);
        for (unsigned k = 0; k < prop.mDataLength / 4 && k < 4; ++k) value += fmt::format("{} ", f[k]);
      } else if (prop.mType == aiPTI_Integer && prop.mDataLength >= 4) {
        value = fmt::format("{}", *reinterpret_cast<const int32_t*>(prop.mData));
      }
      log::debug("material {} '{}': {} semantic={} index={} = {}", m, mat.GetName().C_Str(), prop.mKey.C_Str(),
                 prop.mSemantic, prop.mIndex, value);
    }
  }
}

class ModelImporter {
 public:
  ModelImporter(const std::filesystem::path& path, const ImportOptions& options) : path_(path), options_(options) {}
  Result<ImportedModel> run();

 private:
  Error fail(const std::string& message) const { return make_error(path_.string() + ": " + message); }
  void convert_meshes();
  void convert_instances();
  uint32_t material_for(unsigned assimp_index);
  ImportedMaterial convert_material(const aiMaterial& mat);
  int32_t texture_image(const aiMaterial& mat, std::initializer_list<aiTextureType> types, const char* slot);
  int32_t image_from_path(const std::string& reference, const std::string& material_name, const char* slot);
  int32_t image_from_file(const std::filesystem::path& file, const std::string& name);
  Status apply_base_color_fallback();

  std::filesystem::path path_;
  ImportOptions options_;
  const aiScene* scene_ = nullptr;
  ImportedModel model_;
  std::vector<int> mesh_remap_;                  // Assimp mesh → ImportedModel mesh, or -1
  std::map<unsigned, uint32_t> material_remap_;  // Assimp material → ImportedModel material
  std::map<std::string, int32_t> image_by_key_;  // resolved file path or embedded reference → image
  std::vector<bool> generated_normals_;
  bool source_is_gltf_ = false;
};

void ModelImporter::convert_meshes() {
  mesh_remap_.assign(scene_->mNumMeshes, -1);
  for (unsigned m = 0; m < scene_->mNumMeshes; ++m) {
    const aiMesh& src = *scene_->mMeshes[m];
    if (!(src.mPrimitiveTypes & aiPrimitiveType_TRIANGLE) || src.mNumFaces == 0 || !src.HasNormals()) continue;
    ImportedMesh mesh;
    mesh.name = src.mName.C_Str();
    mesh.generated_normals = generated_normals_[m];
    for (unsigned f = 0; f < src.mNumFaces; ++f) {
      const aiFace& face = src.mFaces[f];
      if (face.mNumIndices != 3) continue;
      mesh.indices.insert(mesh.indices.end(), face.mIndices, face.mIndices + 3);
    }
    if (mesh.indices.empty()) continue;
    const unsigned n = src.mNumVertices;
    mesh.positions.resize(n);
    mesh.normals.resize(n);
    for (unsigned v = 0; v < n; ++v) {
      mesh.positions[v] = vec3(src.mVertices[v].x, src.mVertices[v].y, src.mVertices[v].z);
      mesh.normals[v] = vec3(src.mNormals[v].x, src.mNormals[v].y, src.mNormals[v].z);
    }
    if (src.HasTextureCoords(0)) {
      mesh.uvs.resize(n);
      for (unsigned v = 0; v < n; ++v) mesh.uvs[v] = vec2(src.mTextureCoords[0][v].x, src.mTextureCoords[0][v].y);
    }
    if (src.HasVertexColors(0)) {
      // glTF's COLOR_0 is linear; every other format stores colours as they look (sRGB). Packs keep sRGB.
      mesh.colors.resize(n);
      for (unsigned v = 0; v < n; ++v) {
        const aiColor4D& c = src.mColors[0][v];
        vec4 color(c.r, c.g, c.b, c.a);
        if (source_is_gltf_) color = vec4(linear_to_srgb(vec3(color)), color.a);
        mesh.colors[v] = color;
      }
    }
    if (src.HasTangentsAndBitangents()) {
      mesh.tangents.resize(n);
      mesh.bitangents.resize(n);
      for (unsigned v = 0; v < n; ++v) {
        mesh.tangents[v] = vec3(src.mTangents[v].x, src.mTangents[v].y, src.mTangents[v].z);
        mesh.bitangents[v] = vec3(src.mBitangents[v].x, src.mBitangents[v].y, src.mBitangents[v].z);
      }
    }
    mesh.material = options_.geometry_only ? 0 : material_for(src.mMaterialIndex);
    mesh_remap_[m] = int(model_.meshes.size());
    model_.meshes.push_back(std::move(mesh));
  }
}

// Depth-first, parents before children, children in file order: one instance per node-mesh pair.
void ModelImporter::convert_instances() {
  std::vector<std::pair<const aiNode*, aiMatrix4x4>> stack;
  if (scene_->mRootNode) stack.emplace_back(scene_->mRootNode, scene_->mRootNode->mTransformation);
  while (!stack.empty()) {
    auto [node, world] = stack.back();
    stack.pop_back();
    for (unsigned k = 0; k < node->mNumMeshes; ++k) {
      const unsigned m = node->mMeshes[k];
      if (m < mesh_remap_.size() && mesh_remap_[m] >= 0) {
        model_.instances.push_back(ImportedInstance{to_mat4(world), uint32_t(mesh_remap_[m])});
      }
    }
    for (unsigned c = node->mNumChildren; c-- > 0;) {
      stack.emplace_back(node->mChildren[c], world * node->mChildren[c]->mTransformation);
    }
  }
  if (model_.instances.empty()) {
    for (uint32_t m = 0; m < model_.meshes.size(); ++m) model_.instances.push_back(ImportedInstance{mat4(1.f), m});
  }
}

uint32_t ModelImporter::material_for(unsigned assimp_index) {
  if (auto it = material_remap_.find(assimp_index); it != material_remap_.end()) return it->second;
  const uint32_t index = uint32_t(model_.materials.size());
  material_remap_[assimp_index] = index;
  if (assimp_index < scene_->mNumMaterials) {
    model_.materials.push_back(convert_material(*scene_->mMaterials[assimp_index]));
  } else {
    model_.materials.push_back(ImportedMaterial{"default", default_factors()});
  }
  return index;
}

ImportedMaterial ModelImporter::convert_material(const aiMaterial& mat) {
  ImportedMaterial out;
  out.name = mat.GetName().C_Str();
  out.factors = default_factors();
  if (out.name == AI_DEFAULT_MATERIAL_NAME) return out;  // Assimp's stand-in when the source has no material

  pack::MaterialRecord& r = out.factors;
  aiColor4D base(1.f, 1.f, 1.f, 1.f);
  if (mat.Get(AI_MATKEY_BASE_COLOR, base) != AI_SUCCESS) {
    mat.Get(AI_MATKEY_COLOR_DIFFUSE, base);
    float opacity = 1.f;
    if (mat.Get(AI_MATKEY_OPACITY, opacity) == AI_SUCCESS) base.a = opacity;
  }
  r.base_color_factor[0] = base.r;
  r.base_color_factor[1] = base.g;
  r.base_color_factor[2] = base.b;
  r.base_color_factor[3] = base.a;
  const bool pbr = mat.Get(AI_MATKEY_METALLIC_FACTOR, r.metallic_factor) == AI_SUCCESS;
  if (!pbr) r.metallic_factor = 0.f;
  if (mat.Get(AI_MATKEY_ROUGHNESS_FACTOR, r.roughness_factor) != AI_SUCCESS) r.roughness_factor = pbr ? 1.f : 0.6f;
  aiColor3D emissive(0.f, 0.f, 0.f);
  mat.Get(AI_MATKEY_COLOR_EMISSIVE, emissive);
  float emissive_strength = 1.f;
  mat.Get(AI_MATKEY_EMISSIVE_INTENSITY, emissive_strength);
  r.emissive_factor[0] = emissive.r * emissive_strength;
  r.emissive_factor[1] = emissive.g * emissive_strength;
  r.emissive_factor[2] = emissive.b * emissive_strength;
  aiString alpha_mode;
  if (mat.Get(AI_MATKEY_GLTF_ALPHAMODE, alpha_mode) == AI_SUCCESS) {
    const std::string mode = alpha_mode.C_Str();
    r.alpha_mode = uint32_t(mode == "MASK" ? pack::AlphaMode::Mask : mode == "BLEND" ? pack::AlphaMode::Blend
                                                                                    : pack::AlphaMode::Opaque);
  } else if (base.a < 1.f) {
    r.alpha_mode = uint32_t(pack::AlphaMode::Blend);
  }
  mat.Get(AI_MATKEY_GLTF_ALPHACUTOFF, r.alpha_cutoff);
  int two_sided = 0;
  if (mat.Get(AI_MATKEY_TWOSIDED, two_sided) == AI_SUCCESS) r.double_sided = two_sided ? 1 : 0;
  mat.Get(AI_MATKEY_GLTF_TEXTURE_SCALE(aiTextureType_NORMALS, 0), r.normal_scale);
  mat.Get(AI_MATKEY_GLTF_TEXTURE_STRENGTH(aiTextureType_LIGHTMAP, 0), r.occlusion_strength);

  out.base_color_image = texture_image(mat, {aiTextureType_BASE_COLOR, aiTextureType_DIFFUSE}, "base colour");
  // glTF metallicRoughness: Assimp 5.2 files it as aiTextureType_UNKNOWN #0.
  out.metallic_roughness_image = texture_image(mat, {aiTextureType_UNKNOWN, aiTextureType_DIFFUSE_ROUGHNESS},
                                               "metallic-roughness");
  out.normal_image = texture_image(mat, {aiTextureType_NORMALS}, "normal");
  // glTF occlusion: Assimp files it as aiTextureType_LIGHTMAP.
  out.occlusion_image = texture_image(mat, {aiTextureType_LIGHTMAP, aiTextureType_AMBIENT_OCCLUSION}, "occlusion");
  out.emissive_image = texture_image(mat, {aiTextureType_EMISSIVE}, "emissive");
  return out;
}

int32_t ModelImporter::texture_image(const aiMaterial& mat, std::initializer_list<aiTextureType> types,
                                     const char* slot) {
  for (aiTextureType type : types) {
    aiString reference;
    if (mat.GetTextureCount(type) == 0 || mat.GetTexture(type, 0, &reference) != AI_SUCCESS) continue;
    if (reference.length == 0) continue;
    return image_from_path(reference.C_Str(), mat.GetName().C_Str(), slot);
  }
  return kNoImage;
}

int32_t ModelImporter::image_from_path(const std::string& reference, const std::string& material_name,
                                       const char* slot) {
  if (const aiTexture* embedded = scene_->GetEmbeddedTexture(reference.c_str())) {
    const std::string key = "embedded:" + reference;
    if (auto it = image_by_key_.find(key); it != image_by_key_.end()) return it->second;
    ImageSource image;
    image.name = reference + " (embedded)";
    if (embedded->mHeight == 0) {
      const auto* data = reinterpret_cast<const std::byte*>(embedded->pcData);
      image.encoded.assign(data, data + embedded->mWidth);
    } else {
      image.width = embedded->mWidth;
      image.height = embedded->mHeight;
      image.rgba.resize(size_t(image.width) * image.height * 4);
      for (size_t i = 0; i < size_t(image.width) * image.height; ++i) {
        const aiTexel& t = embedded->pcData[i];
        image.rgba[4 * i + 0] = t.r;
        image.rgba[4 * i + 1] = t.g;
        image.rgba[4 * i + 2] = t.b;
        image.rgba[4 * i + 3] = t.a;
      }
    }
    const int32_t index = int32_t(model_.images.size());
    model_.images.push_back(std::move(image));
    image_by_key_[key] = index;
    return index;
  }
  std::string relative = reference;
  std::replace(relative.begin(), relative.end(), '\\', '/');
  const std::filesystem::path folder = path_.parent_path();
  std::filesystem::path file = folder / relative;
  if (!std::filesystem::is_regular_file(file)) file = folder / percent_decode(relative);
  if (!std::filesystem::is_regular_file(file)) {
    log::warn("{}: material '{}' names the {} texture '{}', which does not exist; packing without it",
              path_.string(), material_name, slot, reference);
    return kNoImage;
  }
  return image_from_file(file, reference);
}

int32_t ModelImporter::image_from_file(const std::filesystem::path& file, const std::string& name) {
  const std::string key = "file:" + file.lexically_normal().string();
  if (auto it = image_by_key_.find(key); it != image_by_key_.end()) return it->second;
  ImageSource image;
  image.name = name;
  image.file = file;
  const int32_t index = int32_t(model_.images.size());
  model_.images.push_back(std::move(image));
  image_by_key_[key] = index;
  return index;
}

// `--base-color IMAGE`, or the one image in the model's folder when nothing names a base colour texture (OBJ files
// without an MTL, like spot).
Status ModelImporter::apply_base_color_fallback() {
  int32_t image = kNoImage;
  if (!options_.base_color.empty()) {
    if (!std::filesystem::is_regular_file(options_.base_color)) {
      return make_error(options_.base_color.string() + ": --base-color image does not exist");
    }
    image = image_from_file(options_.base_color, options_.base_color.filename().string());
  } else {
    const bool has_uvs = std::any_of(model_.meshes.begin(), model_.meshes.end(), [](auto& m) { return !m.uvs.empty(); });
    const bool has_base = std::any_of(model_.materials.begin(), model_.materials.end(),
                                      [](auto& m) { return m.base_color_image != kNoImage; });
    if (!has_uvs || has_base) return {};
    std::vector<std::filesystem::path> candidates;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(path_.parent_path(), ec)) {
      if (entry.is_regular_file() && is_image_file(entry.path())) candidates.push_back(entry.path());
    }
    if (candidates.size() != 1) return {};
    log::info("{}: no base-colour texture named; using {}, the only image in the model's folder", path_.string(),
              candidates[0].filename().string());
    image = image_from_file(candidates[0], candidates[0].filename().string());
  }
  for (ImportedMaterial& material : model_.materials) {
    if (material.base_color_image != kNoImage && options_.base_color.empty()) continue;
    material.base_color_image = image;
    if (material.name == AI_DEFAULT_MATERIAL_NAME || material.name == "default") {
      std::fill(material.factors.base_color_factor, material.factors.base_color_factor + 4, 1.f);
    }
  }
  return {};
}

Result<ImportedModel> ModelImporter::run() {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path_, ec)) return fail("no such file");
  if (auto status = check_gltf_extensions(path_); !status) return status.error();

  Assimp::Importer importer;
  importer.SetPropertyFloat(AI_CONFIG_PP_GSN_MAX_SMOOTHING_ANGLE, kSmoothingAngleDegrees);
  // SortByPType splits points and lines into meshes of their own, which convert_meshes() skips. (Letting Assimp
  // remove them instead turns a model without triangles into its own, less clear, error.)
  importer.SetPropertyBool(AI_CONFIG_PP_FD_REMOVE, true);
  // Assimp 5.2 otherwise also drops triangles under 1e-6 square units: most of a 13 cm bottle's fine detail.
  importer.SetPropertyBool(AI_CONFIG_PP_FD_CHECKAREA, false);
  const std::string extension = lower(path_.extension().string());
  source_is_gltf_ = extension == ".gltf" || extension == ".glb";
  scene_ = importer.ReadFile(path_.string(), import_flags_phase1());
  if (!scene_) {
    const std::string reason = importer.GetErrorString();
    if (reason.find("No meshes remaining") != std::string::npos) return fail("no triangles to pack (" + reason + ")");
    return fail("cannot import: " + reason);
  }
  if (scene_->mFlags & AI_SCENE_FLAGS_INCOMPLETE) return fail("cannot import: the scene is incomplete");

  generated_normals_.assign(scene_->mNumMeshes, false);
  for (unsigned m = 0; m < scene_->mNumMeshes; ++m) {
    aiMesh& mesh = *scene_->mMeshes[m];  // the importer owns the scene; we fill in what it lacks
    if (mesh.HasNormals() || mesh.mNumFaces == 0 || !(mesh.mPrimitiveTypes & aiPrimitiveType_TRIANGLE)) continue;
    std::vector<vec3> positions(mesh.mNumVertices);
    for (unsigned v = 0; v < mesh.mNumVertices; ++v) {
      positions[v] = vec3(mesh.mVertices[v].x, mesh.mVertices[v].y, mesh.mVertices[v].z);
    }
    std::vector<uint32_t> triangles;
    triangles.reserve(size_t(mesh.mNumFaces) * 3);
    for (unsigned f = 0; f < mesh.mNumFaces; ++f) {
      if (mesh.mFaces[f].mNumIndices == 3) triangles.insert(triangles.end(), mesh.mFaces[f].mIndices, mesh.mFaces[f].mIndices + 3);
    }
    const std::vector<vec3> normals = angle_weighted_normals(positions, triangles, kSmoothingAngleDegrees);
    mesh.mNormals = new aiVector3D[mesh.mNumVertices];
    for (unsigned v = 0; v < mesh.mNumVertices; ++v) mesh.mNormals[v] = aiVector3D(normals[v].x, normals[v].y, normals[v].z);
    generated_normals_[m] = true;
  }
  scene_ = importer.ApplyPostProcessing(import_flags_phase2());
  if (!scene_) return fail(std::string("cannot import: ") + importer.GetErrorString());
  if (log::level() <= log::Level::Debug) dump_materials(*scene_);

  const std::filesystem::path file_name = path_.filename();
  model_.source_name = file_name.string();
  model_.title = path_.stem().string();
  convert_meshes();
  if (model_.meshes.empty()) return fail("no triangles to pack (the model holds only points, lines or nothing)");
  if (std::string reason = implausible_import(model_, std::filesystem::file_size(path_, ec)); !reason.empty())
    return fail(reason);
  convert_instances();
  if (Status s = import_skeleton(*scene_, mesh_remap_, model_); !s) return fail(s.error().message);
  if (Status s = normalise_model(model_, options_.normalise, file_axes(*scene_)); !s) return fail(s.error().message);
  if (options_.geometry_only) {
    model_.materials.push_back(ImportedMaterial{"default", default_factors()});
  } else if (auto status = apply_base_color_fallback(); !status) {
    return status.error();
  }
  return std::move(model_);
}

}  // namespace

unsigned int import_flags_phase1() {
  return aiProcess_Triangulate | aiProcess_SortByPType | aiProcess_FindDegenerates | aiProcess_GenUVCoords |
         aiProcess_FlipUVs | aiProcess_ValidateDataStructure;
}

unsigned int import_flags_phase2() {
  // LimitBoneWeights (4 per vertex, renormalised) runs before welding so that welded vertices compare equal.
  return aiProcess_GenSmoothNormals | aiProcess_CalcTangentSpace | aiProcess_LimitBoneWeights |
         aiProcess_JoinIdenticalVertices | aiProcess_ValidateDataStructure;
}

Result<ImportedModel> import_model(const std::filesystem::path& path, const ImportOptions& options) {
  return ModelImporter(path, options).run();
}

}  // namespace liyuan::packer
