// Exhibition files: the list of what one pack holds (relic manifests, string tables, scene files and, through the
// scenes' own `include:`, every scene they pull in). The document shape is shared with runtime/scene
// (docs/scene-format.md); the packer reads only id, relics, strings and include and ignores other keys.
#pragma once

#include "core/error.h"
#include "sounds.h"

#include <filesystem>
#include <string>
#include <vector>

namespace liyuan::packer {

// A file the pack carries verbatim, keyed by its path relative to the exhibition file's folder.
struct CarriedFile {
  std::string path;  // '/'-separated, no "." or ".." parts
  std::string text;  // the bytes as authored
};

struct Exhibition {
  std::string file;                       // as named to the user
  std::filesystem::path folder;           // the exhibition file's folder: the root of every relative path
  std::string id;                         // lowercase slug
  CarriedFile document;                   // the exhibition file itself (SCEN#0)
  std::vector<std::string> manifests;     // relics: paths relative to `folder`, in document order
  std::vector<CarriedFile> strings;       // strings: in document order
  std::vector<CarriedFile> scenes;        // include: depth-first in document order, each file once
  std::vector<SoundFile> sounds;          // sounds: the files that could be read (sounds.h)
  std::vector<std::string> warnings;      // sound files left out, each naming the file
};

// Reads the exhibition at PATH (DISPLAY names it in messages) and every scene it includes, recursively. Errors at
// file:line:column: invalid UTF-8, YAML syntax, a missing or malformed `id`, `relics`/`strings`/`include` that are
// not lists of paths, an absolute path, a path that leaves the exhibition's folder, a file that does not exist, a
// manifest listed twice; a malformed `sounds:` table (sounds.h). Sound files that cannot be used are warnings.
Result<Exhibition> load_exhibition(const std::filesystem::path& path, const std::string& display);

// The display name for RELATIVE (a path relative to EXHIBITION's folder): the folder as the user named it, joined.
std::string display_path(const Exhibition& exhibition, const std::string& relative);

}  // namespace liyuan::packer
