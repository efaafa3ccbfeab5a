#include "app/video_encode.h"

#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

extern char** environ;

namespace liyuan::app {

std::filesystem::path find_on_path(std::string_view program) {
  const char* path = std::getenv("PATH");
  if (!path) return {};
  std::string_view folders(path);
  while (!folders.empty()) {
    size_t end = folders.find(':');
    std::string_view folder = folders.substr(0, end);
    folders = end == std::string_view::npos ? std::string_view{} : folders.substr(end + 1);
    if (folder.empty()) continue;
    std::filesystem::path candidate = std::filesystem::path(folder) / program;
    std::error_code error;
    if (std::filesystem::is_regular_file(candidate, error) && access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return {};
}

Status encode_mp4(const std::filesystem::path& ffmpeg, const std::filesystem::path& frames_dir, uint32_t frame_count,
                  double fps, const std::filesystem::path& mp4, const std::filesystem::path& sound) {
  std::filesystem::path partial = mp4.parent_path() / ("." + mp4.stem().string() + ".partial.mp4");
  std::vector<std::string> args = {
      ffmpeg.string(), "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-framerate", fmt::format("{}", fps),
      "-start_number", "1", "-i", (frames_dir / "frame-%05d.png").string()};
  if (sound.empty()) {
    args.insert(args.end(), {"-frames:v", std::to_string(frame_count)});
  } else {
    // Both streams are as long as the frames; "-frames:v" would stop the muxer before any sound reached it.
    args.insert(args.end(), {"-i", sound.string(), "-map", "0:v", "-map", "1:a", "-c:a", "aac", "-b:a", "128k",
                             "-flags:a", "+bitexact", "-shortest"});
  }
  args.insert(args.end(), {"-vf", "crop=trunc(iw/2)*2:trunc(ih/2)*2", "-c:v",
                           "libx264", "-preset", "medium", "-crf", "18", "-pix_fmt", "yuv420p",
                           // The same frames give the same bytes: no encoder version, creation time or other metadata.
                           "-map_metadata", "-1", "-fflags", "+bitexact", "-flags:v", "+bitexact", "-movflags",
                           "+faststart", partial.string()});
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (int rc = posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ); rc != 0)
    return make_error(fmt::format("cannot run {}: {}", ffmpeg.string(), std::strerror(rc)));
  int status = 0;
  if (waitpid(pid, &status, 0) < 0) return make_error("ffmpeg: lost track of the process");
  std::error_code error;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::filesystem::remove(partial, error);
    return make_error(fmt::format("{}: ffmpeg failed (exit status {}; its message is above)", mp4.string(),
                                  WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status)));
  }
  std::filesystem::rename(partial, mp4, error);
  if (error) return make_error(mp4.string() + ": cannot move the encoded video into place: " + error.message());
  return {};
}

}  // namespace liyuan::app
