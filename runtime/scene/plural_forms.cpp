#include "scene/plural_forms.h"

#include <cctype>

namespace liyuan::scene {

// Recursive descent over gettext's grammar, with C's precedence: ?: || && == != < > <= >= + - * / % ! unary -.
class PluralParser {
 public:
  PluralParser(std::string_view text, size_t base, PluralRule& rule) : text_(text), base_(base), rule_(rule) {}

  Result<int32_t> expression() { return ternary(0); }
  void skip_space() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }
  size_t position() const { return pos_; }
  Error error(const std::string& message) const {
    return Error{message, Location{"", 0, uint32_t(base_ + pos_ + 1), {}}};
  }

 private:
  static constexpr int kMaxDepth = 64;
  static constexpr size_t kMaxNodes = 512;

  bool accept(std::string_view token) {
    skip_space();
    if (text_.substr(pos_, token.size()) != token) return false;
    // "<" must not swallow the first half of "<=", "!" not that of "!=".
    if (token.size() == 1 && pos_ + 1 < text_.size() && text_[pos_ + 1] == '=' &&
        (token == "<" || token == ">" || token == "!" || token == "="))
      return false;
    if ((token == "|" || token == "&") && pos_ + 1 < text_.size() && text_[pos_ + 1] == token[0]) return false;
    pos_ += token.size();
    return true;
  }
  Result<int32_t> add(PluralRule::Op op, int32_t a = -1, int32_t b = -1, int32_t c = -1, uint64_t value = 0) {
    if (rule_.nodes_.size() >= kMaxNodes) return error("the plural expression is too long");
    rule_.nodes_.push_back({op, value, a, b, c});
    return int32_t(rule_.nodes_.size() - 1);
  }

  Result<int32_t> ternary(int depth) {
    if (depth > kMaxDepth) return error("the plural expression is nested too deeply");
    auto condition = binary(0, depth);
    if (!condition) return condition;
    if (!accept("?")) return condition;
    auto then = ternary(depth + 1);
    if (!then) return then;
    if (!accept(":")) return error("expected ':' in the plural expression");
    auto otherwise = ternary(depth + 1);
    if (!otherwise) return otherwise;
    return add(PluralRule::Op::Choose, *condition, *then, *otherwise);
  }

  // Binary operators by precedence level, lowest first.
  Result<int32_t> binary(int level, int depth) {
    using Op = PluralRule::Op;
    struct Entry {
      std::string_view token;
      Op op;
    };
    static const std::vector<std::vector<Entry>> kLevels = {
        {{"||", Op::Or}},
        {{"&&", Op::And}},
        {{"==", Op::Eq}, {"!=", Op::NotEq}},
        {{"<=", Op::LessEq}, {">=", Op::GreaterEq}, {"<", Op::Less}, {">", Op::Greater}},
        {{"+", Op::Add}, {"-", Op::Sub}},
        {{"*", Op::Mul}, {"/", Op::Div}, {"%", Op::Mod}},
    };
    if (level == int(kLevels.size())) return unary(depth);
    auto left = binary(level + 1, depth);
    if (!left) return left;
    for (;;) {
      const Entry* matched = nullptr;
      for (const Entry& entry : kLevels[level])
        if (accept(entry.token)) {
          matched = &entry;
          break;
        }
      if (!matched) return left;
      auto right = binary(level + 1, depth);
      if (!right) return right;
      left = add(matched->op, *left, *right);
      if (!left) return left;
    }
  }

  Result<int32_t> unary(int depth) {
    if (depth > kMaxDepth) return error("the plural expression is nested too deeply");
    if (accept("!")) {
      auto operand = unary(depth + 1);
      if (!operand) return operand;
      return add(PluralRule::Op::Not, *operand);
    }
    if (accept("-")) {
      auto operand = unary(depth + 1);
      if (!operand) return operand;
      return add(PluralRule::Op::Negate, *operand);
    }
    skip_space();
    if (accept("(")) {
      auto inner = ternary(depth + 1);
      if (!inner) return inner;
      if (!accept(")")) return error("expected ')' in the plural expression");
      return inner;
    }
    if (pos_ < text_.size() && text_[pos_] == 'n') {
      ++pos_;
      return add(PluralRule::Op::N);
    }
    if (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) {
      uint64_t value = 0;
      while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) {
        if (value > 1000000000ull) return error("number too large in the plural expression");
        value = value * 10 + uint64_t(text_[pos_++] - '0');
      }
      return add(PluralRule::Op::Number, -1, -1, -1, value);
    }
    return error(pos_ < text_.size() ? "unexpected '" + std::string(1, text_[pos_]) + "' in the plural expression"
                                     : "the plural expression ends too early");
  }

  std::string_view text_;
  size_t base_;
  PluralRule& rule_;
  size_t pos_ = 0;
};

Result<PluralRule> PluralRule::parse(std::string_view value) {
  auto column_error = [](size_t at, const std::string& message) {
    return Error{message, Location{"", 0, uint32_t(at + 1), {}}};
  };
  PluralRule rule;
  const size_t nplurals = value.find("nplurals");
  const size_t plural = value.find("plural", nplurals == std::string_view::npos ? 0 : nplurals + 8);
  if (nplurals == std::string_view::npos) return column_error(0, "Plural-Forms has no 'nplurals='");
  size_t at = value.find('=', nplurals);
  if (at == std::string_view::npos) return column_error(nplurals, "expected '=' after 'nplurals'");
  ++at;
  while (at < value.size() && value[at] == ' ') ++at;
  uint32_t count = 0;
  size_t digits = at;
  while (at < value.size() && std::isdigit(static_cast<unsigned char>(value[at])) && count < 1000)
    count = count * 10 + uint32_t(value[at++] - '0');
  if (at == digits || count < 1 || count > 16) return column_error(digits, "nplurals must be a number from 1 to 16");
  rule.count_ = count;
  if (plural == std::string_view::npos) return column_error(at, "Plural-Forms has no 'plural='");
  size_t equals = value.find('=', plural);
  if (equals == std::string_view::npos) return column_error(plural, "expected '=' after 'plural'");
  size_t end = value.find(';', equals);
  if (end == std::string_view::npos) end = value.size();
  std::string_view expression = value.substr(equals + 1, end - equals - 1);
  PluralParser parser(expression, equals + 1, rule);
  auto root = parser.expression();
  if (!root) return root.error();
  parser.skip_space();
  if (parser.position() != expression.size()) return parser.error("unexpected text after the plural expression");
  rule.root_ = *root;
  return rule;
}

uint64_t PluralRule::evaluate(int32_t index, uint64_t n) const {
  const Node& node = nodes_[size_t(index)];
  auto a = [&] { return evaluate(node.a, n); };
  auto b = [&] { return evaluate(node.b, n); };
  switch (node.op) {
    case Op::Number: return node.value;
    case Op::N: return n;
    case Op::Not: return a() == 0;
    case Op::Negate: return uint64_t(0) - a();
    case Op::Mul: return a() * b();
    case Op::Div: { uint64_t d = b(); return d == 0 ? 0 : a() / d; }
    case Op::Mod: { uint64_t d = b(); return d == 0 ? 0 : a() % d; }
    case Op::Add: return a() + b();
    case Op::Sub: return a() - b();
    case Op::Less: return a() < b();
    case Op::LessEq: return a() <= b();
    case Op::Greater: return a() > b();
    case Op::GreaterEq: return a() >= b();
    case Op::Eq: return a() == b();
    case Op::NotEq: return a() != b();
    case Op::And: return a() != 0 && b() != 0;
    case Op::Or: return a() != 0 || b() != 0;
    case Op::Choose: return a() != 0 ? b() : evaluate(node.c, n);
  }
  return 0;
}

uint32_t PluralRule::index(uint64_t n) const {
  if (root_ < 0) return 0;
  uint64_t form = evaluate(root_, n);
  return form >= count_ ? count_ - 1 : uint32_t(form);
}

}  // namespace liyuan::scene
