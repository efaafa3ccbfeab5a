#include "app/pack_tool.h"

#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "core/cache_dir.h"
#include "core/hash.h"

extern char** environ;

namespace liyuan::app {
std::filesystem::path this_executable() {
  std::error_code error;
  return std::filesystem::read_symlink("/proc/self/exe", error);
}

std::filesystem::path find_pack_tool() {
  std::filesystem::path here = this_executable().parent_path();
  for (const auto& candidate : {here / "liyuan-pack", here / ".." / ".." / "tools" / "pack" / "liyuan-pack"}) {
    std::error_code error;
    if (std::filesystem::is_regular_file(candidate, error)) return std::filesystem::weakly_canonical(candidate, error);
  }
  return "liyuan-pack";  // found through PATH by posix_spawnp
}

Result<std::filesystem::path> pack_exhibition(const std::filesystem::path& exhibition) {
  std::error_code error;
  std::filesystem::path source = std::filesystem::weakly_canonical(exhibition, error);
  if (error || !std::filesystem::is_regular_file(source, error))
    return make_error(exhibition.string() + ": no such exhibition file");
  std::filesystem::path cache = user_cache_dir();
  if (cache.empty()) {
    std::filesystem::path temporary = std::filesystem::temp_directory_path(error);
    cache = (error ? std::filesystem::path("/tmp") : temporary) / "liyuan";
  }
  // One folder per exhibition source path, so two exhibitions never share a pack.
  cache = cache / "exhibitions" / fmt::format("{:016x}", hash_string(source.string()));
  std::filesystem::create_directories(cache, error);
  if (error) return make_error(cache.string() + ": cannot create the pack cache: " + error.message());
  std::filesystem::path pack = cache / (source.stem().string() + ".lypak");

  std::vector<std::string> args = {find_pack_tool().string(), "pack", source.string(), "-o", pack.string(),
                                   "--cache", (cache / "relics").string(), "--quiet", "--allow-missing"};
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (int rc = posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ); rc != 0)
    return make_error(std::string("cannot run liyuan-pack (") + args[0] + "): " + std::strerror(rc));
  int status = 0;
  if (waitpid(pid, &status, 0) < 0) return make_error("liyuan-pack: lost track of the process");
  if (WIFSIGNALED(status))
    return make_error(fmt::format("{}: liyuan-pack was killed by signal {} ({})", exhibition.string(),
                                  WTERMSIG(status), strsignal(WTERMSIG(status))));
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return make_error(exhibition.string() + ": liyuan-pack failed (its message is above)");
  return pack;
}

}  // namespace liyuan::app
