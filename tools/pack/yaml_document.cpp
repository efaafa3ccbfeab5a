// yaml-cpp wrapped so that nothing throws past this file and every failure carries a position.
#include "yaml_document.h"

#include "text_checks.h"

#include <fmt/format.h>

#include <fstream>
#include <set>
#include <sstream>

namespace liyuan::packer {
namespace {

uint32_t line_of(const YAML::Mark& mark) { return mark.is_null() ? 0 : uint32_t(mark.line + 1); }
uint32_t column_of(const YAML::Mark& mark) { return mark.is_null() ? 0 : uint32_t(mark.column + 1); }

const char* kind_name(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map: return "a map";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Scalar: return "text";
    case YAML::NodeType::Null: return "nothing";
    case YAML::NodeType::Undefined: return "nothing";
  }
  return "?";
}

}  // namespace

Result<YamlDocument> parse_yaml_text(std::string text, const std::string& display) {
  if (auto bad = find_invalid_utf8(text)) return make_error_at(display, bad->line, bad->column, bad->problem);
  YamlDocument doc;
  doc.file = display;
  doc.text = std::move(text);
  try {
    doc.root = YAML::Load(doc.text);
  } catch (const YAML::Exception& e) {
    return make_error_at(display, line_of(e.mark), column_of(e.mark), e.msg);
  }
  if (!doc.root.IsDefined() || doc.root.IsNull()) return make_error_at(display, 1, 1, "the document is empty");
  return doc;
}

Result<std::string> load_text_file(const std::filesystem::path& path, const std::string& display) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(display + ": cannot read the file");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return make_error(display + ": cannot read the file");
  std::string text = bytes.str();
  if (auto bad = find_invalid_utf8(text)) return make_error_at(display, bad->line, bad->column, bad->problem);
  return text;
}

Result<YamlDocument> load_yaml_file(const std::filesystem::path& path, const std::string& display) {
  auto text = load_text_file(path, display);
  if (!text) return text.error();
  return parse_yaml_text(std::move(*text), display);
}

Error error_at_node(const std::string& file, const YAML::Node& node, std::string message) {
  const YAML::Mark mark = node.IsDefined() ? node.Mark() : YAML::Mark::null_mark();
  return make_error_at(file, line_of(mark), column_of(mark), std::move(message));
}

std::string message_at_node(const std::string& file, const YAML::Node& node, std::string_view message) {
  return error_at_node(file, node, std::string(message)).to_string();
}

Result<std::vector<YamlEntry>> map_entries(const std::string& file, const YAML::Node& node, std::string_view what) {
  if (!node.IsMap()) return error_at_node(file, node, fmt::format("{} must be a map, not {}", what, kind_name(node)));
  std::vector<YamlEntry> entries;
  std::set<std::string> seen;
  for (const auto& pair : node) {
    if (!pair.first.IsScalar()) return error_at_node(file, pair.first, fmt::format("a key of {} is not text", what));
    std::string key = pair.first.Scalar();
    if (!seen.insert(key).second) return error_at_node(file, pair.first, fmt::format("duplicate key '{}'", key));
    entries.push_back({std::move(key), pair.first, pair.second});
  }
  return entries;
}

Result<std::string> scalar_text(const std::string& file, const YAML::Node& node, std::string_view what) {
  if (!node.IsScalar()) return error_at_node(file, node, fmt::format("{} must be text, not {}", what, kind_name(node)));
  return node.Scalar();
}

Result<std::vector<std::string>> string_list(const std::string& file, const YAML::Node& node, std::string_view what,
                                             bool allow_scalar) {
  std::vector<std::string> out;
  if (allow_scalar && node.IsScalar()) {
    out.push_back(node.Scalar());
    return out;
  }
  if (node.IsNull()) return out;
  if (!node.IsSequence()) {
    return error_at_node(file, node, fmt::format("{} must be a list, not {}", what, kind_name(node)));
  }
  for (const auto& item : node) {
    auto text = scalar_text(file, item, fmt::format("each entry of {}", what));
    if (!text) return text.error();
    out.push_back(std::move(*text));
  }
  return out;
}

}  // namespace liyuan::packer
