// Read-only memory-mapped files: the runtime reads packs in place, without copying.
#pragma once

#include "core/error.h"

#include <cstddef>
#include <filesystem>
#include <span>

namespace liyuan {

class MappedFile {
 public:
  MappedFile() = default;
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  // Maps PATH read-only. An empty file maps to an empty span. Errors name the path and the system's reason.
  static Result<MappedFile> open(const std::filesystem::path& path);

  std::span<const std::byte> bytes() const { return {data_, size_}; }
  size_t size() const { return size_; }

 private:
  const std::byte* data_ = nullptr;
  size_t size_ = 0;
};

// Reads a whole file into memory (for small text files such as scene documents).
Result<std::string> read_text_file(const std::filesystem::path& path);

}  // namespace liyuan
