#include "gpu/upload.h"

#include <algorithm>
#include <cstring>

#include "gpu/barriers.h"
#include "gpu/commands.h"

namespace liyuan::gpu {

Uploader::Uploader(Gpu& gpu) : gpu_(gpu) {}

Uploader::~Uploader() {
  if (commands_) {
    vkEndCommandBuffer(commands_);
    vkFreeCommandBuffers(gpu_.device(), gpu_.command_pool, 1, &commands_);
  }
  release_staging();
}

void Uploader::release_staging() {
  for (Buffer& buffer : staging_) destroy_buffer(gpu_, buffer);
  staging_.clear();
}

Status Uploader::ensure_recording() {
  if (commands_) return {};
  auto commands = begin_commands(gpu_);
  if (!commands) return commands.error();
  commands_ = *commands;
  return {};
}

Result<std::span<std::byte>> Uploader::stage(VkDeviceSize size, VkBuffer* buffer) {
  if (Status s = ensure_recording(); !s) return s.error();
  auto staging = create_buffer(gpu_, std::max<VkDeviceSize>(size, 4), VK_BUFFER_USAGE_TRANSFER_SRC_BIT,
                               MemoryUsage::Upload);
  if (!staging) return staging.error();
  staging_.push_back(*staging);
  staged_bytes_ += size;
  *buffer = staging->handle;
  return std::span<std::byte>(static_cast<std::byte*>(staging->mapped()), size);
}

Status Uploader::upload_buffer(const Buffer& dst, VkDeviceSize offset, VkDeviceSize size, const StagingWriter& write) {
  if (size == 0) return {};
  if (offset + size > dst.size) return make_error("upload past the end of a buffer");
  VkBuffer source = VK_NULL_HANDLE;
  auto bytes = stage(size, &source);
  if (!bytes) return bytes.error();
  if (Status s = write(*bytes); !s) return s;
  VkBufferCopy region{0, offset, size};
  vkCmdCopyBuffer(commands_, source, dst.handle, 1, &region);
  return {};
}

Status Uploader::upload_image(const Image& dst, std::span<const std::span<const std::byte>> mips) {
  if (mips.size() != dst.desc.mip_levels) return make_error("upload_image: mip count does not match the image");
  VkDeviceSize total = 0;
  for (const auto& mip : mips) total += (mip.size() + 15) & ~VkDeviceSize(15);
  VkBuffer source = VK_NULL_HANDLE;
  auto bytes = stage(total, &source);
  if (!bytes) return bytes.error();
  std::vector<VkBufferImageCopy> regions;
  VkDeviceSize offset = 0;
  for (uint32_t level = 0; level < mips.size(); ++level) {
    std::memcpy(bytes->data() + offset, mips[level].data(), mips[level].size());
    VkBufferImageCopy region{};
    region.bufferOffset = offset;
    region.imageSubresource = {dst.aspect, level, 0, 1};
    region.imageExtent = {std::max(1u, dst.desc.width >> level), std::max(1u, dst.desc.height >> level), 1};
    regions.push_back(region);
    offset += (mips[level].size() + 15) & ~VkDeviceSize(15);
  }
  transition_image(commands_, dst, use::kUndefined, use::kTransferDst);
  vkCmdCopyBufferToImage(commands_, source, dst.handle, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL,
                         static_cast<uint32_t>(regions.size()), regions.data());
  transition_image(commands_, dst, use::kTransferDst, use::kFragmentSampled);
  return {};
}

Status Uploader::flush() {
  if (!commands_) return {};
  VkCommandBuffer commands = commands_;
  commands_ = VK_NULL_HANDLE;
  // Make every copied byte visible to whatever reads it next (vertex fetch, index fetch, uniforms, shaders).
  memory_barrier(commands, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                 VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT, VK_ACCESS_2_MEMORY_READ_BIT);
  Status status = submit_and_wait(gpu_, commands);
  release_staging();
  return status;
}

}  // namespace liyuan::gpu
