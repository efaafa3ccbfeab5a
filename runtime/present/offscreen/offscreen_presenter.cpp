#include "present/offscreen/offscreen_presenter.h"

#include <cstring>
#include <vector>

#include "gpu/commands.h"

namespace liyuan::present {

Status OffscreenPresenter::init(gpu::Gpu& gpu) {
  gpu_ = &gpu;
  gpu::ImageDesc desc;
  desc.format = kFormat;
  desc.width = desc_.width;
  desc.height = desc_.height;
  desc.layers = desc_.view_count;
  desc.view_type = VK_IMAGE_VIEW_TYPE_2D_ARRAY;
  desc.usage = VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT;
  auto target = gpu::create_image(gpu, desc);
  if (!target) return target.error();
  target_ = *target;
  VkDeviceSize bytes = VkDeviceSize(desc_.width) * desc_.height * 4 * desc_.view_count;
  auto readback = gpu::create_buffer(gpu, bytes, VK_BUFFER_USAGE_TRANSFER_DST_BIT, gpu::MemoryUsage::Readback);
  if (!readback) return readback.error();
  readback_ = *readback;
  return {};
}

Result<PresenterFrame> OffscreenPresenter::begin_frame() {
  auto commands = gpu::begin_commands(*gpu_);
  if (!commands) return commands.error();
  commands_ = *commands;
  PresenterFrame frame;
  frame.commands = commands_;
  frame.target = &target_;
  frame.target_use = {VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT, VK_ACCESS_2_NONE};
  frame.target_use_after = gpu::use::kTransferSrc;
  frame.view_count = desc_.view_count;
  frame.display_time = double(frame_index_++) / desc_.fps;
  frame.display_period = 1.0 / desc_.fps;
  return frame;
}

Result<PresenterEvents> OffscreenPresenter::end_frame(bool rendered) {
  if (!rendered) {
    vkEndCommandBuffer(commands_);
    vkFreeCommandBuffers(gpu_->device(), gpu_->command_pool, 1, &commands_);
    commands_ = VK_NULL_HANDLE;
    return PresenterEvents{};
  }
  std::vector<VkBufferImageCopy> regions(desc_.view_count);
  for (uint32_t layer = 0; layer < desc_.view_count; ++layer) {
    regions[layer].bufferOffset = VkDeviceSize(desc_.width) * desc_.height * 4 * layer;
    regions[layer].imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, layer, 1};
    regions[layer].imageExtent = {desc_.width, desc_.height, 1};
  }
  vkCmdCopyImageToBuffer(commands_, target_.handle, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, readback_.handle,
                         desc_.view_count, regions.data());
  gpu::copies_to_host_barrier(commands_);
  VkCommandBuffer commands = commands_;
  commands_ = VK_NULL_HANDLE;
  if (Status s = gpu::submit_and_wait(*gpu_, commands); !s) return s.error();

  size_t layer_bytes = size_t(desc_.width) * desc_.height * 4;
  views_.assign(desc_.view_count, RgbaImage{desc_.width, desc_.height, {}});
  const auto* source = static_cast<const uint8_t*>(readback_.mapped());
  for (uint32_t v = 0; v < desc_.view_count; ++v)
    views_[v].pixels.assign(source + v * layer_bytes, source + (v + 1) * layer_bytes);
  return PresenterEvents{};
}

void OffscreenPresenter::shutdown() {
  if (!gpu_) return;
  vkDeviceWaitIdle(gpu_->device());
  if (commands_) {
    vkFreeCommandBuffers(gpu_->device(), gpu_->command_pool, 1, &commands_);
    commands_ = VK_NULL_HANDLE;
  }
  gpu::destroy_buffer(*gpu_, readback_);
  gpu::destroy_image(*gpu_, target_);
  gpu_ = nullptr;
}

}  // namespace liyuan::present
