// Scene files (hall, relics, tour ...): nodes with their components, the environment, the timeline, includes.
#pragma once

#include <string>
#include <string_view>

#include "scene/diagnostics.h"
#include "scene/map_reader.h"
#include "scene/scene_document.h"
#include "scene/yaml_tree.h"

namespace liyuan::scene {

// Interprets ROOT (a parsed scene file) against the schema, reporting every problem through READER.
SceneFileDocument parse_scene_file(const YamlNode& root, ValueReader& reader);

// Parses TEXT as the scene file FILE (YAML or JSON). A syntax error is reported and gives an empty document.
SceneFileDocument parse_scene_text(std::string_view text, const std::string& file, Diagnostics& diagnostics);

// A node's rotation: `rotation: [x, y, z, w]` (a quaternion, normalised here) or `euler: [x, y, z]` in degrees.
// Reports a zero quaternion, and both keys given at once. Returns nothing when neither is given or on error.
std::optional<quat> read_rotation(MapReader& map, ValueReader& reader, std::string_view quaternion_key);

}  // namespace liyuan::scene
