// Files a pack carries verbatim (SCEN: scene and exhibition files; STRS: string tables), keyed by their path relative
// to the exhibition file's folder (docs/pack-format.md, "SCEN and STRS").
#pragma once

#include "assets/pack_format.h"
#include "assets/pack_reader.h"
#include "core/error.h"

#include <string_view>
#include <vector>

namespace liyuan {

// One carried file: PATH ('/'-separated, relative) and its TEXT exactly as authored, so parsers report the
// original line and column. Views into STORAGE.
struct PackFile {
  std::string_view path;
  std::string_view text;
  ChunkBytes storage;
  std::string chunk;  // "SCEN#2" for messages
};

// Every chunk of TYPE (ChunkType::Scene or ChunkType::Strings) in index order. Fails, naming the chunk, when a header
// or the path lies outside the chunk, the path is empty, absolute, has "." / ".." / empty parts or a backslash, the
// path or the text is not valid UTF-8, or two chunks carry the same path.
Result<std::vector<PackFile>> load_pack_files(const PackReader& reader, pack::ChunkType type);

// The file at PATH among FILES, or null.
const PackFile* find_pack_file(const std::vector<PackFile>& files, std::string_view path);

}  // namespace liyuan
