// SCEN/STRS chunks: a header, a path, the file's bytes.
#include "assets/pack_files.h"

#include "assets/catalogue.h"

#include <fmt/format.h>

#include <cstring>
#include <set>
#include <string>

namespace liyuan {
namespace {

bool is_clean_relative_path(std::string_view path) {
  if (path.empty() || path.front() == '/' || path.find('\\') != std::string_view::npos) return false;
  size_t start = 0;
  while (true) {
    const size_t end = std::min(path.find('/', start), path.size());
    const std::string_view part = path.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    if (end == path.size()) return true;
    start = end + 1;
  }
}

}  // namespace

Result<std::vector<PackFile>> load_pack_files(const PackReader& reader, pack::ChunkType type) {
  std::vector<PackFile> files;
  std::set<std::string_view> paths;
  const std::string file = reader.path().string();
  const uint32_t count = reader.count(type);
  for (uint32_t index = 0; index < count; ++index) {
    const int position = reader.find(type, index);
    auto fail = [&](std::string message) -> Error {
      return make_chunk_error(file, reader.chunk_label(size_t(position)), std::move(message));
    };
    auto bytes = reader.load(size_t(position));
    if (!bytes) return bytes.error();
    PackFile carried;
    carried.storage = std::move(*bytes);
    carried.chunk = fmt::format("{}#{}", pack::chunk_type_name(uint32_t(type)), index);
    const auto payload = carried.storage.bytes();
    if (payload.size() < sizeof(pack::FileChunkHeader)) {
      return fail(fmt::format("{} bytes, shorter than the {}-byte file header", payload.size(),
                              sizeof(pack::FileChunkHeader)));
    }
    pack::FileChunkHeader h;
    std::memcpy(&h, payload.data(), sizeof h);
    if (uint64_t(h.path_size) > payload.size() - sizeof h || h.data_offset < sizeof h + uint64_t(h.path_size) ||
        h.data_offset > payload.size()) {
      return fail(fmt::format("path ({} bytes) or data offset {} outside the {}-byte chunk", h.path_size, h.data_offset,
                              payload.size()));
    }
    const char* base = reinterpret_cast<const char*>(payload.data());
    carried.path = std::string_view(base + sizeof h, h.path_size);
    carried.text = std::string_view(base + h.data_offset, payload.size() - h.data_offset);
    if (!is_valid_utf8(carried.path) || !is_clean_relative_path(carried.path)) {
      return fail("the file's path is not a clean relative UTF-8 path");
    }
    if (!is_valid_utf8(carried.text)) return fail(fmt::format("'{}' is not valid UTF-8", carried.path));
    if (!paths.insert(carried.path).second) return fail(fmt::format("'{}' is carried twice", carried.path));
    files.push_back(std::move(carried));
  }
  return files;
}

const PackFile* find_pack_file(const std::vector<PackFile>& files, std::string_view path) {
  for (const PackFile& f : files) {
    if (f.path == path) return &f;
  }
  return nullptr;
}

}  // namespace liyuan
