#include "app_test_util.h"

#include <fmt/format.h>

#include <fstream>

namespace liyuan::test {

void write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

void save_by_rename(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::path temporary = path.parent_path() / (path.filename().string() + ".saving");
  write_text(temporary, text);
  std::filesystem::rename(temporary, path);
}

std::string cube_hall(double x) {
  return fmt::format(
      "nodes:\n  - name: cube\n    translation: [{}, 0, 0]\n    relic: {{id: cube}}\n"
      "  - name: eye\n    translation: [0, 0.5, 3]\n    viewpoint: {{fov: 50}}\n"
      "timeline:\n  duration: 100\n",
      x);
}

std::string cube_manifest(double size) {
  return fmt::format(
      "id: cube\nsource: cube.obj\ntitle: {{en: Cube}}\ncredit: Liyuan project\nlicence: CC0-1.0\n"
      "size: [{0}, {0}, {0}]\n",
      size);
}

std::filesystem::path write_cube_exhibition(const std::filesystem::path& dir, const std::string& hall, double size) {
  std::filesystem::create_directories(dir / "relics");
  std::filesystem::copy_file(data_dir() / "models" / "cube" / "cube.obj", dir / "relics" / "cube.obj",
                             std::filesystem::copy_options::overwrite_existing);
  write_text(dir / "relics" / "cube.yaml", cube_manifest(size));
  write_text(dir / "exhibition.yaml",
             "id: cube-hall\ntitle: t\ndefault_locale: en\nlocales: [en]\nrelics: [relics/cube.yaml]\n"
             "strings: [strings.yaml]\ninclude: [hall.yaml]\n");
  write_text(dir / "strings.yaml", "en:\n  t: Cube hall\n");
  write_text(dir / "hall.yaml", hall);
  return dir / "exhibition.yaml";
}

}  // namespace liyuan::test
