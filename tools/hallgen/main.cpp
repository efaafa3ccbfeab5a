// liyuan-hallgen: writes the Tang palace hall's architecture, furnishings and illustrative relic replicas as glTF
// into a content folder. The committed files under content/ are its output; tests/exhibition checks that running it
// again gives the same bytes.
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "architecture.h"
#include "furniture.h"
#include "gltf_writer.h"
#include "relics.h"

namespace {

using liyuan::hallgen::Model;

struct Output {
  const char* folder;  // under the content folder
  std::function<Model()> make;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h") {
    std::fprintf(stderr,
                 "usage: liyuan-hallgen CONTENT_DIR\n"
                 "Writes the Tang palace hall (CONTENT_DIR/hall/<piece>/) and its illustrative relic replicas\n"
                 "(CONTENT_DIR/relics/<relic>/) as glTF 2.0, and prints each model's triangles and size.\n");
    return 2;
  }
  using namespace liyuan::hallgen;
  const std::vector<Output> outputs = {
      {"hall", make_floor},
      {"hall", make_column},
      {"hall", make_ceiling},
      {"hall", make_walls},
      {"hall", [] { return make_lantern(false); }},
      {"hall", [] { return make_lantern(true); }},
      {"hall", make_banquet_table},
      {"hall", make_lattice_screen},
      {"hall", make_plinth},
      {"hall", make_display_case},
      {"relics", make_sancai_vase},
      {"relics", make_sancai_jar},
      {"relics", make_bronze_mirror},
      {"relics", make_bronze_ding},
  };
  const std::filesystem::path root = argv[1];
  std::printf("%-16s %9s  %s\n", "model", "triangles", "size x y z (m)");
  for (const Output& output : outputs) {
    Model model = output.make();
    std::string error = write_gltf(model, root / output.folder / model.name);
    if (!error.empty()) {
      std::fprintf(stderr, "liyuan-hallgen: %s\n", error.c_str());
      return 1;
    }
    auto box = model.bounds();
    glm::vec3 size = box[1] - box[0];
    std::printf("%-16s %9zu  %.4f %.4f %.4f\n", model.name.c_str(), model.triangle_count(), size.x, size.y, size.z);
  }
  return 0;
}
