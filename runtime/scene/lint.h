// lint: every check on scene documents, as a library function (the `liyuan lint` command calls lint_command.h).
#pragma once

#include <filesystem>
#include <vector>

#include "scene/diagnostics.h"

namespace liyuan::scene {

// Checks each of PATHS (an exhibition.yaml with everything it names, or a lone scene file) and returns every
// diagnostic: syntax errors, schema errors (unknown keys with "did you mean", wrong types), dangling references
// (relic ids, string keys, node names, clip names), missing translations (warnings), include cycles, unsafe
// paths and timelines that make no sense. Each diagnostic has file, line and column where they are known; they
// come grouped by file (in the order files were first reported on) and, within a file, from top to bottom.
std::vector<Diagnostic> lint(const std::vector<std::filesystem::path>& paths);

}  // namespace liyuan::scene
