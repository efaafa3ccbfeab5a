// Helpers for the scene tests: writing small exhibitions to disk, linting them, building scenes from text.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "scene/diagnostics.h"
#include "scene/scene_graph.h"
#include "scene/timeline.h"

namespace liyuan::scene::testing {

// The source tree (for scenes/ and docs/).
std::filesystem::path source_dir();
// scenes/examples/small/exhibition.yaml.
std::filesystem::path small_example();

// Writes TEXT to DIR/NAME, creating folders, and returns the path.
std::filesystem::path write_file(const std::filesystem::path& dir, const std::string& name, std::string_view text);

// Writes a test exhibition into DIR and returns the path of its exhibition.yaml: locales zh (default) and en,
// relics `bronze-mirror` (no clips listed) and `music-box` (clips open and play), strings.yaml with the keys
// caption.a, caption.b, caption.c and panel.mirror in both locales (caption.c has no 'en'), and scene.yaml = SCENE.
std::filesystem::path write_exhibition(const std::filesystem::path& dir, std::string_view scene);

// Lints PATH and returns each diagnostic as text with DIR/ removed from file names ("scene.yaml:3:5: error: ...").
std::vector<std::string> lint_lines(const std::filesystem::path& path, const std::filesystem::path& dir);

// Only the lines of LINES that contain NEEDLE.
std::vector<std::string> matching(const std::vector<std::string>& lines, std::string_view needle);

// A scene graph and timeline built from the scene file text SCENE; DIAGNOSTICS receives any problems.
struct BuiltScene {
  SceneGraph graph;
  Timeline timeline;
};
BuiltScene build_from_text(std::string_view scene, Diagnostics& diagnostics);

}  // namespace liyuan::scene::testing
