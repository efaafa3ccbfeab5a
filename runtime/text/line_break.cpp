#include "text/line_break.h"

#include <linebreak.h>

#include <mutex>

namespace liyuan::text {

std::vector<BreakAfter> line_breaks(std::u32string_view text, std::string_view language) {
  static std::once_flag initialised;
  std::call_once(initialised, init_linebreak);
  std::vector<char> breaks(text.size());
  const std::string tag(language.substr(0, language.find_first_of("-_")));
  static_assert(sizeof(utf32_t) == sizeof(char32_t));
  set_linebreaks_utf32(reinterpret_cast<const utf32_t*>(text.data()), text.size(), tag.c_str(), breaks.data());
  std::vector<BreakAfter> out(text.size());
  for (size_t i = 0; i < text.size(); ++i)
    out[i] = breaks[i] == LINEBREAK_MUSTBREAK ? BreakAfter::Must
             : breaks[i] == LINEBREAK_ALLOWBREAK ? BreakAfter::Allow
                                                 : BreakAfter::Never;
  return out;
}

}  // namespace liyuan::text
