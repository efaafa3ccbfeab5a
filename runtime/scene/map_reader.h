// Reading a YAML tree against the schema: every value is interpreted here, by the type the schema gives its key,
// never by YAML's own guesses. Booleans are only `true` and `false`; numbers are unquoted; strings are any scalar.
// Every mismatch is reported with the value's line and column, and reading goes on so one run shows every problem.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/math.h"
#include "scene/diagnostics.h"
#include "scene/yaml_tree.h"

namespace liyuan::scene {

// The largest magnitude a number may have: a billion metres or seconds is beyond any exhibition, and the bound keeps
// every product of two values finite in float.
inline constexpr double kLargestNumber = 1e9;

// Reads values of one file, reporting into a Diagnostics.
class ValueReader {
 public:
  ValueReader(std::string file, Diagnostics& diagnostics) : file_(std::move(file)), diagnostics_(diagnostics) {}

  const std::string& file() const { return file_; }
  Diagnostics& diagnostics() { return diagnostics_; }
  // The location of NODE in this file.
  Location at(const YamlNode& node) const { return Location{file_, node.line, node.column, {}}; }
  void error(const YamlNode& node, std::string message) { diagnostics_.error(at(node), std::move(message)); }
  void warning(const YamlNode& node, std::string message) { diagnostics_.warning(at(node), std::move(message)); }

  // Each reader returns the value, or nothing after reporting "expected ... for 'WHAT', found ...".
  // A number written without quotes, at most kLargestNumber in magnitude.
  std::optional<double> number(const YamlNode& node, std::string_view what);
  // A number >= 0 (times, durations, sizes).
  std::optional<double> non_negative(const YamlNode& node, std::string_view what);
  // `true` or `false`, unquoted. Nothing else (no yes/no/on/off).
  std::optional<bool> boolean(const YamlNode& node, std::string_view what);
  // A non-empty scalar, quoted or not, as written.
  std::optional<std::string> string(const YamlNode& node, std::string_view what);
  // A list of exactly N numbers ([x, y, z]); N is 3 or 4.
  std::optional<vec3> vec3_value(const YamlNode& node, std::string_view what);
  std::optional<vec4> vec4_value(const YamlNode& node, std::string_view what);
  // A list; returns its items (possibly none) or nullptr after reporting.
  const std::vector<YamlNode>* list(const YamlNode& node, std::string_view what);
  // A list of strings, each with its node (for locations).
  std::vector<const YamlNode*> string_list(const YamlNode& node, std::string_view what);

 private:
  std::optional<double> numbers(const YamlNode& node, std::string_view what, float* out, size_t count);

  std::string file_;
  Diagnostics& diagnostics_;
};

// One map of the document, checked against the keys its object allows. Construction reports: a node that is not a
// map, unknown keys (with "did you mean 'X'?") and keys given twice. Lookups never report, except required().
class MapReader {
 public:
  MapReader(ValueReader& reader, const YamlNode& node, std::span<const std::string_view> allowed,
            std::string_view what);

  // False when the node was not a map (already reported); lookups then find nothing.
  bool is_map() const { return map_ != nullptr; }
  // The value of KEY, or nullptr when absent.
  const YamlNode* get(std::string_view key) const;
  // The value of KEY; when absent, reports "missing required key 'KEY' in WHAT" at the map and returns nullptr.
  const YamlNode* required(std::string_view key);
  // The key node of KEY (for locating messages about the key itself), or the map when absent.
  const YamlNode& key_node(std::string_view key) const;
  const YamlNode& node() const { return *node_; }

  // Typed shortcuts: the value when present and well-typed; nothing when absent (reported if REQUIRED) or bad.
  std::optional<double> number(std::string_view key, bool required = false);
  std::optional<double> non_negative(std::string_view key, bool required = false);
  std::optional<bool> boolean(std::string_view key);
  std::optional<std::string> string(std::string_view key, bool required = false);
  std::optional<vec3> vec3_value(std::string_view key);

 private:
  const YamlNode* lookup(std::string_view key, bool is_required);

  ValueReader& reader_;
  const YamlNode* node_;
  const YamlNode* map_ = nullptr;
  std::string what_;
};

}  // namespace liyuan::scene
