#include "scene/yaml_tree.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <sstream>
#include <utility>

namespace liyuan::scene {
namespace {

uint32_t one_based(int zero_based) { return zero_based < 0 ? 0u : static_cast<uint32_t>(zero_based) + 1u; }

// Builds the tree from parser events with an explicit stack: nesting depth is bounded by yaml-cpp's own depth guard
// and never by our call stack. The first alias stops the build with an error.
class TreeBuilder final : public YAML::EventHandler {
 public:
  explicit TreeBuilder(const std::string& file) : file_(file) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { append(leaf(YamlNode::Kind::Null, mark)); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    if (!alias_error_) {
      alias_error_ = make_error_at(file_, one_based(mark.line), one_based(mark.column),
                                   "aliases (*name) are not supported in scene files: write the value out");
    }
    append(leaf(YamlNode::Kind::Null, mark));
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t, const std::string& value) override {
    YamlNode node = leaf(YamlNode::Kind::Scalar, mark);
    node.plain = (tag == "?");
    node.text = value;
    append(std::move(node));
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    stack_.push_back(leaf(YamlNode::Kind::Sequence, mark));
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    stack_.push_back(leaf(YamlNode::Kind::Map, mark));
  }
  void OnMapEnd() override { close(); }

  YamlNode take_root() { return std::move(root_); }
  const std::optional<Error>& alias_error() const { return alias_error_; }

 private:
  static YamlNode leaf(YamlNode::Kind kind, const YAML::Mark& mark) {
    YamlNode node;
    node.kind = kind;
    node.line = one_based(mark.line);
    node.column = one_based(mark.column);
    return node;
  }
  void append(YamlNode node) {
    if (stack_.empty()) {
      root_ = std::move(node);
    } else {
      stack_.back().items.push_back(std::move(node));
    }
  }
  void close() {
    if (stack_.empty()) return;
    YamlNode done = std::move(stack_.back());
    stack_.pop_back();
    append(std::move(done));
  }

  const std::string& file_;
  std::vector<YamlNode> stack_;
  YamlNode root_;
  std::optional<Error> alias_error_;
};

// yaml-cpp's messages name the parser's state; say what the author should fix, keeping the original in brackets.
std::string explain(const std::string& message) {
  struct Hint {
    const char* yaml_cpp;
    const char* hint;
  };
  static constexpr Hint kHints[] = {
      {"end of map flow not found", "expected '}' to close a '{' above"},
      {"end of sequence flow not found", "expected ']' to close a '[' above"},
      {"end of map not found", "bad indentation: expected this line to line up with the keys above it"},
      {"end of sequence not found", "bad indentation: expected this line to line up with the list items above it"},
      {"illegal map value", "unexpected ':' (a value cannot start here; check indentation or quote the text)"},
      {"block sequence entries are not allowed in this context",
       "a list item ('- ') cannot start here: check the indentation"},
      {"illegal block entry", "a list item ('- ') cannot start here: is a '{' or '[' above not closed?"},
  };
  for (const Hint& h : kHints) {
    if (message == h.yaml_cpp) return std::string(h.hint) + " [" + message + "]";
  }
  return message;
}

}  // namespace

std::string describe(const YamlNode& node) {
  switch (node.kind) {
    case YamlNode::Kind::Null: return "nothing";
    case YamlNode::Kind::Sequence: return "a list";
    case YamlNode::Kind::Map: return "a map";
    case YamlNode::Kind::Scalar: break;
  }
  std::string shown = node.text.size() > 40 ? node.text.substr(0, 40) + "..." : node.text;
  return (node.plain ? "'" : "the quoted string '") + shown + "'";
}

Result<YamlNode> parse_yaml(std::string_view text, const std::string& file) {
  std::istringstream in{std::string(text)};
  TreeBuilder builder(file);
  try {
    YAML::Parser parser(in);
    if (!parser.HandleNextDocument(builder)) return YamlNode{};
    if (builder.alias_error()) return *builder.alias_error();
    // A second document ("---" then more content) is almost always a mistake in a hand-edited scene file.
    TreeBuilder rest(file);
    if (parser.HandleNextDocument(rest)) {
      YamlNode extra = rest.take_root();
      return make_error_at(file, extra.line, extra.column,
                           "expected one YAML document per file; a second document starts here");
    }
  } catch (const YAML::Exception& e) {
    return make_error_at(file, one_based(e.mark.line), one_based(e.mark.column), explain(e.msg));
  }
  return builder.take_root();
}

}  // namespace liyuan::scene
