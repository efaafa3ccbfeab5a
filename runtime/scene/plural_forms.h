// gettext's Plural-Forms header ("nplurals=2; plural=(n != 1);"): the C-like expression parsed into a small tree and
// evaluated safely — no code is run, division by zero gives form 0, nesting is bounded, the result is clamped.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace liyuan::scene {

class PluralRule {
 public:
  // One form, like a language without plurals (and a PO file without the header).
  PluralRule() = default;

  // Parses a Plural-Forms value. Errors say what is wrong and at which character (1-based column in VALUE, in
  // Error::where.column; the caller adds the file and line).
  static Result<PluralRule> parse(std::string_view value);

  // How many forms a translation has (nplurals).
  uint32_t count() const { return count_; }
  // The form to use for N: the expression's value, clamped to count() - 1.
  uint32_t index(uint64_t n) const;

 private:
  enum class Op : uint8_t { Number, N, Not, Negate, Mul, Div, Mod, Add, Sub, Less, LessEq, Greater, GreaterEq, Eq,
                            NotEq, And, Or, Choose };
  struct Node {
    Op op = Op::Number;
    uint64_t value = 0;
    int32_t a = -1, b = -1, c = -1;
  };
  friend class PluralParser;
  uint64_t evaluate(int32_t node, uint64_t n) const;

  uint32_t count_ = 1;
  std::vector<Node> nodes_;  // empty: always form 0
  int32_t root_ = -1;
};

}  // namespace liyuan::scene
