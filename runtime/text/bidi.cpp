#include "text/bidi.h"

#include <fribidi.h>

#include <algorithm>

namespace liyuan::text {

BidiParagraph bidi_levels(std::u32string_view paragraph, Direction base) {
  BidiParagraph result;
  const auto length = static_cast<FriBidiStrIndex>(paragraph.size());
  result.levels.assign(paragraph.size(), 0);
  if (paragraph.empty()) {
    result.right_to_left = base == Direction::RightToLeft;
    return result;
  }
  static_assert(sizeof(FriBidiChar) == sizeof(char32_t));
  const auto* chars = reinterpret_cast<const FriBidiChar*>(paragraph.data());
  std::vector<FriBidiCharType> types(paragraph.size());
  std::vector<FriBidiBracketType> brackets(paragraph.size());
  std::vector<FriBidiLevel> levels(paragraph.size());
  fribidi_get_bidi_types(chars, length, types.data());
  fribidi_get_bracket_types(chars, length, types.data(), brackets.data());
  FriBidiParType direction = base == Direction::LeftToRight   ? FRIBIDI_PAR_LTR
                             : base == Direction::RightToLeft ? FRIBIDI_PAR_RTL
                                                              : FRIBIDI_PAR_ON;
  if (fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), length, &direction, levels.data()) == 0) {
    result.right_to_left = base == Direction::RightToLeft;  // FriBidi failed (out of memory): one plain run
    return result;
  }
  for (size_t i = 0; i < levels.size(); ++i) result.levels[i] = uint8_t(levels[i]);
  result.right_to_left = FRIBIDI_IS_RTL(direction);
  return result;
}

std::vector<size_t> visual_order(std::span<const uint8_t> levels) {
  std::vector<size_t> order(levels.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  if (levels.empty()) return order;
  uint8_t highest = *std::max_element(levels.begin(), levels.end());
  uint8_t lowest_odd = 255;
  for (uint8_t level : levels)
    if (level & 1) lowest_odd = std::min(lowest_odd, level);
  if (lowest_odd == 255) return order;
  for (int level = highest; level >= lowest_odd; --level) {
    size_t i = 0;
    while (i < order.size()) {
      if (levels[order[i]] < level) {
        ++i;
        continue;
      }
      size_t end = i;
      while (end < order.size() && levels[order[end]] >= level) ++end;
      std::reverse(order.begin() + i, order.begin() + end);
      i = end;
    }
  }
  return order;
}

}  // namespace liyuan::text
