// Looking a string up at run time: the visitor's locale, else the exhibition's default locale (lint reports what is
// missing), with gettext plural forms chosen by the locale's Plural-Forms rule.
#pragma once

#include <cstdint>
#include <string_view>

#include "scene/scene_document.h"

namespace liyuan::scene {

// The entry for KEY in LOCALE, else in DEFAULT_LOCALE, else null.
const StringEntry* find_string(const StringTables& tables, std::string_view locale, std::string_view default_locale,
                               std::string_view key);

// ENTRY's text for a count of N: its plural form for N when it has plural forms, else its text.
std::string_view plural_text(const StringEntry& entry, uint64_t n);

}  // namespace liyuan::scene
