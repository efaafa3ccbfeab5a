#include "app/show.h"

#include "app/pack_tool.h"
#include "assets/pack_files.h"
#include <cstdio>

namespace liyuan::app {

bool is_scene_path(const std::filesystem::path& path) {
  std::string extension = path.extension().string();
  return extension == ".yaml" || extension == ".yml";
}

namespace {

// Prints every diagnostic as lint prints it; the first error also becomes the command's one-line failure.
void print_diagnostics(const scene::Diagnostics& diagnostics) {
  for (const scene::Diagnostic& diagnostic : diagnostics.items())
    std::fprintf(stderr, "%s\n", diagnostic.to_string().c_str());
}

// Loads SHOW's pack-side parts (contents, catalogue, animations, relic ranges) from SHOW->reader.
Status load_pack_side(Show& show) {
  auto contents = load_pack_contents(show.reader);
  if (!contents) return contents.error();
  show.contents = std::move(*contents);
  auto catalogue = load_catalogue(show.reader);
  if (!catalogue) return catalogue.error();
  show.catalogue = std::move(*catalogue);
  auto animations = anim::AnimationSet::load(show.reader, show.contents);
  if (!animations) return animations.error();
  show.animations = std::move(*animations);
  auto records = load_relic_records(show.reader, show.catalogue.relics().size());
  if (!records) return records.error();
  for (size_t i = 0; i < records->size(); ++i)
    show.relics[std::string(show.catalogue.text(show.catalogue.relics()[i].id))] = (*records)[i];
  return {};
}

// The exhibition a pack carries (SCEN#0 and what it names), checked as lint checks it; messages name the pack and
// the carried file ("show.lypak/hall.yaml:12:5: ...").
Result<std::unique_ptr<Show>> load_show_from_pack(PackReader reader) {
  auto show = std::make_unique<Show>();
  show->reader = std::move(reader);
  auto scenes = load_pack_files(show->reader, pack::ChunkType::Scene);
  if (!scenes) return scenes.error();
  auto strings = load_pack_files(show->reader, pack::ChunkType::Strings);
  if (!strings) return strings.error();
  // Normalised as the loader normalises the paths it asks for ("./show.lypak" must find "show.lypak/hall.yaml").
  const std::filesystem::path root = show->reader.path().lexically_normal();
  scene::DocumentSource source = [&](const std::filesystem::path& path) -> Result<std::string> {
    std::string relative = path.lexically_relative(root).generic_string();
    for (const auto* files : {&*scenes, &*strings})
      if (const PackFile* file = find_pack_file(*files, relative)) return std::string(file->text);
    return make_error("not carried in the pack");
  };
  scene::Diagnostics diagnostics;
  auto loaded = scene::load_exhibition(root / std::string((*scenes)[0].path), diagnostics, source);
  print_diagnostics(diagnostics);
  if (!loaded) return loaded.error();
  show->exhibition = std::move(*loaded);
  if (Status s = load_pack_side(*show); !s) return s.error();
  return show;
}

}  // namespace

Result<std::unique_ptr<Show>> load_show(const std::filesystem::path& exhibition) {
  auto show = std::make_unique<Show>();
  scene::Diagnostics diagnostics;
  auto loaded = scene::load_exhibition(exhibition, diagnostics);
  print_diagnostics(diagnostics);
  if (!loaded) return loaded.error();
  show->exhibition = std::move(*loaded);

  auto pack = pack_exhibition(exhibition);
  if (!pack) return pack.error();
  auto reader = PackReader::open(*pack);
  if (!reader) return reader.error();
  show->reader = std::move(*reader);
  if (Status s = load_pack_side(*show); !s) return s.error();
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
  if (reader->count(pack::ChunkType::Scene) > 0) {
    // An exhibition pack: one file is one exhibition.
    auto show = load_show_from_pack(std::move(*reader));
    if (!show) return show.error();
    input.show = std::move(*show);
    return input;
  }
  input.reader = std::make_unique<PackReader>(std::move(*reader));
  auto contents = load_pack_contents(*input.reader);
  if (!contents) return contents.error();
  input.contents = std::make_unique<PackContents>(std::move(*contents));
  return input;
}

}  // namespace liyuan::app
