// Checks on authored text: UTF-8 validity with the position of the first bad byte, relic/exhibition id slugs, BCP-47
// locale tags, and relative paths that stay inside a folder.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace liyuan::packer {

// Where the first invalid UTF-8 sequence (or NUL byte) of TEXT starts: 1-based line and column (columns count code
// points), and a description ("byte 0xff is not valid UTF-8"). Nothing when TEXT is valid. Overlong encodings,
// surrogates and code points above U+10FFFF are invalid.
struct TextPosition {
  uint32_t line = 0;
  uint32_t column = 0;
  std::string problem;
};
std::optional<TextPosition> find_invalid_utf8(std::string_view text);

// A lowercase slug: [a-z0-9]+ runs joined by single '-', 1..64 characters, starting with a letter.
bool is_slug(std::string_view id);

// A well-formed BCP-47 tag as far as Liyuan cares: a 2-3 letter language (or "und"), then subtags of 1-8 letters or
// digits joined by '-' ("zh-Hans", "en", "ar", "pt-BR").
bool is_locale_tag(std::string_view tag);

// PATH (as written in a document, '/'-separated) joined to BASE_DIR and normalised lexically: the result relative to
// ROOT_DIR with '/' separators, no "." or ".." parts. Empty when PATH is absolute, empty, or leaves ROOT_DIR.
// BASE_DIR must lie inside ROOT_DIR (both relative to ROOT_DIR, "" for the root itself).
std::string normalize_relative_path(std::string_view base_dir, std::string_view path);

}  // namespace liyuan::packer
