// check_references (lint_checks.h): relic ids and string keys, and translations.
#include <fmt/format.h>

#include <algorithm>

#include "scene/build_scene.h"
#include "scene/did_you_mean.h"
#include "scene/lint_checks.h"

namespace liyuan::scene {
namespace {

std::string suggestion_suffix(std::string_view name, const std::vector<std::string_view>& candidates) {
  std::string match = closest_match(name, candidates);
  return match.empty() ? std::string() : fmt::format("; did you mean '{}'?", match);
}

void check_translations(const ExhibitionDocument& exhibition, const StringTables& strings, Diagnostics& diagnostics) {
  const std::string& default_locale = exhibition.default_locale.name;
  auto base = strings.find(default_locale);
  for (const LocatedName& locale : exhibition.locales) {
    if (locale.name == default_locale) continue;
    auto table = strings.find(locale.name);
    if (table == strings.end()) {
      diagnostics.warning(locale.at, fmt::format("no string table has locale '{}'", locale.name));
      continue;
    }
    if (base == strings.end()) continue;
    size_t missing = 0;
    for (const auto& [key, entry] : base->second) {
      if (!table->second.contains(key)) {
        diagnostics.warning(entry.at, fmt::format("string '{}' has no '{}' translation", key, locale.name));
        ++missing;
      }
    }
    // One line per locale, so a curator sees at a glance how far each translation is (a note: the keys above are
    // the warnings).
    if (missing > 0) {
      diagnostics.note(locale.at, fmt::format("locale '{}': {} of {} strings have no translation (the '{}' text "
                                                 "is shown instead)",
                                                 locale.name, missing, base->second.size(), default_locale));
    }
  }
  for (const auto& [locale, table] : strings) {
    bool listed = false;
    for (const LocatedName& l : exhibition.locales) listed = listed || l.name == locale;
    if (!listed && !table.empty()) {
      diagnostics.warning(table.begin()->second.at,
                          fmt::format("locale '{}' is not in the exhibition's 'locales' and will not be offered",
                                      locale));
    }
  }
}

}  // namespace

void check_references(const ExhibitionSources& sources, Diagnostics& diagnostics) {
  if (!sources.exhibition) {
    for (const SceneFileDocument& scene : sources.scenes) {
      if (!scene.references.empty()) {
        diagnostics.note(Location{scene.file, 0, 0, {}},
                         "not linted as part of an exhibition: relic ids and string keys were not checked");
        break;
      }
    }
    return;
  }
  const ExhibitionDocument& exhibition = *sources.exhibition;
  std::vector<std::string_view> relic_ids;
  for (const RelicManifest& relic : sources.relics) relic_ids.push_back(relic.id.name);
  const std::string& default_locale = exhibition.default_locale.name;
  auto table = sources.strings.find(default_locale);
  std::vector<std::string_view> keys;
  if (table != sources.strings.end()) {
    for (const auto& [key, entry] : table->second) keys.push_back(key);
  }

  std::vector<ExternalReference> references;
  if (exhibition.title) references.push_back(ExternalReference{ExternalReference::Kind::String, *exhibition.title});
  for (const SceneFileDocument& scene : sources.scenes) {
    references.insert(references.end(), scene.references.begin(), scene.references.end());
  }
  for (const ExternalReference& ref : references) {
    const std::string& name = ref.what.name;
    if (ref.kind == ExternalReference::Kind::Relic) {
      if (std::find(relic_ids.begin(), relic_ids.end(), name) == relic_ids.end()) {
        diagnostics.error(ref.what.at, fmt::format("unknown relic '{}': no manifest in 'relics' has this id{}", name,
                                                   suggestion_suffix(name, relic_ids)));
      }
    } else if (std::find(keys.begin(), keys.end(), name) == keys.end()) {
      diagnostics.error(ref.what.at, fmt::format("string key '{}' is missing from the '{}' strings{}", name,
                                                 default_locale, suggestion_suffix(name, keys)));
    }
  }
  check_translations(exhibition, sources.strings, diagnostics);
}

}  // namespace liyuan::scene
