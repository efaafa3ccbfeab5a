// Scene documents as written: what the parsers produce and lint checks, before names are resolved into indices.
// Everything a check may complain about keeps the Location it was read from.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "scene/components.h"
#include "scene/plural_forms.h"
#include "scene/timeline.h"

namespace liyuan::scene {

// A name, id or key as written, and where.
struct LocatedName {
  std::string name;
  Location at;
};

// A reference that only the exhibition can resolve: a relic id (catalogue) or a string key (string tables).
struct ExternalReference {
  enum class Kind : uint8_t { Relic, String };
  Kind kind = Kind::Relic;
  LocatedName what;
};

// A node as written. Components are stored with node = -1; build_scene.h fills the index in.
struct NodeDocument {
  LocatedName name;
  std::optional<LocatedName> parent;
  Transform transform;
  bool active = true;
  std::optional<RelicInstance> relic;
  std::optional<Light> light;
  std::optional<Viewpoint> viewpoint;
  std::optional<Hotspot> hotspot;
  std::optional<DisplayCase> display_case;
  std::optional<AudioSource> audio_source;
  std::optional<CaptionAnchor> caption_anchor;
};

struct KeyDocument {
  Keyframe key;
  Location at;  // the key's `t`
  bool has_value = false;
};

struct TrackDocument {
  Location at;                        // the track's map
  std::optional<LocatedName> node;    // absent for environment properties
  TrackProperty property = TrackProperty::Translation;
  Location property_at;
  std::vector<KeyDocument> keys;
};

struct CameraPathDocument {
  Location at;
  std::vector<LocatedName> viewpoints;
  double start = 0.0;
  double duration = 1.0;
  Easing easing = Easing::EaseInOutSine;
  bool smooth = true;
  bool glide = false;  // headsets: carry the visitor along the path instead of fading between viewpoints
};

struct ClipDocument {
  Location at;
  LocatedName node;
  LocatedName clip;
  double start = 0.0;
  double end = kForever;
  double speed = 1.0;
  bool loop = false;
};

struct CaptionDocument {
  Location at;
  CaptionCue cue;
  std::optional<LocatedName> anchor;
};

struct AudioCueDocument {
  Location at;
  AudioCue cue;
  std::optional<LocatedName> node;
};

template <typename T>
struct Located {
  T value;
  Location at;
};

struct TimelineDocument {
  Location at;
  double duration = 0.0;
  std::optional<Located<AttractSection>> attract;
  std::vector<Located<Chapter>> chapters;
  std::vector<Located<TimedName>> markers;
  std::vector<Located<TimedName>> events;
  std::vector<TrackDocument> tracks;
  std::vector<CameraPathDocument> camera_paths;
  std::vector<ClipDocument> clips;
  std::vector<CaptionDocument> captions;
  std::vector<AudioCueDocument> audio_cues;
};

// One scene file (hall.yaml, tour.yaml ...).
struct SceneFileDocument {
  std::string file;
  std::vector<LocatedName> includes;  // paths as written, relative to this file's folder
  std::vector<NodeDocument> nodes;
  std::optional<Located<Environment>> environment;
  std::optional<TimelineDocument> timeline;
  std::vector<ExternalReference> references;
};

// An entry of exhibition.yaml's `sounds:` table: a clip key and its file, or one file per locale (narration).
struct SoundDocument {
  Location at;                        // the entry's map
  LocatedName key;
  std::optional<LocatedName> bus;     // as written; absent: narration with `files`, else effects
  std::optional<LocatedName> file;    // the same file in every locale
  std::vector<std::pair<LocatedName, LocatedName>> files;  // locale, file
  // The bus the entry plays on (one of keys::kSoundBuses; an unknown name is lint's error and plays as effects).
  std::string bus_name() const;
};

// exhibition.yaml.
struct ExhibitionDocument {
  std::string file;
  LocatedName id;
  std::optional<LocatedName> title;  // a string key
  LocatedName default_locale;
  std::vector<LocatedName> locales;  // includes the default locale
  std::vector<LocatedName> relics;   // relic manifest paths
  std::vector<LocatedName> strings;  // string table paths
  std::vector<LocatedName> includes; // scene file paths
  std::optional<Location> sounds_at;  // where `sounds:` is, when given
  std::vector<SoundDocument> sounds;
};

// What lint needs of a relic manifest (the content tool owns the rest of the format).
struct RelicManifest {
  std::string file;
  LocatedName id;
  bool lists_clips = false;      // the manifest has a `clips:` list, so clip names can be checked
  std::set<std::string> clips;   // animation clip names of the relic's model
};

// A translated text and where it was written.
struct StringEntry {
  std::string text;
  Location at;
  // From a PO file's plural entry: every form (text is the first), and the locale's rule choosing one for a count.
  std::vector<std::string> plural_forms;
  std::shared_ptr<const PluralRule> plural_rule;
};

// locale -> key -> text.
using StringTables = std::map<std::string, std::map<std::string, StringEntry>>;

}  // namespace liyuan::scene
