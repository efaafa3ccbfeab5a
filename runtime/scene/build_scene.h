// From documents to the flat scene graph: parents resolved by name in any file, nodes ordered parents-first.
#pragma once

#include <span>

#include "scene/diagnostics.h"
#include "scene/scene_document.h"
#include "scene/scene_graph.h"

namespace liyuan::scene {

// Builds the graph from the nodes of every scene file, in file order with each parent moved before its children.
// Reports duplicate node names (naming the first), unknown parents (with "did you mean"), cycles of parents and a
// second `environment:`. Nodes with such errors are left out, or become roots when only their parent is wrong.
SceneGraph build_scene_graph(std::span<const SceneFileDocument> scenes, Diagnostics& diagnostics);

// The closest node name to NAME in GRAPH, for "did you mean" (empty when none is close).
std::string closest_node_name(const SceneGraph& graph, std::string_view name);

// Formats a location as "file:line:column" for messages that point at a second place.
std::string location_string(const Location& where);

}  // namespace liyuan::scene
