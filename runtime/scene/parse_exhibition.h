// exhibition.yaml, and the two kinds of file it points at that lint must read: relic manifests (only `id` and the
// optional `clips`) and string tables (locale -> key -> text).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "scene/diagnostics.h"
#include "scene/scene_document.h"
#include "scene/yaml_tree.h"

namespace liyuan::scene {

// True when ROOT is an exhibition file rather than a scene file: a map with a top-level `id`.
bool is_exhibition_root(const YamlNode& root);

// Interprets ROOT as exhibition.yaml; nothing when it is unusable (reported).
std::optional<ExhibitionDocument> parse_exhibition(const YamlNode& root, const std::string& file,
                                                   Diagnostics& diagnostics);

// Parses TEXT as a relic manifest: a map with at least `id`, and optionally `clips:` (a list of clip names).
// Other keys belong to the content tool and are ignored.
std::optional<RelicManifest> parse_relic_manifest(std::string_view text, const std::string& file,
                                                  Diagnostics& diagnostics);

// Parses TEXT as a string table (a map locale -> map key -> text; or a gettext PO file when FILE ends in .po, see
// po_file.h) and adds its entries to TABLES. A key given twice
// for one locale, here or in an earlier table, is an error naming both places.
void parse_string_table(std::string_view text, const std::string& file, StringTables& tables,
                        Diagnostics& diagnostics);

}  // namespace liyuan::scene
