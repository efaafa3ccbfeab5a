// Where lines may break: the Unicode line breaking algorithm (UAX #14) through libunibreak, so Chinese and Japanese
// (no spaces) break between characters but not before 。or after 「, and Latin scripts break at spaces and hyphens.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace liyuan::text {

enum class BreakAfter : uint8_t {
  Must,   // a hard break (a newline), and after the last character
  Allow,  // a line may end after this character
  Never,
};

// One entry per code point of TEXT: whether a line may end after it. LANGUAGE (a BCP-47 tag or its language subtag)
// tunes language-specific classes (e.g. Japanese small kana).
std::vector<BreakAfter> line_breaks(std::u32string_view text, std::string_view language);

}  // namespace liyuan::text
