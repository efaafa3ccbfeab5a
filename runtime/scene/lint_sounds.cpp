// check_sounds (lint_checks.h): the exhibition's sounds table and the clip keys that use it.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "scene/did_you_mean.h"
#include "scene/lint_checks.h"
#include "scene/scene_keys.h"

namespace liyuan::scene {
namespace {

std::string suggestion(std::string_view name, const std::vector<std::string_view>& candidates) {
  std::string match = closest_match(name, candidates);
  return match.empty() ? std::string() : fmt::format("; did you mean '{}'?", match);
}

// Every clip key the scenes use, with where.
std::vector<LocatedName> used_clip_keys(const ExhibitionSources& sources) {
  std::vector<LocatedName> used;
  for (const SceneFileDocument& scene : sources.scenes) {
    for (const NodeDocument& node : scene.nodes) {
      if (node.audio_source) used.push_back(LocatedName{node.audio_source->clip_key, node.name.at});
    }
    if (!scene.timeline) continue;
    for (const AudioCueDocument& cue : scene.timeline->audio_cues) {
      used.push_back(LocatedName{cue.cue.clip_key, cue.at});
    }
  }
  return used;
}

void check_entry(const ExhibitionDocument& exhibition, const SoundDocument& sound, Diagnostics& diagnostics) {
  if (sound.bus) {
    std::vector<std::string_view> buses(std::begin(keys::kSoundBuses), std::end(keys::kSoundBuses));
    if (std::find(buses.begin(), buses.end(), sound.bus->name) == buses.end()) {
      diagnostics.error(sound.bus->at, fmt::format("unknown bus '{}' (narration, ambience, music or effects){}",
                                                   sound.bus->name, suggestion(sound.bus->name, buses)));
    }
  }
  if (sound.files.empty()) return;
  std::map<std::string, const LocatedName*> by_locale;
  for (const auto& [locale, file] : sound.files) {
    if (!by_locale.emplace(locale.name, &locale).second) {
      diagnostics.error(locale.at, fmt::format("sound '{}' gives locale '{}' twice", sound.key.name, locale.name));
    }
    bool offered = false;
    for (const LocatedName& l : exhibition.locales) offered = offered || l.name == locale.name;
    if (!offered) {
      diagnostics.warning(locale.at, fmt::format("locale '{}' is not in the exhibition's 'locales' and will not be "
                                                 "heard", locale.name));
    }
  }
  for (const LocatedName& locale : exhibition.locales) {
    if (!by_locale.contains(locale.name)) {
      const bool has_default = by_locale.contains(exhibition.default_locale.name);
      diagnostics.warning(sound.key.at, fmt::format("sound '{}' has no '{}' file; {}", sound.key.name, locale.name,
                                                    has_default ? fmt::format("the '{}' one plays instead",
                                                                              exhibition.default_locale.name)
                                                                : std::string("another locale's plays instead")));
    }
  }
}

}  // namespace

void check_sounds(const ExhibitionSources& sources, Diagnostics& diagnostics) {
  if (!sources.exhibition) return;
  const ExhibitionDocument& exhibition = *sources.exhibition;
  const std::vector<LocatedName> used = used_clip_keys(sources);
  if (!exhibition.sounds_at) return;  // an exhibition without sounds yet: its clip keys are not checked
  std::map<std::string, const SoundDocument*> keys;
  std::vector<std::string_view> names;
  for (const SoundDocument& sound : exhibition.sounds) {
    if (sound.key.name.empty()) continue;
    auto [it, inserted] = keys.emplace(sound.key.name, &sound);
    if (!inserted) {
      diagnostics.error(sound.key.at, fmt::format("sound '{}' is given twice (first at {})", sound.key.name,
                                                  Error{"", it->second->key.at}.to_string()));
      continue;
    }
    names.push_back(sound.key.name);
    check_entry(exhibition, sound, diagnostics);
  }
  for (const LocatedName& key : used) {
    if (!keys.contains(key.name)) {
      diagnostics.error(key.at, fmt::format("unknown sound '{}': the exhibition's 'sounds' table has no such key{}",
                                            key.name, suggestion(key.name, names)));
    }
  }
}

}  // namespace liyuan::scene
