#include "paths.h"

#include <cstring>

#include "entry_points.h"

namespace xrsim {

bool is_well_formed_path(std::string_view text) {
  if (text.size() < 2 || text.size() >= XR_MAX_PATH_LENGTH || text.front() != '/' || text.back() == '/') return false;
  size_t start = 1;
  while (start <= text.size()) {
    size_t end = text.find('/', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view segment = text.substr(start, end - start);
    if (segment.empty() || segment == "." || segment == "..") return false;
    for (char c : segment)
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.')) return false;
    start = end + 1;
  }
  return true;
}

XrPath intern_path(Instance& instance, const std::string& text) {
  const auto it = instance.path_ids.find(text);
  if (it != instance.path_ids.end()) return it->second;
  instance.path_strings.push_back(text);
  const XrPath path = instance.path_strings.size();
  instance.path_ids.emplace(text, path);
  return path;
}

const std::string& path_string(const Instance& instance, XrPath path) {
  static const std::string empty;
  if (path == XR_NULL_PATH || path > instance.path_strings.size()) return empty;
  return instance.path_strings[path - 1];
}

namespace {

XrResult string_to_path(XrInstance handle, const char* text, XrPath* path) {
  Instance* instance = lookup_instance(handle);
  if (instance == nullptr) return XR_ERROR_HANDLE_INVALID;
  if (text == nullptr || path == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  if (!is_well_formed_path(text)) return XR_ERROR_PATH_FORMAT_INVALID;
  *path = intern_path(*instance, text);
  return XR_SUCCESS;
}

XrResult path_to_string(XrInstance handle, XrPath path, uint32_t capacity, uint32_t* count, char* buffer) {
  const Instance* instance = lookup_instance(handle);
  if (instance == nullptr) return XR_ERROR_HANDLE_INVALID;
  if (count == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  const std::string& text = path_string(*instance, path);
  if (text.empty()) return XR_ERROR_PATH_INVALID;
  *count = uint32_t(text.size() + 1);
  if (capacity == 0) return XR_SUCCESS;
  if (capacity < text.size() + 1) return XR_ERROR_SIZE_INSUFFICIENT;
  if (buffer == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  std::memcpy(buffer, text.c_str(), text.size() + 1);
  return XR_SUCCESS;
}

}  // namespace

void add_path_functions(FunctionTable& table) {
  add_function<"xrStringToPath", &string_to_path>(table);
  add_function<"xrPathToString", &path_to_string>(table);
}

}  // namespace xrsim
