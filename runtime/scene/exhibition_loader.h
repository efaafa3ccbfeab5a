// Reading an exhibition from disk: exhibition.yaml, the scene files it includes (and they include), its relic
// manifests and string tables. Every path is checked (safe_path.h); include cycles are errors naming the file and
// line of the include that closes the cycle; a file included twice along different routes is read once.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
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

// Where documents come from: the text of the document at PATH (the exhibition's folder joined with the document's
// relative path), or an error saying why it cannot be read. Empty: the file system.
using DocumentSource = std::function<Result<std::string>(const std::filesystem::path& path)>;

// Loads PATH (an exhibition file, or a lone scene file) and everything it names, reporting every problem. Documents
// are read from SOURCE (a pack's carried files, say) when it is set, else from disk.
ExhibitionSources load_exhibition_sources(const std::filesystem::path& path, Diagnostics& diagnostics,
                                          const DocumentSource& source = {});

}  // namespace liyuan::scene
