// MP4 from a recording's numbered PNG frames, by running Debian's ffmpeg as a child process with fixed settings
// (H.264 by libx264, yuv420p, CRF 18, no metadata that changes between runs).
#pragma once

#include <filesystem>
#include <string_view>

#include "core/error.h"

namespace liyuan::app {

// PROGRAM's full path when an executable of that name is on PATH, else an empty path.
std::filesystem::path find_on_path(std::string_view program);

// Encodes FRAME_COUNT frames FRAMES_DIR/frame-00001.png … at FPS into MP4 with FFMPEG (find_on_path("ffmpeg")),
// with SOUND (a WAV file of the same length; empty: none) as its AAC sound track.
// The file appears whole or not at all (written beside it, then renamed). Odd sizes lose their last row or column
// (yuv420p needs even ones). Errors carry ffmpeg's exit status; its own message is on stderr.
Status encode_mp4(const std::filesystem::path& ffmpeg, const std::filesystem::path& frames_dir, uint32_t frame_count,
                  double fps, const std::filesystem::path& mp4, const std::filesystem::path& sound = {});

}  // namespace liyuan::app
