// "Did you mean 'X'?": the closest allowed word to a misspelt one, by edit distance (Levenshtein, with swapped
// neighbours counted as one edit).
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace liyuan::scene {

// The number of single-character insertions, deletions, substitutions and swaps of neighbours that turn A into B.
size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to WORD when it is close enough to be a likely typo (distance at most a third of the
// word's length rounded up, and at least 1 and at most 3 edits); an empty string otherwise. Ties go to the earlier candidate.
std::string closest_match(std::string_view word, std::span<const std::string_view> candidates);

}  // namespace liyuan::scene
