// Staging uploads: data is written (or decoded) straight into host-visible staging memory, copies are recorded into
// one command buffer, and flush() submits them all at once and waits.
#pragma once

#include <vulkan/vulkan.h>

#include <cstddef>
#include <functional>
#include <span>
#include <vector>

#include "core/error.h"
#include "gpu/buffer.h"
#include "gpu/image.h"

namespace liyuan::gpu {

// Fills the staging bytes it is given; an error aborts the upload.
using StagingWriter = std::function<Status(std::span<std::byte> staging)>;

class Uploader {
 public:
  explicit Uploader(Gpu& gpu);
  ~Uploader();  // releases staging memory; unsubmitted copies are dropped
  Uploader(const Uploader&) = delete;
  Uploader& operator=(const Uploader&) = delete;

  // Queues a copy of SIZE bytes, produced by WRITE, into DST at OFFSET.
  Status upload_buffer(const Buffer& dst, VkDeviceSize offset, VkDeviceSize size, const StagingWriter& write);
  // Queues uploads of every level of DST (level i from MIPS[i], tightly packed) and leaves DST ready for sampling
  // in fragment shaders.
  Status upload_image(const Image& dst, std::span<const std::span<const std::byte>> mips);
  // Submits every queued copy and waits; staging memory is released afterwards.
  Status flush();

  VkDeviceSize staged_bytes() const { return staged_bytes_; }

 private:
  Result<std::span<std::byte>> stage(VkDeviceSize size, VkBuffer* buffer);
  Status ensure_recording();
  void release_staging();

  Gpu& gpu_;
  VkCommandBuffer commands_ = VK_NULL_HANDLE;
  std::vector<Buffer> staging_;
  VkDeviceSize staged_bytes_ = 0;
};

}  // namespace liyuan::gpu
