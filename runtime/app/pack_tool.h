// The runtime never links Assimp: when it is given an exhibition's sources, it runs `liyuan-pack` to (re)build the
// pack, incrementally, into the user cache.
#pragma once

#include <filesystem>

#include "core/error.h"

namespace liyuan::app {

// The running executable's path (empty when it cannot be read): the tools and files that ship beside it are found
// from here.
std::filesystem::path this_executable();

// liyuan-pack: next to this executable, else in the build tree beside it (tools/pack/), else on PATH.
std::filesystem::path find_pack_tool();

// Packs EXHIBITION (exhibition.yaml) into the user cache and returns the pack's path. liyuan-pack's own content cache
// makes this cheap when little changed; its warnings and errors go to stderr. A relic that cannot be packed is left
// out with a warning (--allow-missing): the show places a placeholder where it should stand. Errors say why packing failed.
Result<std::filesystem::path> pack_exhibition(const std::filesystem::path& exhibition);

}  // namespace liyuan::app
