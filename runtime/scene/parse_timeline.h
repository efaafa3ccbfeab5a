// The `timeline:` section of a scene file: duration, attract section, chapters, markers, events, property tracks,
// camera paths, clips, captions and audio cues.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "scene/map_reader.h"
#include "scene/scene_document.h"

namespace liyuan::scene {

// Interprets NODE as a timeline; string keys it uses (chapter titles, captions) are appended to REFERENCES.
// Returns nothing when NODE is not a map or has no valid duration (both reported).
std::optional<TimelineDocument> parse_timeline(const YamlNode& node, ValueReader& reader,
                                               std::vector<ExternalReference>& references);

// The property named NAME as written in tracks ("translation", "light.color" ...), or nothing.
std::optional<TrackProperty> property_from_name(std::string_view name);
// Every property name, in enum order.
std::span<const std::string_view> property_names();
// The interpolation named NAME ("step", "linear", "cubic"), or nothing.
std::optional<Interpolation> interpolation_from_name(std::string_view name);

}  // namespace liyuan::scene
