// Reading an exhibition from disk: exhibition.yaml, the scene files it includes (and they include), its relic
// manifests and string tables. Every path is checked (safe_path.h); include cycles are errors naming the file and
// line of the include that closes the cycle; a file included twice along different routes is read once.
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

#include "scene/diagnostics.h"
#include "scene/scene_document.h"

namespace liyuan::scene {

struct ExhibitionSources {
  std::optional<ExhibitionDocument> exhibition;  // absent when the file given was a scene file
  std::vector<SceneFileDocument> scenes;          // depth-first include order, each file once
  std::vector<RelicManifest> relics;
  StringTables strings;
};

// Scene files larger than this are refused (a hand-written scene is a few kilobytes).
inline constexpr size_t kMaxDocumentBytes = 16u << 20;

// Loads PATH (an exhibition file, or a lone scene file) and everything it names, reporting every problem.
ExhibitionSources load_exhibition_sources(const std::filesystem::path& path, Diagnostics& diagnostics);

}  // namespace liyuan::scene
