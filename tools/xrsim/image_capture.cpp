#include "image_capture.h"

#include <cstring>
#include <filesystem>

#include "core/image_file.h"

namespace xrsim {
namespace {

struct HostBuffer {
  VkBuffer buffer = VK_NULL_HANDLE;
  VkDeviceMemory memory = VK_NULL_HANDLE;
};

liyuan::Result<HostBuffer> create_host_buffer(VulkanDevice& device, VkDeviceSize size) {
  const VulkanFunctions& fn = device.fn;
  HostBuffer host;
  VkBufferCreateInfo info{VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO};
  info.size = size;
  info.usage = VK_BUFFER_USAGE_TRANSFER_DST_BIT;
  info.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
  if (fn.CreateBuffer(device.device, &info, nullptr, &host.buffer) != VK_SUCCESS)
    return liyuan::make_error("xrsim: cannot create the capture buffer");
  VkMemoryRequirements requirements{};
  fn.GetBufferMemoryRequirements(device.device, host.buffer, &requirements);
  auto type = find_memory_type(device, requirements.memoryTypeBits,
                               VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT);
  VkMemoryAllocateInfo alloc{VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO};
  alloc.allocationSize = requirements.size;
  alloc.memoryTypeIndex = type ? *type : 0;
  if (!type || fn.AllocateMemory(device.device, &alloc, nullptr, &host.memory) != VK_SUCCESS) {
    fn.DestroyBuffer(device.device, host.buffer, nullptr);
    return liyuan::make_error("xrsim: cannot allocate the capture buffer");
  }
  fn.BindBufferMemory(device.device, host.buffer, host.memory, 0);
  return host;
}

bool is_bgra(int64_t format) {
  return format == VK_FORMAT_B8G8R8A8_SRGB || format == VK_FORMAT_B8G8R8A8_UNORM;
}

}  // namespace

liyuan::Status capture_views(VulkanDevice& device, const std::vector<CapturedView>& views, const std::string& dir,
                             uint64_t frame, std::vector<std::string>& written) {
  const VulkanFunctions& fn = device.fn;
  for (const CapturedView& view : views) {
    const int64_t format = view.swapchain->info.format;
    if (format != VK_FORMAT_R8G8B8A8_SRGB && format != VK_FORMAT_R8G8B8A8_UNORM && !is_bgra(format))
      return liyuan::make_error("xrsim: only 8-bit RGBA/BGRA colour swapchains can be captured");
  }
  std::vector<VkDeviceSize> offsets;
  VkDeviceSize total = 0;
  for (const CapturedView& view : views) {
    offsets.push_back(total);
    total += VkDeviceSize(view.rect.extent.width) * view.rect.extent.height * 4;
  }
  auto host = create_host_buffer(device, total);
  if (!host) return host.error();
  // Distinct images, each moved once from the layout the application hands back to TRANSFER_SRC and back.
  std::vector<VkImage> images;
  for (const CapturedView& view : views) {
    const VkImage image = view.swapchain->images[view.image_index].image;
    if (std::find(images.begin(), images.end(), image) == images.end()) images.push_back(image);
  }
  const auto image_barriers = [&](bool to_transfer) {
    std::vector<VkImageMemoryBarrier> barriers;
    for (const CapturedView& view : views) {
      const VkImage image = view.swapchain->images[view.image_index].image;
      bool seen = false;
      for (const VkImageMemoryBarrier& b : barriers) seen = seen || b.image == image;
      if (seen) continue;
      VkImageMemoryBarrier b{VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER};
      b.srcAccessMask = to_transfer ? VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT : VK_ACCESS_TRANSFER_READ_BIT;
      b.dstAccessMask = to_transfer ? VK_ACCESS_TRANSFER_READ_BIT
                                    : VK_ACCESS_COLOR_ATTACHMENT_READ_BIT | VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT;
      b.oldLayout = to_transfer ? view.swapchain->layout : VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL;
      b.newLayout = to_transfer ? VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL : view.swapchain->layout;
      b.srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
      b.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
      b.image = image;
      b.subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, view.swapchain->info.arraySize};
      barriers.push_back(b);
    }
    return barriers;
  };
  liyuan::Status submitted = submit_and_wait(device, [&](VkCommandBuffer cmd) {
    const auto to_transfer = image_barriers(true);
    fn.CmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT, 0, 0,
                          nullptr, 0, nullptr, uint32_t(to_transfer.size()), to_transfer.data());
    for (size_t i = 0; i < views.size(); ++i) {
      const CapturedView& view = views[i];
      VkBufferImageCopy region{};
      region.bufferOffset = offsets[i];
      region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, view.array_index, 1};
      region.imageOffset = {view.rect.offset.x, view.rect.offset.y, 0};
      region.imageExtent = {uint32_t(view.rect.extent.width), uint32_t(view.rect.extent.height), 1};
      fn.CmdCopyImageToBuffer(cmd, view.swapchain->images[view.image_index].image, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                              host->buffer, 1, &region);
    }
    const auto back = image_barriers(false);
    VkBufferMemoryBarrier to_host{VK_STRUCTURE_TYPE_BUFFER_MEMORY_BARRIER};
    to_host.srcAccessMask = VK_ACCESS_TRANSFER_WRITE_BIT;
    to_host.dstAccessMask = VK_ACCESS_HOST_READ_BIT;
    to_host.srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    to_host.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    to_host.buffer = host->buffer;
    to_host.size = VK_WHOLE_SIZE;
    fn.CmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_HOST_BIT, 0, 0, nullptr, 1, &to_host,
                          0, nullptr);
    fn.CmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT, 0, 0,
                          nullptr, 0, nullptr, uint32_t(back.size()), back.data());
  });
  liyuan::Status result = submitted;
  void* mapped = nullptr;
  if (result && fn.MapMemory(device.device, host->memory, 0, VK_WHOLE_SIZE, 0, &mapped) != VK_SUCCESS)
    result = liyuan::make_error("xrsim: cannot map the capture buffer");
  if (result) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    for (size_t i = 0; i < views.size() && result; ++i) {
      liyuan::RgbaImage image;
      image.width = uint32_t(views[i].rect.extent.width);
      image.height = uint32_t(views[i].rect.extent.height);
      image.pixels.resize(size_t(image.width) * image.height * 4);
      std::memcpy(image.pixels.data(), static_cast<const uint8_t*>(mapped) + offsets[i], image.pixels.size());
      if (is_bgra(views[i].swapchain->info.format))
        for (size_t p = 0; p < image.pixels.size(); p += 4) std::swap(image.pixels[p], image.pixels[p + 2]);
      const std::string path =
          (std::filesystem::path(dir) / ("frame-" + std::to_string(frame) + "-eye-" + std::to_string(i) + ".png"))
              .string();
      result = liyuan::write_png(path, image);
      if (result) written.push_back(path);
    }
    fn.UnmapMemory(device.device, host->memory);
  }
  fn.DestroyBuffer(device.device, host->buffer, nullptr);
  fn.FreeMemory(device.device, host->memory, nullptr);
  return result;
}

}  // namespace xrsim
