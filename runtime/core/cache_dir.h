// Where Liyuan keeps what it can rebuild (pipeline caches, packed exhibitions): never in the user's content folders.
#pragma once

#include <filesystem>

namespace liyuan {

// $LIYUAN_CACHE_DIR, else $XDG_CACHE_HOME/liyuan, else $HOME/.cache/liyuan. Empty when LIYUAN_CACHE_DIR is "off" or
// no home directory is known (callers then keep nothing, or use a temporary directory).
std::filesystem::path user_cache_dir();

}  // namespace liyuan
