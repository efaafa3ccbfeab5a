#include "scene/string_lookup.h"

#include <string>

namespace liyuan::scene {
namespace {

const StringEntry* find_in(const StringTables& tables, std::string_view locale, std::string_view key) {
  auto table = tables.find(std::string(locale));
  if (table == tables.end()) return nullptr;
  auto entry = table->second.find(std::string(key));
  return entry == table->second.end() ? nullptr : &entry->second;
}

}  // namespace

const StringEntry* find_string(const StringTables& tables, std::string_view locale, std::string_view default_locale,
                               std::string_view key) {
  if (const StringEntry* entry = find_in(tables, locale, key)) return entry;
  return find_in(tables, default_locale, key);
}

std::string_view plural_text(const StringEntry& entry, uint64_t n) {
  if (entry.plural_forms.empty() || !entry.plural_rule) return entry.text;
  uint32_t form = entry.plural_rule->index(n);
  return form < entry.plural_forms.size() ? std::string_view(entry.plural_forms[form]) : std::string_view(entry.text);
}

}  // namespace liyuan::scene
