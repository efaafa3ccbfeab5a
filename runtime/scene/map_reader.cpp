#include "scene/map_reader.h"

#include <charconv>
#include <cmath>
#include <fmt/format.h>

#include "scene/did_you_mean.h"

namespace liyuan::scene {
namespace {

// Parses a whole plain scalar as a finite decimal number ("3", "-0.5", "1e3", "+2"); nothing else.
std::optional<double> parse_number(const std::string& text) {
  std::string_view digits = text;
  if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
  if (digits.empty() || digits.front() == '+' || (text.front() == '+' && digits.front() == '-')) return std::nullopt;
  double value = 0.0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value, std::chars_format::general);
  if (ec != std::errc() || end != digits.data() + digits.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

}  // namespace

std::optional<double> ValueReader::number(const YamlNode& node, std::string_view what) {
  if (node.is_scalar() && node.plain) {
    if (auto value = parse_number(node.text)) {
      if (std::abs(*value) <= kLargestNumber) return value;
      error(node, fmt::format("expected a number between -{0:g} and {0:g} for '{1}', found {2}", kLargestNumber, what,
                              describe(node)));
      return std::nullopt;
    }
  }
  error(node, fmt::format("expected a number for '{}', found {}", what, describe(node)));
  return std::nullopt;
}

std::optional<double> ValueReader::non_negative(const YamlNode& node, std::string_view what) {
  auto value = number(node, what);
  if (value && *value < 0.0) {
    error(node, fmt::format("expected a number >= 0 for '{}', found {}", what, describe(node)));
    return std::nullopt;
  }
  return value;
}

std::optional<bool> ValueReader::boolean(const YamlNode& node, std::string_view what) {
  if (node.is_scalar() && node.plain && (node.text == "true" || node.text == "false")) return node.text == "true";
  error(node, fmt::format("expected true or false for '{}', found {}", what, describe(node)));
  return std::nullopt;
}

std::optional<std::string> ValueReader::string(const YamlNode& node, std::string_view what) {
  if (node.is_scalar() && !node.text.empty()) return node.text;
  error(node, fmt::format("expected a non-empty string for '{}', found {}", what, describe(node)));
  return std::nullopt;
}

std::optional<double> ValueReader::numbers(const YamlNode& node, std::string_view what, float* out, size_t count) {
  if (!node.is_sequence() || node.items.size() != count) {
    error(node, fmt::format("expected a list of {} numbers for '{}', found {}", count, what,
                            node.is_sequence() ? fmt::format("a list of {}", node.items.size()) : describe(node)));
    return std::nullopt;
  }
  bool ok = true;
  for (size_t i = 0; i < count; ++i) {
    auto value = number(node.items[i], what);
    if (value) out[i] = static_cast<float>(*value);
    ok = ok && value.has_value();
  }
  return ok ? std::optional<double>(0.0) : std::nullopt;
}

std::optional<vec3> ValueReader::vec3_value(const YamlNode& node, std::string_view what) {
  vec3 v(0.0f);
  if (!numbers(node, what, &v.x, 3)) return std::nullopt;
  return v;
}

std::optional<vec4> ValueReader::vec4_value(const YamlNode& node, std::string_view what) {
  vec4 v(0.0f);
  if (!numbers(node, what, &v.x, 4)) return std::nullopt;
  return v;
}

const std::vector<YamlNode>* ValueReader::list(const YamlNode& node, std::string_view what) {
  if (node.is_sequence()) return &node.items;
  error(node, fmt::format("expected a list for '{}', found {}", what, describe(node)));
  return nullptr;
}

std::vector<const YamlNode*> ValueReader::string_list(const YamlNode& node, std::string_view what) {
  std::vector<const YamlNode*> out;
  if (const auto* items = list(node, what)) {
    for (const YamlNode& item : *items) {
      if (string(item, what)) out.push_back(&item);
    }
  }
  return out;
}

MapReader::MapReader(ValueReader& reader, const YamlNode& node, std::span<const std::string_view> allowed,
                     std::string_view what)
    : reader_(reader), node_(&node), what_(what) {
  if (!node.is_map()) {
    reader_.error(node, fmt::format("expected a map for '{}', found {}", what, describe(node)));
    return;
  }
  map_ = &node;
  for (size_t i = 0; i < node.map_size(); ++i) {
    const YamlNode& key = node.key(i);
    if (!key.is_scalar()) {
      reader_.error(key, fmt::format("expected a plain key in '{}', found {}", what, describe(key)));
      continue;
    }
    bool known = false;
    for (std::string_view a : allowed) known = known || a == key.text;
    if (!known) {
      std::string suggestion = closest_match(key.text, allowed);
      reader_.error(key, suggestion.empty()
                             ? fmt::format("unknown key '{}' in '{}'", key.text, what)
                             : fmt::format("unknown key '{}' in '{}'; did you mean '{}'?", key.text, what, suggestion));
      continue;
    }
    for (size_t j = 0; j < i; ++j) {
      if (node.key(j).is_scalar() && node.key(j).text == key.text) {
        reader_.error(key, fmt::format("key '{}' given twice in '{}' (first at line {})", key.text, what,
                                       node.key(j).line));
        break;
      }
    }
  }
}

const YamlNode* MapReader::get(std::string_view key) const {
  if (!map_) return nullptr;
  for (size_t i = 0; i < map_->map_size(); ++i) {
    if (map_->key(i).is_scalar() && map_->key(i).text == key) return &map_->value(i);
  }
  return nullptr;
}

const YamlNode& MapReader::key_node(std::string_view key) const {
  if (map_) {
    for (size_t i = 0; i < map_->map_size(); ++i) {
      if (map_->key(i).is_scalar() && map_->key(i).text == key) return map_->key(i);
    }
  }
  return *node_;
}

const YamlNode* MapReader::lookup(std::string_view key, bool is_required) {
  const YamlNode* value = get(key);
  if (!value && is_required && map_) {
    reader_.error(*node_, fmt::format("missing required key '{}' in '{}'", key, what_));
  }
  return value;
}

const YamlNode* MapReader::required(std::string_view key) { return lookup(key, true); }

std::optional<double> MapReader::number(std::string_view key, bool is_required) {
  const YamlNode* value = lookup(key, is_required);
  return value ? reader_.number(*value, key) : std::nullopt;
}
std::optional<double> MapReader::non_negative(std::string_view key, bool is_required) {
  const YamlNode* value = lookup(key, is_required);
  return value ? reader_.non_negative(*value, key) : std::nullopt;
}
std::optional<bool> MapReader::boolean(std::string_view key) {
  const YamlNode* value = get(key);
  return value ? reader_.boolean(*value, key) : std::nullopt;
}
std::optional<std::string> MapReader::string(std::string_view key, bool is_required) {
  const YamlNode* value = lookup(key, is_required);
  return value ? reader_.string(*value, key) : std::nullopt;
}
std::optional<vec3> MapReader::vec3_value(std::string_view key) {
  const YamlNode* value = get(key);
  return value ? reader_.vec3_value(*value, key) : std::nullopt;
}

}  // namespace liyuan::scene
