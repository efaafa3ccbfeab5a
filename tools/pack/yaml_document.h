// YAML (and JSON, which YAML 1.2 contains) documents for the packer's inputs, read with yaml-cpp: UTF-8 checked first,
// every error and warning at file:line:column.
#pragma once

#include "core/error.h"

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace liyuan::packer {

struct YamlDocument {
  std::string file;   // the path as the user (or the including document) gave it, for messages
  std::string text;   // the file's bytes
  YAML::Node root;
};

// The bytes of the text file at PATH; fails (naming DISPLAY) when unreadable or not valid UTF-8 (at the bad byte).
Result<std::string> load_text_file(const std::filesystem::path& path, const std::string& display);

// Reads PATH and parses it. Errors: unreadable file; invalid UTF-8 (at the first bad byte); a YAML syntax error (at
// yaml-cpp's position); an empty document. DISPLAY names the file in messages.
Result<YamlDocument> load_yaml_file(const std::filesystem::path& path, const std::string& display);
// The same for TEXT already in memory.
Result<YamlDocument> parse_yaml_text(std::string text, const std::string& display);

// An error at NODE's position in FILE.
Error error_at_node(const std::string& file, const YAML::Node& node, std::string message);
// "file:line:column: message" at NODE, for warnings.
std::string message_at_node(const std::string& file, const YAML::Node& node, std::string_view message);

// The keys of a YAML map, in document order, with their nodes. Fails (at the node) when NODE is not a map, a key is
// not a scalar, or a key appears twice.
struct YamlEntry {
  std::string key;
  YAML::Node key_node;
  YAML::Node value;
};
Result<std::vector<YamlEntry>> map_entries(const std::string& file, const YAML::Node& node, std::string_view what);

// The scalar text of NODE; fails (at NODE) when it is a map, sequence or null. WHAT names it in the message.
Result<std::string> scalar_text(const std::string& file, const YAML::Node& node, std::string_view what);

// A sequence of scalars (a single scalar counts as a one-element list when ALLOW_SCALAR).
Result<std::vector<std::string>> string_list(const std::string& file, const YAML::Node& node, std::string_view what,
                                             bool allow_scalar);

}  // namespace liyuan::packer
