// UTF-8 to code points, for shaping and line breaking (which work on UTF-32).
#pragma once

#include <string>
#include <string_view>

namespace liyuan::text {

// The code points of TEXT. Invalid sequences become U+FFFD (one per bad byte), so layout never fails on bad input.
std::u32string decode_utf8(std::string_view text);

// TEXT as UTF-8 (the inverse of decode_utf8 for valid input).
std::string encode_utf8(std::u32string_view text);

}  // namespace liyuan::text
