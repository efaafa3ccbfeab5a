// An exhibition ready to play: its documents, scene graph and timeline, loaded and checked as lint checks them.
#pragma once

#include <filesystem>

#include "core/error.h"
#include "scene/diagnostics.h"
#include "scene/exhibition_loader.h"
#include "scene/scene_graph.h"
#include "scene/timeline.h"

namespace liyuan::scene {

struct Exhibition {
  ExhibitionSources sources;
  SceneGraph graph;
  Timeline timeline;
};

// Loads PATH and everything it names (from SOURCE when set: exhibition_loader.h), runs every lint check, and builds the graph and timeline. Every problem goes
// to DIAGNOSTICS; what could be built is returned even when there were errors (lint reports, the runtime refuses).
Exhibition check_exhibition(const std::filesystem::path& path, Diagnostics& diagnostics,
                            const DocumentSource& source = {});

// As check_exhibition, for the runtime: the first error when there is any (warnings are left in DIAGNOSTICS).
Result<Exhibition> load_exhibition(const std::filesystem::path& path, Diagnostics& diagnostics,
                                   const DocumentSource& source = {});

}  // namespace liyuan::scene
