// Bidirectional text (Unicode UAX #9) through FriBidi: embedding levels per code point, and the visual order of a
// line's runs, so Arabic and Hebrew read right to left with Latin words and numbers inside them left to right.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace liyuan::text {

enum class Direction : uint8_t { Auto, LeftToRight, RightToLeft };

struct BidiParagraph {
  std::vector<uint8_t> levels;  // per code point; odd = right to left
  bool right_to_left = false;   // the paragraph's base direction
};

// The embedding levels of PARAGRAPH (one paragraph: no newlines) with BASE direction; Auto takes it from the first
// strong character (left to right when there is none).
BidiParagraph bidi_levels(std::u32string_view paragraph, Direction base);

// The visual order, left to right, of runs with LEVELS (in logical order, on one line): rule L2, reversing every
// sequence at or above each odd level from the highest down.
std::vector<size_t> visual_order(std::span<const uint8_t> levels);

}  // namespace liyuan::text
