// Edit distance with adjacent transpositions (Damerau's "optimal string alignment" variant of Levenshtein, after
// Wagner–Fischer): "ligth" is one edit from "light", as a typist would count it. O(|a|·|b|) time, three rows.
#include "scene/did_you_mean.h"

#include <algorithm>
#include <vector>

namespace liyuan::scene {

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> before_previous(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before_previous[j - 2] + 1);
      }
    }
    std::swap(before_previous, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::string closest_match(std::string_view word, std::span<const std::string_view> candidates) {
  if (word.size() > 64) return {};  // nobody misspells a 64-character key; keeps lint linear on garbage
  size_t limit = std::clamp<size_t>((word.size() + 2) / 3, 1, 3);
  size_t best = limit + 1;
  std::string_view best_word;
  for (std::string_view candidate : candidates) {
    size_t d = edit_distance(word, candidate);
    if (d < best) {
      best = d;
      best_word = candidate;
    }
  }
  return std::string(best_word);
}

}  // namespace liyuan::scene
