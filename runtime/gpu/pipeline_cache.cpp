#include "gpu/pipeline_cache.h"

#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "core/atomic_file.h"
#include "core/cache_dir.h"
#include "core/mapped_file.h"
#include "gpu/vk_result.h"

namespace liyuan::gpu {
bool pipeline_cache_data_matches(const Context& context, std::span<const std::byte> data) {
  VkPipelineCacheHeaderVersionOne header{};
  if (data.size() < sizeof header) return false;
  std::memcpy(&header, data.data(), sizeof header);
  return header.headerSize >= sizeof header && header.headerVersion == VK_PIPELINE_CACHE_HEADER_VERSION_ONE &&
         header.vendorID == context.properties.vendorID && header.deviceID == context.properties.deviceID &&
         std::memcmp(header.pipelineCacheUUID, context.properties.pipelineCacheUUID, VK_UUID_SIZE) == 0;
}

std::filesystem::path default_pipeline_cache_path(const Context& context) {
  std::filesystem::path directory = user_cache_dir();
  if (directory.empty()) return {};
  char name[64];
  std::snprintf(name, sizeof name, "pipelines-%04x-%04x.bin", context.properties.vendorID,
                context.properties.deviceID);
  return directory / name;
}

Result<VkPipelineCache> load_pipeline_cache(const Context& context, const std::filesystem::path& path) {
  VkPipelineCacheCreateInfo info{VK_STRUCTURE_TYPE_PIPELINE_CACHE_CREATE_INFO};
  MappedFile file;
  if (!path.empty() && std::filesystem::exists(path)) {
    if (auto mapped = MappedFile::open(path); mapped && pipeline_cache_data_matches(context, mapped->bytes())) {
      file = std::move(*mapped);
      info.initialDataSize = file.size();
      info.pInitialData = file.bytes().data();
    }
  }
  VkPipelineCache cache = VK_NULL_HANDLE;
  if (Status s = vk_check(vkCreatePipelineCache(context.device, &info, nullptr, &cache), "vkCreatePipelineCache");
      !s)
    return s.error();
  return cache;
}

Status save_pipeline_cache(const Context& context, VkPipelineCache cache, const std::filesystem::path& path) {
  size_t size = 0;
  if (Status s = vk_check(vkGetPipelineCacheData(context.device, cache, &size, nullptr), "vkGetPipelineCacheData");
      !s)
    return s;
  std::vector<std::byte> data(size);
  if (Status s = vk_check(vkGetPipelineCacheData(context.device, cache, &size, data.data()), "vkGetPipelineCacheData");
      !s)
    return s;
  data.resize(size);
  std::error_code error;
  std::filesystem::create_directories(path.parent_path(), error);
  if (error) return make_error(path.parent_path().string() + ": cannot create: " + error.message());
  return write_file_atomically(path, data);
}

}  // namespace liyuan::gpu
