// Relic manifests: what a curator writes next to a scan so that it becomes a catalogued relic (docs/pack-format.md,
// "Relic manifests"). YAML or JSON.
#pragma once

#include "core/error.h"
#include "core/math.h"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace liyuan::packer {

struct RelicManifest {
  std::string file;                           // the manifest as named to the user (for messages)
  std::string text;                           // its bytes (part of the cache key)
  std::string id;                             // lowercase slug
  std::string source;                         // as written: relative to the manifest
  std::filesystem::path source_path;          // the manifest's folder / source
  std::map<std::string, std::string> title;   // locale → text; at least one
  std::map<std::string, std::string> description;
  std::map<std::string, std::string> period;  // dynasty or period
  std::string inventory;
  std::string provenance;
  std::string credit;
  std::string licence;
  float height = 0.f;                         // metres; > 0 when the manifest gives `height`
  vec3 box{0.f};                              // metres; all > 0 when it gives `size: [x, y, z]`
  std::vector<std::string> clips;
  std::string front;                          // the source's front axis ("+z", "-x", ...); empty: the default
  std::string up;                             // the source's up axis ("+y", "+z", ...); empty: what the file says
  std::vector<std::string> warnings;          // "file:line:column: ..." (unknown keys)
};

// Reads and validates the manifest at PATH (DISPLAY names it in messages). Required: id, source, title, credit,
// licence, and exactly one of height / size. Optional: description, period, inventory, provenance, clips, front, up.
// Errors carry file:line:column: invalid UTF-8, YAML syntax, a missing required field (at the document), a wrong
// type, an id that is not a slug, an absolute or missing source, a locale that is not a BCP-47 tag, an empty title, a
// size that is not positive and finite, an unknown `front` or `up` axis, a description or period in a locale without
// a title, a duplicate key. Unknown keys are warnings.
Result<RelicManifest> load_manifest(const std::filesystem::path& path, const std::string& display);

// The same for TEXT (a manifest's bytes) as if read from PATH.
Result<RelicManifest> parse_manifest(std::string text, const std::filesystem::path& path, const std::string& display);

}  // namespace liyuan::packer
