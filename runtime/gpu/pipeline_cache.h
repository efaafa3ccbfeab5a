// The on-disk pipeline cache: pipelines compile once per machine and driver, not once per run (a kiosk restarting
// after a fault is back on screen sooner).
#pragma once

#include <vulkan/vulkan.h>

#include <cstddef>
#include <filesystem>
#include <span>

#include "core/error.h"
#include "gpu/context.h"

namespace liyuan::gpu {

// In user_cache_dir() (core/cache_dir.h), named after the vendor and device ids. Empty when there is no cache dir.
std::filesystem::path default_pipeline_cache_path(const Context& context);

// Whether DATA starts with a pipeline cache header written by this device and driver (vendor, device and
// pipelineCacheUUID): only such data is handed to the driver.
bool pipeline_cache_data_matches(const Context& context, std::span<const std::byte> data);

// Creates a pipeline cache seeded from PATH when that file exists and its header matches this device and driver
// (vendor, device, pipelineCacheUUID); otherwise an empty cache.
Result<VkPipelineCache> load_pipeline_cache(const Context& context, const std::filesystem::path& path);

// Writes CACHE's data to PATH atomically, creating the directory when needed.
Status save_pipeline_cache(const Context& context, VkPipelineCache cache, const std::filesystem::path& path);

}  // namespace liyuan::gpu
