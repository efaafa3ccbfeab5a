// Text that came from outside (packs, translators' files) is checked before it is trusted as UTF-8.
#pragma once

#include <string_view>

namespace liyuan {

// True when TEXT is valid UTF-8 without NUL bytes (the rules of RFC 3629: no overlongs, no surrogates, nothing above
// U+10FFFF).
bool is_valid_utf8(std::string_view text);

}  // namespace liyuan
