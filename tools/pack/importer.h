// Model import through Assimp: the only place in the project that includes Assimp headers.
#pragma once

#include "core/error.h"
#include "imported_model.h"
#include "normalise.h"

#include <filesystem>

namespace liyuan::packer {

struct ImportOptions {
  std::filesystem::path base_color;  // forces this image as every material's base colour texture (empty: none)
  bool geometry_only = false;        // skip materials and images (benchmarks); meshes get material 0
  NormaliseOptions normalise;        // units, axes, real-world height, pivot (normalise.h)
};

// The Assimp post-processing flags `liyuan-pack` imports with, applied in two phases around our own normal
// generation (see importer.cpp). Listed here so that the benchmark measures the same import.
unsigned int import_flags_phase1();
unsigned int import_flags_phase2();

// Imports PATH: meshes (triangles only; points and lines dropped; vertex colours kept), materials, the images they
// use, and one instance per node-mesh pair with its world transform, normalised to metres, +Y up and a pivot at the
// base centre (options.normalise). Fails, naming PATH and the reason, when the file cannot be read, uses a glTF
// extension Assimp cannot decode, holds no triangles, yields implausibly little for its size (a misread file), holds
// non-finite or wildly scattered vertices (an exploded import), or when a forced base-colour image is missing. A
// texture file a material names but that does not exist is logged and left out.
Result<ImportedModel> import_model(const std::filesystem::path& path, const ImportOptions& options = {});

}  // namespace liyuan::packer
