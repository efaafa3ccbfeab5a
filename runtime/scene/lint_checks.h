// The checks lint runs beyond parsing and building: references that only the exhibition can resolve, and a
// timeline's sense in time. Used by exhibition.cpp; each check reports and never stops at the first problem.
#pragma once

#include "scene/diagnostics.h"
#include "scene/exhibition_loader.h"
#include "scene/scene_document.h"

namespace liyuan::scene {

// Relic ids against the relic manifests, string keys against the default locale's table (an error when missing),
// every default-locale string against the other locales (a warning naming the locale). Without an exhibition
// (a lone scene file) only a note says these were not checked.
void check_references(const ExhibitionSources& sources, Diagnostics& diagnostics);

// The `sounds:` table: keys given once, a known bus, locales the exhibition offers (a warning otherwise), a narration
// file for every offered locale (a warning per missing locale); every clip key of audio cues and audio sources in
// the table (an error, with "did you mean"). Without a table (an exhibition whose sounds are not made yet) clip keys
// are not checked; the runtime says once that the show is silent.
void check_sounds(const ExhibitionSources& sources, Diagnostics& diagnostics);

// Keys sorted and inside the duration; 'active' tracks stepped; captions not overlapping; camera paths not
// overlapping; the attract section inside the timeline; chapters in order; cues, markers and events inside it.
void check_timeline(const TimelineDocument& timeline, Diagnostics& diagnostics);

}  // namespace liyuan::scene
