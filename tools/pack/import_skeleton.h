// Assimp bones, node hierarchy and animations → ImportedModel's skins, nodes and clips.
//
// What Assimp 5.2's glTF 2.0 importer gives (checked on the Khronos Fox): one aiBone per joint, named after its node,
// with mOffsetMatrix = the glTF inverse bind matrix (mArmature/mNode are not filled in); weights per bone, at most 4
// per vertex after aiProcess_LimitBoneWeights, kept through JoinIdenticalVertices; animations with mTicksPerSecond =
// 1000 and key times in milliseconds, channels named after nodes, one default scale key when the clip has none; no
// interpolation mode (5.2's aiVectorKey has none), so every channel is imported as LINEAR.
#pragma once

#include <assimp/scene.h>

#include <vector>

#include "core/error.h"
#include "imported_model.h"

namespace liyuan::packer {

// Fills MODEL's nodes, skins (with each skinned mesh's joints and weights: the 4 largest influences, renormalised)
// and clips from SCENE. MESH_REMAP maps Assimp meshes to MODEL.meshes (-1 when skipped). A model without bones gets
// nothing (its node animations are not skeletal and are not packed). Fails when a bone names no node.
Status import_skeleton(const aiScene& scene, const std::vector<int>& mesh_remap, ImportedModel& model);

}  // namespace liyuan::packer
