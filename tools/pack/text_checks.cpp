// UTF-8 per RFC 3629 (table 3-7 of the Unicode standard); slugs and BCP-47 tags by their grammar's shape.
#include "text_checks.h"

#include <fmt/format.h>

#include <vector>

namespace liyuan::packer {
namespace {

bool is_lower_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_alpha(c) || (c >= '0' && c <= '9'); }

// Length of the valid UTF-8 sequence at the start of S, or 0 when it is invalid.
size_t utf8_sequence_length(std::string_view s) {
  const auto b = [&](size_t i) { return static_cast<uint8_t>(s[i]); };
  const uint8_t lead = b(0);
  if (lead < 0x80) return lead == 0 ? 0 : 1;
  size_t length = 0;
  uint8_t low = 0x80, high = 0xbf;  // allowed range of the second byte
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead == 0xe0) length = 3, low = 0xa0;
  else if (lead >= 0xe1 && lead <= 0xec) length = 3;
  else if (lead == 0xed) length = 3, high = 0x9f;  // no surrogates
  else if (lead >= 0xee && lead <= 0xef) length = 3;
  else if (lead == 0xf0) length = 4, low = 0x90;
  else if (lead >= 0xf1 && lead <= 0xf3) length = 4;
  else if (lead == 0xf4) length = 4, high = 0x8f;  // nothing above U+10FFFF
  else return 0;
  if (s.size() < length) return 0;
  if (b(1) < low || b(1) > high) return 0;
  for (size_t i = 2; i < length; ++i) {
    if (b(i) < 0x80 || b(i) > 0xbf) return 0;
  }
  return length;
}

}  // namespace

std::optional<TextPosition> find_invalid_utf8(std::string_view text) {
  uint32_t line = 1, column = 1;
  size_t i = 0;
  while (i < text.size()) {
    const size_t length = utf8_sequence_length(text.substr(i));
    if (length == 0) {
      const uint8_t byte = static_cast<uint8_t>(text[i]);
      std::string problem = byte == 0 ? "NUL byte in text" : fmt::format("byte 0x{:02x} is not valid UTF-8", byte);
      return TextPosition{line, column, std::move(problem)};
    }
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += length;
  }
  return std::nullopt;
}

bool is_slug(std::string_view id) {
  if (id.empty() || id.size() > 64 || !(id[0] >= 'a' && id[0] <= 'z') || id.back() == '-') return false;
  for (size_t i = 0; i < id.size(); ++i) {
    if (id[i] == '-') {
      if (id[i - 1] == '-') return false;
    } else if (!is_lower_alnum(id[i])) {
      return false;
    }
  }
  return true;
}

bool is_locale_tag(std::string_view tag) {
  size_t start = 0, index = 0;
  while (start <= tag.size()) {
    size_t end = tag.find('-', start);
    if (end == std::string_view::npos) end = tag.size();
    const std::string_view part = tag.substr(start, end - start);
    if (index == 0) {
      if (part.size() < 2 || part.size() > 3) return false;
      for (char c : part) {
        if (!is_alpha(c)) return false;
      }
    } else {
      if (part.empty() || part.size() > 8) return false;
      for (char c : part) {
        if (!is_alnum(c)) return false;
      }
    }
    ++index;
    if (end == tag.size()) return true;
    start = end + 1;
  }
  return false;
}

std::string normalize_relative_path(std::string_view base_dir, std::string_view path) {
  if (path.empty() || path[0] == '/' || path[0] == '\\' || (path.size() > 1 && path[1] == ':')) return {};
  std::vector<std::string> parts;
  auto push_parts = [&](std::string_view text) {
    size_t start = 0;
    while (start <= text.size()) {
      size_t end = text.find_first_of("/\\", start);
      if (end == std::string_view::npos) end = text.size();
      const std::string_view part = text.substr(start, end - start);
      if (part == "..") {
        if (parts.empty()) return false;
        parts.pop_back();
      } else if (!part.empty() && part != ".") {
        parts.emplace_back(part);
      }
      if (end == text.size()) break;
      start = end + 1;
    }
    return true;
  };
  if (!push_parts(base_dir) || !push_parts(path) || parts.empty()) return {};
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : "/") + part;
  return out;
}

}  // namespace liyuan::packer
