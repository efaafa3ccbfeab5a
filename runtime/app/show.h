// An exhibition ready to show: its scene graph and timeline (parsed from the sources, lint-checked) and its pack
// (relic geometry, materials, textures, catalogue), with each catalogue relic's geometry ranges.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "assets/catalogue.h"
#include "assets/pack_contents.h"
#include "assets/pack_reader.h"
#include "anim/animation_set.h"
#include "core/error.h"
#include "scene/exhibition.h"

namespace liyuan::app {

struct Show {
  scene::Exhibition exhibition;
  PackReader reader;       // outlives CONTENTS, which may view into its mapping
  PackContents contents;
  Catalogue catalogue;
  anim::AnimationSet animations;  // skeletons and clips of the pack's relics
  std::unordered_map<std::string, pack::RelicRecord> relics;  // by catalogue id
};

// Whether PATH names exhibition sources (a .yaml/.yml file) rather than a pack.
bool is_scene_path(const std::filesystem::path& path);

// What `render` and `play` draw from: an exhibition's show, or a bare pack's contents.
struct LoadedInput {
  std::unique_ptr<Show> show;          // set for exhibition sources
  std::unique_ptr<PackReader> reader;  // set for a pack given directly
  std::unique_ptr<PackContents> contents;

  const PackContents& pack() const { return show ? show->contents : *contents; }
};

// Loads PATH: exhibition sources (is_scene_path) through load_show; an exhibition pack (one carrying scenes) as the
// show it carries; else a bare pack (opened and its contents validated).
Result<LoadedInput> load_input(const std::filesystem::path& path);

// Loads EXHIBITION (exhibition.yaml): parses and checks every document (warnings are printed, errors fail with
// file:line:column), packs it with liyuan-pack (pack_tool.h), and loads the pack.
Result<std::unique_ptr<Show>> load_show(const std::filesystem::path& exhibition);

}  // namespace liyuan::app
