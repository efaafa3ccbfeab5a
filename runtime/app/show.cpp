#include "app/show.h"

#include "app/pack_tool.h"
#include <cstdio>

namespace liyuan::app {

bool is_scene_path(const std::filesystem::path& path) {
  std::string extension = path.extension().string();
  return extension == ".yaml" || extension == ".yml";
}

Result<std::unique_ptr<Show>> load_show(const std::filesystem::path& exhibition) {
  auto show = std::make_unique<Show>();
  scene::Diagnostics diagnostics;
  auto loaded = scene::load_exhibition(exhibition, diagnostics);
  // Every diagnostic, as lint prints it; the first error also becomes the command's one-line failure.
  for (const scene::Diagnostic& diagnostic : diagnostics.items())
    std::fprintf(stderr, "%s\n", diagnostic.to_string().c_str());
  if (!loaded) return loaded.error();
  show->exhibition = std::move(*loaded);

  auto pack = pack_exhibition(exhibition);
  if (!pack) return pack.error();
  auto reader = PackReader::open(*pack);
  if (!reader) return reader.error();
  show->reader = std::move(*reader);
  auto contents = load_pack_contents(show->reader);
  if (!contents) return contents.error();
  show->contents = std::move(*contents);
  auto catalogue = load_catalogue(show->reader);
  if (!catalogue) return catalogue.error();
  show->catalogue = std::move(*catalogue);
  auto animations = anim::AnimationSet::load(show->reader, show->contents);
  if (!animations) return animations.error();
  show->animations = std::move(*animations);
  auto records = load_relic_records(show->reader, show->catalogue.relics().size());
  if (!records) return records.error();
  for (size_t i = 0; i < records->size(); ++i)
    show->relics[std::string(show->catalogue.text(show->catalogue.relics()[i].id))] = (*records)[i];
  return show;
}

Result<LoadedInput> load_input(const std::filesystem::path& path) {
  LoadedInput input;
  if (is_scene_path(path)) {
    auto show = load_show(path);
    if (!show) return show.error();
    input.show = std::move(*show);
    return input;
  }
  auto reader = PackReader::open(path);
  if (!reader) return reader.error();
  input.reader = std::make_unique<PackReader>(std::move(*reader));
  auto contents = load_pack_contents(*input.reader);
  if (!contents) return contents.error();
  input.contents = std::make_unique<PackContents>(std::move(*contents));
  return input;
}

}  // namespace liyuan::app
