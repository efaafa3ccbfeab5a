// The keys each object of a scene document allows: one table per object, used by the parsers (unknown keys and
// "did you mean") and by the test that keeps scenes/schema/*.schema.json in step with the parser.
#pragma once

#include <string_view>

namespace liyuan::scene::keys {

// exhibition.yaml
inline constexpr std::string_view kExhibition[] = {"id", "title", "default_locale", "locales", "relics", "strings",
                                                   "include", "sounds"};
// An entry of exhibition.yaml's `sounds:` (docs/scene-format.md, "Sounds"), and the mixer buses it may name.
inline constexpr std::string_view kSound[] = {"key", "bus", "file", "files"};
inline constexpr std::string_view kSoundBuses[] = {"narration", "ambience", "music", "effects"};
// A scene file (hall, relics, tour ...).
inline constexpr std::string_view kSceneFile[] = {"include", "nodes", "environment", "timeline"};
inline constexpr std::string_view kEnvironment[] = {"fog_density", "fog_color"};
inline constexpr std::string_view kNode[] = {"name",  "parent",   "translation", "rotation",     "euler",
                                             "scale", "active",   "relic",       "light",        "viewpoint",
                                             "hotspot", "display_case", "audio_source", "caption_anchor"};
inline constexpr std::string_view kRelic[] = {"id"};
inline constexpr std::string_view kLight[] = {"type", "color", "intensity", "range", "flicker"};
inline constexpr std::string_view kFlicker[] = {"amount", "speed"};
inline constexpr std::string_view kViewpoint[] = {"fov"};
inline constexpr std::string_view kHotspot[] = {"relic", "radius", "panel"};
inline constexpr std::string_view kDisplayCase[] = {"size"};
inline constexpr std::string_view kAudioSource[] = {"clip", "volume", "loop"};
inline constexpr std::string_view kCaptionAnchor[] = {"width"};

// timeline:
inline constexpr std::string_view kTimeline[] = {"duration", "attract", "chapters", "markers", "events",
                                                 "tracks",   "camera_paths", "clips", "captions", "audio"};
inline constexpr std::string_view kAttract[] = {"start", "end"};
inline constexpr std::string_view kChapter[] = {"name", "at", "title"};
inline constexpr std::string_view kTimedName[] = {"name", "at"};  // markers and events
inline constexpr std::string_view kTrack[] = {"node", "property", "interpolation", "easing", "keys"};
inline constexpr std::string_view kKey[] = {"t", "value", "euler", "interpolation", "easing"};
inline constexpr std::string_view kCameraPath[] = {"viewpoints", "start", "duration", "easing", "smooth", "glide"};
inline constexpr std::string_view kClip[] = {"node", "clip", "start", "end", "speed", "loop"};
inline constexpr std::string_view kCaption[] = {"at", "key", "duration", "anchor"};
inline constexpr std::string_view kAudioCue[] = {"at", "clip", "node", "volume", "duration"};

}  // namespace liyuan::scene::keys
