#include "scene/po_file.h"

#include <fmt/format.h>

#include <cctype>
#include <set>
#include <utility>

#include "core/utf8.h"

namespace liyuan::scene {
namespace {

class PoParser {
 public:
  PoParser(std::string_view text, const std::string& file) : text_(text), file_(file) {}

  Result<PoFile> parse() {
    std::optional<PoEntry> entry;
    bool fuzzy_pending = false;
    // What the last keyword was, so continuation strings go to the right field.
    std::string* continuing = nullptr;
    enum class Last { None, Context, Id, IdPlural, Str } last = Last::None;
    std::set<std::pair<std::string, std::string>> seen;
    bool header_seen = false;

    auto finish = [&]() -> Status {
      if (!entry) return {};
      if (last != Last::Str) return error_at(entry->at, "entry has no msgstr");
      PoEntry done = std::move(*entry);
      entry.reset();
      continuing = nullptr;
      last = Last::None;
      if (done.id.empty() && !done.context) {
        if (header_seen) return error_at(done.at, "a second header entry (msgid \"\")");
        header_seen = true;
        return read_header(done);
      }
      if (!seen.insert({done.context.value_or(std::string("\x01")), done.id}).second)
        return error_at(done.at, fmt::format("msgid \"{}\"{} is given twice", done.id,
                                             done.context ? fmt::format(" (msgctxt \"{}\")", *done.context) : ""));
      po_.entries.push_back(std::move(done));
      return {};
    };

    // A byte order mark is how some editors start a UTF-8 file: it is not text.
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
    while (pos_ < text_.size()) {
      const size_t line_start = pos_;
      size_t line_end = text_.find('\n', pos_);
      if (line_end == std::string_view::npos) line_end = text_.size();
      std::string_view line = text_.substr(line_start, line_end - line_start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      ++line_number_;
      pos_ = line_end + 1;
      size_t column = line.find_first_not_of(" \t");
      if (column == std::string_view::npos) continue;  // blank lines separate entries; nothing to do
      std::string_view rest = line.substr(column);
      if (rest[0] == '#') {
        if (rest.substr(0, 2) == "#~") continue;  // obsolete entry
        if (rest.substr(0, 2) == "#," && rest.find("fuzzy") != std::string_view::npos) fuzzy_pending = true;
        continue;
      }
      if (rest[0] == '"') {
        if (!continuing) return error(column, "a string continues nothing (no keyword before it)");
        auto value = read_string(line, column);
        if (!value) return value.error();
        *continuing += *value;
        continue;
      }
      size_t word_end = rest.find_first_of(" \t\"");
      std::string_view keyword = rest.substr(0, word_end);
      size_t value_column = line.find_first_not_of(" \t", column + keyword.size());
      if (value_column == std::string_view::npos || line[value_column] != '"')
        return error(value_column == std::string_view::npos ? line.size() : value_column,
                     fmt::format("expected a quoted string after '{}'", keyword));
      auto value = read_string(line, value_column);
      if (!value) return value.error();
      const Location here{file_, uint32_t(line_number_), uint32_t(column + 1), {}};

      if (keyword == "msgctxt") {
        if (Status s = finish(); !s) return s.error();
        entry = PoEntry{};
        entry->at = here;
        entry->context = std::move(*value);
        continuing = &*entry->context;
        last = Last::Context;
      } else if (keyword == "msgid") {
        if (entry && last != Last::Context) {
          if (Status s = finish(); !s) return s.error();
        }
        if (!entry) {
          entry = PoEntry{};
          entry->at = here;
        }
        entry->fuzzy = std::exchange(fuzzy_pending, false);
        entry->id = std::move(*value);
        continuing = &entry->id;
        last = Last::Id;
      } else if (keyword == "msgid_plural") {
        if (!entry || last != Last::Id) return error(column, "msgid_plural must follow msgid");
        entry->id_plural = std::move(*value);
        continuing = &*entry->id_plural;
        last = Last::IdPlural;
      } else if (keyword == "msgstr") {
        if (!entry || last != Last::Id) return error(column, entry && entry->id_plural
                                                                 ? "a plural entry needs msgstr[0], msgstr[1], ..."
                                                                 : "msgstr must follow msgid");
        entry->translations.push_back(std::move(*value));
        continuing = &entry->translations.back();
        last = Last::Str;
      } else if (keyword.substr(0, 7) == "msgstr[" && keyword.back() == ']') {
        if (!entry || !entry->id_plural || (last != Last::IdPlural && last != Last::Str))
          return error(column, "msgstr[N] belongs to an entry with msgid_plural");
        std::string_view digits = keyword.substr(7, keyword.size() - 8);
        if (digits != std::to_string(entry->translations.size()))
          return error(column + 7, fmt::format("expected msgstr[{}] here", entry->translations.size()));
        entry->translations.push_back(std::move(*value));
        continuing = &entry->translations.back();
        last = Last::Str;
      } else {
        return error(column, fmt::format("unknown keyword '{}' (expected msgctxt, msgid, msgid_plural or msgstr)",
                                         keyword));
      }
    }
    if (Status s = finish(); !s) return s.error();
    if (!header_seen)
      return Error{"no header entry (msgid \"\" with Language: and Plural-Forms:)", Location{file_, 1, 1, {}}};
    for (const PoEntry& e : po_.entries)
      if (e.id_plural && e.translations.size() != po_.plural.count())
        return error_at(e.at, fmt::format("plural entry has {} msgstr forms; the header's Plural-Forms says {}",
                                          e.translations.size(), po_.plural.count())).error();
    return std::move(po_);
  }

 private:
  Error error(size_t column, const std::string& message) const {
    return Error{message, Location{file_, uint32_t(line_number_), uint32_t(column + 1), {}}};
  }
  Status error_at(const Location& at, const std::string& message) const { return Error{message, at}; }

  // The quoted string at LINE[COLUMN] (which is '"'), unescaped; only spaces and a comment may follow.
  Result<std::string> read_string(std::string_view line, size_t column) {
    std::string out;
    size_t i = column + 1;
    for (;;) {
      if (i >= line.size()) return error(column, "unterminated string (a string ends on its own line)");
      char c = line[i];
      if (c == '"') break;
      if (c != '\\') {
        out += c;
        ++i;
        continue;
      }
      if (i + 1 >= line.size()) return error(i, "unterminated string (a string ends on its own line)");
      char e = line[i + 1];
      switch (e) {
        case 'n': out += '\n'; i += 2; continue;
        case 't': out += '\t'; i += 2; continue;
        case 'r': out += '\r'; i += 2; continue;
        case 'a': out += '\a'; i += 2; continue;
        case 'b': out += '\b'; i += 2; continue;
        case 'f': out += '\f'; i += 2; continue;
        case 'v': out += '\v'; i += 2; continue;
        case '\\': case '"': case '\'': case '?': out += e; i += 2; continue;
        default: break;
      }
      if (e >= '0' && e <= '7') {
        int value = 0, digits = 0;
        for (i += 1; digits < 3 && i < line.size() && line[i] >= '0' && line[i] <= '7'; ++i, ++digits)
          value = value * 8 + (line[i] - '0');
        if (value > 255) return error(i - 3, "octal escape out of range");
        out += char(value);
        continue;
      }
      if (e == 'x') {
        int value = 0, digits = 0;
        for (i += 2; i < line.size() && std::isxdigit(static_cast<unsigned char>(line[i])) && digits < 2; ++i, ++digits)
          value = value * 16 + (std::isdigit(static_cast<unsigned char>(line[i])) ? line[i] - '0'
                                                                                   : (line[i] | 0x20) - 'a' + 10);
        if (digits == 0) return error(i - 2, "\\x needs hexadecimal digits");
        out += char(value);
        continue;
      }
      return error(i, fmt::format("unknown escape '\\{}'", e));
    }
    size_t after = line.find_first_not_of(" \t", i + 1);
    if (after != std::string_view::npos && line[after] != '#')
      return error(after, "unexpected text after the string");
    if (!is_valid_utf8(out)) return error(column, "the string is not valid UTF-8");
    return out;
  }

  // Language and Plural-Forms from the header entry's msgstr ("Name: value\n" lines).
  Status read_header(const PoEntry& header) {
    if (header.translations.empty()) return error_at(header.at, "the header entry has no msgstr");
    std::string_view fields = header.translations[0];
    bool has_language = false;
    while (!fields.empty()) {
      size_t end = fields.find('\n');
      std::string_view field = fields.substr(0, end);
      fields = end == std::string_view::npos ? std::string_view() : fields.substr(end + 1);
      size_t colon = field.find(':');
      if (colon == std::string_view::npos) continue;
      std::string_view name = field.substr(0, colon);
      std::string_view value = field.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
      if (name == "Language") {
        po_.language = std::string(value);
        for (char& c : po_.language)
          if (c == '_') c = '-';
        has_language = !po_.language.empty();
      } else if (name == "Content-Type") {
        size_t charset = value.find("charset=");
        if (charset != std::string_view::npos) {
          std::string_view name_value = value.substr(charset + 8);
          if (name_value != "UTF-8" && name_value != "utf-8" && name_value != "CHARSET")
            return error_at(header.at, fmt::format("charset '{}': PO files here must be UTF-8", name_value));
        }
      } else if (name == "Plural-Forms") {
        auto rule = PluralRule::parse(value);
        if (!rule) return error_at(header.at, "Plural-Forms: " + rule.error().message +
                                                  fmt::format(" (at character {} of the value)",
                                                              rule.error().where.column));
        po_.plural = std::move(*rule);
      }
    }
    if (!has_language) return error_at(header.at, "the header has no 'Language:' (the locale this file translates to)");
    return {};
  }

  std::string_view text_;
  const std::string& file_;
  size_t pos_ = 0;
  size_t line_number_ = 0;
  PoFile po_;
};

}  // namespace

Result<PoFile> parse_po(std::string_view text, const std::string& file) { return PoParser(text, file).parse(); }

void add_po_strings(std::string_view text, const std::string& file, StringTables& tables, Diagnostics& diagnostics) {
  auto po = parse_po(text, file);
  if (!po) {
    diagnostics.add(po.error());
    return;
  }
  auto rule = std::make_shared<const PluralRule>(po->plural);
  auto& table = tables[po->language];
  for (PoEntry& entry : po->entries) {
    if (entry.fuzzy || entry.translations.empty() || entry.translations[0].empty()) continue;
    const std::string key = entry.context ? *entry.context : entry.id;
    StringEntry string{entry.translations[0], entry.at, {}, {}};
    if (entry.id_plural) {
      string.plural_forms = entry.translations;
      string.plural_rule = rule;
    }
    auto [it, inserted] = table.emplace(key, std::move(string));
    if (!inserted)
      diagnostics.error(entry.at, fmt::format("string '{}' is given twice for locale '{}' (first at {})", key,
                                              po->language, Error{"", it->second.at}.to_string()));
  }
}

}  // namespace liyuan::scene
