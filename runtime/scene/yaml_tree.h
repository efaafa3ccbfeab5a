// A YAML document as a small tree of located nodes, built from yaml-cpp's event parser.
//
// We do not use YAML::Node: the event parser gives every node its line and column, lets us keep plain and quoted
// scalars apart (a plain `no` is not a boolean here, and a quoted "1" is not a number), and lets us refuse aliases,
// which would otherwise let a few bytes expand into millions of nodes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace liyuan::scene {

struct YamlNode {
  enum class Kind : uint8_t { Null, Scalar, Sequence, Map };

  Kind kind = Kind::Null;
  bool plain = false;           // a scalar written without quotes and without an explicit tag
  std::string text;             // a scalar's text
  uint32_t line = 0;            // 1-based
  uint32_t column = 0;          // 1-based
  std::vector<YamlNode> items;  // a sequence's items; a map's keys and values, alternating (key 0, value 0, key 1, ...)

  bool is_map() const { return kind == Kind::Map; }
  bool is_sequence() const { return kind == Kind::Sequence; }
  bool is_scalar() const { return kind == Kind::Scalar; }
  bool is_null() const { return kind == Kind::Null; }
  size_t map_size() const { return items.size() / 2; }
  const YamlNode& key(size_t i) const { return items[2 * i]; }
  const YamlNode& value(size_t i) const { return items[2 * i + 1]; }
};

// A short description of NODE for messages: "a map", "a list", "the number 3", "the string 'abc'", "nothing".
std::string describe(const YamlNode& node);

// Parses TEXT (YAML 1.2; JSON is valid input) into one document. An empty text is a Null root. Errors name FILE with
// the line and column yaml-cpp reports; aliases (*name) and more than one document are errors too.
Result<YamlNode> parse_yaml(std::string_view text, const std::string& file);

}  // namespace liyuan::scene
