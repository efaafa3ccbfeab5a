#include "render_fixture.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <map>

namespace liyuan::test {

std::filesystem::path test_model(const std::string& relative) { return data_dir() / "models" / relative; }

std::filesystem::path test_pack(const std::filesystem::path& model) {
  static std::map<std::filesystem::path, std::filesystem::path> made;
  if (auto it = made.find(model); it != made.end()) return it->second;
  std::filesystem::path dir = std::filesystem::path(std::getenv("LIYUAN_TEST_OUTPUT")) / "packs";
  std::filesystem::create_directories(dir);
  std::filesystem::path pack = dir / (model.stem().string() + ".lypak");
  // ctest runs each case in its own process: reuse a pack another case made with this same liyuan-pack build.
  // (liyuan-pack writes atomically, so a pack that exists is whole.)
  std::error_code error;
  if (std::filesystem::exists(pack) &&
      std::filesystem::last_write_time(pack, error) >= std::filesystem::last_write_time(pack_exe(), error)) {
    made[model] = pack;
    return pack;
  }
  CommandResult result = run_command(pack_exe(), {"pack", model.string(), "-o", pack.string()});
  if (result.exit_code != 0) {
    ADD_FAILURE() << "liyuan-pack failed on " << model.string() << ":\n" << result.output;
    return {};
  }
  made[model] = pack;
  return pack;
}

CommandResult run_liyuan(const std::vector<std::string>& args) { return run_command(runtime_exe(), args); }

}  // namespace liyuan::test
