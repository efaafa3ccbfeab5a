#include "scene_test_util.h"

#include <fstream>

#include "scene/build_scene.h"
#include "scene/build_timeline.h"
#include "scene/lint.h"
#include "scene/parse_scene.h"

namespace liyuan::scene::testing {

std::filesystem::path source_dir() { return LIYUAN_SOURCE_DIR; }
std::filesystem::path small_example() { return source_dir() / "scenes/examples/small/exhibition.yaml"; }

std::filesystem::path write_file(const std::filesystem::path& dir, const std::string& name, std::string_view text) {
  std::filesystem::path path = dir / name;
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
  return path;
}

std::filesystem::path write_exhibition(const std::filesystem::path& dir, std::string_view scene) {
  write_file(dir, "relics/bronze-mirror.yaml", "id: bronze-mirror\n");
  write_file(dir, "relics/music-box.yaml", "id: music-box\nclips: [open, play]\n");
  write_file(dir, "strings.yaml",
             "zh:\n  caption.a: 甲\n  caption.b: 乙\n  caption.c: 丙\n  panel.mirror: 镜\n"
             "en:\n  caption.a: A\n  caption.b: B\n  panel.mirror: Mirror\n");
  write_file(dir, "scene.yaml", scene);
  return write_file(dir, "exhibition.yaml",
                    "id: test\ndefault_locale: zh\nlocales: [zh, en]\n"
                    "relics: [relics/bronze-mirror.yaml, relics/music-box.yaml]\nstrings: [strings.yaml]\n"
                    "include: [scene.yaml]\n");
}

std::vector<std::string> lint_lines(const std::filesystem::path& path, const std::filesystem::path& dir) {
  std::string prefix = dir.string() + "/";
  std::vector<std::string> lines;
  for (const Diagnostic& d : lint({path})) {
    std::string line = d.to_string();
    for (size_t at = line.find(prefix); at != std::string::npos; at = line.find(prefix)) line.erase(at, prefix.size());
    lines.push_back(line);
  }
  return lines;
}

std::vector<std::string> matching(const std::vector<std::string>& lines, std::string_view needle) {
  std::vector<std::string> out;
  for (const std::string& line : lines) {
    if (line.find(needle) != std::string::npos) out.push_back(line);
  }
  return out;
}

BuiltScene build_from_text(std::string_view scene, Diagnostics& diagnostics) {
  std::vector<SceneFileDocument> docs{parse_scene_text(scene, "scene.yaml", diagnostics)};
  BuiltScene built;
  built.graph = build_scene_graph(docs, diagnostics);
  built.timeline = build_timeline(docs, built.graph, {}, diagnostics);
  return built;
}

}  // namespace liyuan::scene::testing
