// glTF extensions Assimp 5.2 cannot decode but imports silently wrong: we refuse them up front.
#pragma once

#include "core/error.h"

#include <filesystem>

namespace liyuan::packer {

// When PATH is a .gltf or .glb file whose extensionsRequired lists KHR_mesh_quantization, EXT_meshopt_compression,
// KHR_draco_mesh_compression or KHR_texture_basisu, an error naming PATH and the extension; otherwise success
// (including for other formats and for JSON Assimp will reject itself).
Status check_gltf_extensions(const std::filesystem::path& path);

}  // namespace liyuan::packer
