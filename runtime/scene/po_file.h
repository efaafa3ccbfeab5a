// Translators' files: gettext PO (https://www.gnu.org/software/gettext/manual/html_node/PO-Files.html), so they can
// use their own tools (Poedit, Weblate, msgfmt). Entries with msgctxt, msgid, msgid_plural, msgstr and msgstr[N];
// strings split over several lines; C escapes; the header's Language, Plural-Forms and charset (UTF-8 only).
// Obsolete (#~) entries are skipped. Every error names file:line:column.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "scene/diagnostics.h"
#include "scene/plural_forms.h"
#include "scene/scene_document.h"

namespace liyuan::scene {

struct PoEntry {
  std::optional<std::string> context;     // msgctxt
  std::string id;                         // msgid
  std::optional<std::string> id_plural;   // msgid_plural
  std::vector<std::string> translations;  // msgstr, or msgstr[0..] for plural entries
  bool fuzzy = false;                     // "#, fuzzy": not a translation yet
  Location at;                            // the entry's first keyword
};

struct PoFile {
  std::string language;  // the header's Language, with '_' read as '-' ("zh_Hans" is "zh-Hans")
  PluralRule plural;     // from Plural-Forms; one form when absent
  std::vector<PoEntry> entries;  // without the header entry
};

// Parses TEXT, the contents of FILE. Fails at the first problem: a keyword out of place or unknown, a missing or
// unterminated string, a bad escape, msgstr[N] out of order or missing for a plural entry, an entry given twice (same
// msgctxt and msgid), invalid UTF-8, no header or no Language in it, a charset other than UTF-8, a malformed
// Plural-Forms, or a plural entry whose msgstr count differs from nplurals.
Result<PoFile> parse_po(std::string_view text, const std::string& file);

// Adds the translations of the PO file TEXT (FILE) to TABLES under the header's Language. An entry's string key is
// its msgctxt when it has one (msgid then holds the default-language text translators work from), else its msgid.
// Untranslated (empty msgstr) and fuzzy entries are left out, so lint reports them missing and the runtime falls back
// to the default locale. Parse errors and keys given twice go to DIAGNOSTICS.
void add_po_strings(std::string_view text, const std::string& file, StringTables& tables, Diagnostics& diagnostics);

}  // namespace liyuan::scene
