// Whole-file writes that never leave a half-written file behind: data goes to a temporary file in the same
// directory, is flushed to disk, and is renamed over the target.
#pragma once

#include "core/error.h"

#include <cstddef>
#include <filesystem>
#include <span>

namespace liyuan {

// Writes BYTES to PATH atomically. On failure PATH is untouched and the temporary file is removed.
Status write_file_atomically(const std::filesystem::path& path, std::span<const std::byte> bytes);

}  // namespace liyuan
