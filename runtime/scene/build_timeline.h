// From the timeline document to the runtime Timeline: node names resolved to indices, components looked up, keys
// sorted, camera paths built from their viewpoints' world poses.
#pragma once

#include <span>

#include "scene/diagnostics.h"
#include "scene/scene_document.h"
#include "scene/scene_graph.h"
#include "scene/timeline.h"

namespace liyuan::scene {

// Builds the timeline of the exhibition (at most one scene file may hold `timeline:`; none gives an empty timeline
// of duration 0). Reports unknown node names (with "did you mean"), a property its node cannot take (light.color on
// a node without a light), camera path stops that are not viewpoints, clips on nodes without a relic, clip names
// the relic's manifest does not list (when it lists clips), and a second timeline. What cannot be resolved is left
// out; the rest still evaluates.
Timeline build_timeline(std::span<const SceneFileDocument> scenes, const SceneGraph& graph,
                        std::span<const RelicManifest> relics, Diagnostics& diagnostics);

// The timeline document of SCENES (the first one), or nullptr.
const TimelineDocument* find_timeline_document(std::span<const SceneFileDocument> scenes);

}  // namespace liyuan::scene
