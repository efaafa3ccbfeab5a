// Swapchains: images created on the application's VkDevice (usage from the create info plus TRANSFER_SRC for
// capture), moved once to the attachment layout the application receives them in, and the acquire → wait →
// release order rules.
#include <array>

#include "entry_points.h"
#include "session_lifetime.h"

namespace xrsim {
namespace {

constexpr std::array<int64_t, 5> kFormats = {VK_FORMAT_R8G8B8A8_SRGB, VK_FORMAT_B8G8R8A8_SRGB, VK_FORMAT_R8G8B8A8_UNORM,
                                             VK_FORMAT_B8G8R8A8_UNORM, VK_FORMAT_D32_SFLOAT};

bool is_depth(int64_t format) {
  return format == VK_FORMAT_D32_SFLOAT;
}

XrResult enumerate_swapchain_formats(XrSession handle, uint32_t capacity, uint32_t* count, int64_t* formats) {
  Session* session = nullptr;
  if (XrResult r = find_session(handle, &session); r != XR_SUCCESS) return r;
  if (count == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  *count = uint32_t(kFormats.size());
  if (capacity == 0) return XR_SUCCESS;
  if (capacity < kFormats.size()) return XR_ERROR_SIZE_INSUFFICIENT;
  if (formats == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  std::copy(kFormats.begin(), kFormats.end(), formats);
  return XR_SUCCESS;
}

VkImageUsageFlags image_usage(XrSwapchainUsageFlags usage) {
  VkImageUsageFlags flags = VK_IMAGE_USAGE_TRANSFER_SRC_BIT;
  if (usage & XR_SWAPCHAIN_USAGE_COLOR_ATTACHMENT_BIT) flags |= VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT;
  if (usage & XR_SWAPCHAIN_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT) flags |= VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT;
  if (usage & XR_SWAPCHAIN_USAGE_UNORDERED_ACCESS_BIT) flags |= VK_IMAGE_USAGE_STORAGE_BIT;
  if (usage & XR_SWAPCHAIN_USAGE_TRANSFER_SRC_BIT) flags |= VK_IMAGE_USAGE_TRANSFER_SRC_BIT;
  if (usage & XR_SWAPCHAIN_USAGE_TRANSFER_DST_BIT) flags |= VK_IMAGE_USAGE_TRANSFER_DST_BIT;
  if (usage & XR_SWAPCHAIN_USAGE_SAMPLED_BIT) flags |= VK_IMAGE_USAGE_SAMPLED_BIT;
  if (usage & XR_SWAPCHAIN_USAGE_INPUT_ATTACHMENT_BIT_KHR) flags |= VK_IMAGE_USAGE_INPUT_ATTACHMENT_BIT;
  return flags;
}

void destroy_images(VulkanDevice& vk, Swapchain& swapchain) {
  for (const Swapchain::Image& image : swapchain.images) {
    if (image.image) vk.fn.DestroyImage(vk.device, image.image, nullptr);
    if (image.memory) vk.fn.FreeMemory(vk.device, image.memory, nullptr);
  }
  swapchain.images.clear();
}

// Creates the images with memory bound; they reach the application's layout on first acquisition.
XrResult create_images(VulkanDevice& vk, Swapchain& swapchain) {
  const XrSwapchainCreateInfo& info = swapchain.info;
  const bool depth = is_depth(info.format);
  for (uint32_t i = 0; i < kSwapchainImageCount; ++i) {
    VkImageCreateInfo image_info{VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO};
    image_info.flags =
        (info.usageFlags & XR_SWAPCHAIN_USAGE_MUTABLE_FORMAT_BIT) ? VK_IMAGE_CREATE_MUTABLE_FORMAT_BIT : 0;
    image_info.imageType = VK_IMAGE_TYPE_2D;
    image_info.format = VkFormat(info.format);
    image_info.extent = {info.width, info.height, 1};
    image_info.mipLevels = info.mipCount;
    image_info.arrayLayers = info.arraySize;
    image_info.samples = VK_SAMPLE_COUNT_1_BIT;
    image_info.tiling = VK_IMAGE_TILING_OPTIMAL;
    image_info.usage = image_usage(info.usageFlags);
    image_info.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
    image_info.initialLayout = VK_IMAGE_LAYOUT_UNDEFINED;
    Swapchain::Image image;
    if (vk.fn.CreateImage(vk.device, &image_info, nullptr, &image.image) != VK_SUCCESS) return XR_ERROR_RUNTIME_FAILURE;
    swapchain.images.push_back(image);
    VkMemoryRequirements requirements{};
    vk.fn.GetImageMemoryRequirements(vk.device, image.image, &requirements);
    auto type = find_memory_type(vk, requirements.memoryTypeBits, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT);
    if (!type) return XR_ERROR_RUNTIME_FAILURE;
    VkMemoryAllocateInfo alloc{VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO};
    alloc.allocationSize = requirements.size;
    alloc.memoryTypeIndex = *type;
    if (vk.fn.AllocateMemory(vk.device, &alloc, nullptr, &swapchain.images.back().memory) != VK_SUCCESS)
      return XR_ERROR_RUNTIME_FAILURE;
    vk.fn.BindImageMemory(vk.device, image.image, swapchain.images.back().memory, 0);
  }
  swapchain.layout =
      depth ? VK_IMAGE_LAYOUT_DEPTH_STENCIL_ATTACHMENT_OPTIMAL : VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
  return XR_SUCCESS;
}

// Moves image INDEX from UNDEFINED to the layout the application receives it in. Done at its first acquisition:
// XR_KHR_vulkan_enable lets the runtime use the application's queue in xrAcquireSwapchainImage, not at creation.
XrResult hand_over(VulkanDevice& vk, Swapchain& swapchain, uint32_t index) {
  Swapchain::Image& image = swapchain.images[index];
  if (image.handed_over) return XR_SUCCESS;
  const XrSwapchainCreateInfo& info = swapchain.info;
  const bool depth = is_depth(info.format);
  const liyuan::Status moved = submit_and_wait(vk, [&](VkCommandBuffer cmd) {
    VkImageMemoryBarrier b{VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER};
    b.srcAccessMask = 0;
    b.dstAccessMask = depth ? VK_ACCESS_DEPTH_STENCIL_ATTACHMENT_READ_BIT | VK_ACCESS_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT
                            : VK_ACCESS_COLOR_ATTACHMENT_READ_BIT | VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT;
    b.oldLayout = VK_IMAGE_LAYOUT_UNDEFINED;
    b.newLayout = swapchain.layout;
    b.srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    b.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    b.image = image.image;
    b.subresourceRange = {VkImageAspectFlags(depth ? VK_IMAGE_ASPECT_DEPTH_BIT : VK_IMAGE_ASPECT_COLOR_BIT), 0,
                          info.mipCount, 0, info.arraySize};
    const VkPipelineStageFlags stages =
        depth ? VK_PIPELINE_STAGE_EARLY_FRAGMENT_TESTS_BIT | VK_PIPELINE_STAGE_LATE_FRAGMENT_TESTS_BIT
              : VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT;
    vk.fn.CmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_TOP_OF_PIPE_BIT, stages, 0, 0, nullptr, 0, nullptr, 1, &b);
  });
  if (!moved) return XR_ERROR_RUNTIME_FAILURE;
  image.handed_over = true;
  return XR_SUCCESS;
}

XrResult create_swapchain(XrSession handle, const XrSwapchainCreateInfo* info, XrSwapchain* out) {
  Session* session = nullptr;
  if (XrResult r = find_session(handle, &session); r != XR_SUCCESS) return r;
  if (info == nullptr || out == nullptr || info->type != XR_TYPE_SWAPCHAIN_CREATE_INFO)
    return XR_ERROR_VALIDATION_FAILURE;
  if (std::find(kFormats.begin(), kFormats.end(), info->format) == kFormats.end())
    return XR_ERROR_SWAPCHAIN_FORMAT_UNSUPPORTED;
  if (info->createFlags != 0) return XR_ERROR_FEATURE_UNSUPPORTED;  // protected content, static images
  if (info->faceCount != 1 || info->arraySize == 0 || info->mipCount == 0 || info->width == 0 || info->height == 0)
    return XR_ERROR_VALIDATION_FAILURE;
  if (info->width > kMaxImageSize || info->height > kMaxImageSize || info->sampleCount != 1)
    return XR_ERROR_FEATURE_UNSUPPORTED;
  const bool depth = is_depth(info->format);
  if ((depth && (info->usageFlags & XR_SWAPCHAIN_USAGE_COLOR_ATTACHMENT_BIT)) ||
      (!depth && (info->usageFlags & XR_SWAPCHAIN_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT)))
    return XR_ERROR_FEATURE_UNSUPPORTED;
  auto swapchain = std::make_unique<Swapchain>();
  swapchain->session = session;
  swapchain->info = *info;
  swapchain->info.next = nullptr;
  if (XrResult r = create_images(session->vulkan, *swapchain); r != XR_SUCCESS) {
    destroy_images(session->vulkan, *swapchain);
    return r;
  }
  runtime().live[swapchain.get()] = HandleKind::Swapchain;
  *out = reinterpret_cast<XrSwapchain>(swapchain.get());
  session->swapchains.push_back(std::move(swapchain));
  return XR_SUCCESS;
}

XrResult destroy_swapchain(XrSwapchain handle) {
  Swapchain* swapchain = lookup_swapchain(handle);
  if (swapchain == nullptr) return XR_ERROR_HANDLE_INVALID;
  Session& session = *swapchain->session;
  destroy_images(session.vulkan, *swapchain);
  runtime().live.erase(swapchain);
  std::erase_if(session.swapchains, [&](const auto& s) { return s.get() == swapchain; });
  return XR_SUCCESS;
}

XrResult enumerate_swapchain_images(XrSwapchain handle, uint32_t capacity, uint32_t* count,
                                    XrSwapchainImageBaseHeader* images) {
  Swapchain* swapchain = lookup_swapchain(handle);
  if (swapchain == nullptr) return XR_ERROR_HANDLE_INVALID;
  if (count == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  *count = uint32_t(swapchain->images.size());
  if (capacity == 0) return XR_SUCCESS;
  if (capacity < swapchain->images.size()) return XR_ERROR_SIZE_INSUFFICIENT;
  if (images == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  auto* vulkan_images = reinterpret_cast<XrSwapchainImageVulkan2KHR*>(images);
  for (size_t i = 0; i < swapchain->images.size(); ++i) {
    if (vulkan_images[i].type != XR_TYPE_SWAPCHAIN_IMAGE_VULKAN2_KHR) return XR_ERROR_VALIDATION_FAILURE;
    vulkan_images[i].image = swapchain->images[i].image;
  }
  return XR_SUCCESS;
}

XrResult acquire_image(XrSwapchain handle, const XrSwapchainImageAcquireInfo* info, uint32_t* index) {
  Swapchain* swapchain = lookup_swapchain(handle);
  if (swapchain == nullptr) return XR_ERROR_HANDLE_INVALID;
  if (swapchain->session->lost) return XR_ERROR_SESSION_LOST;
  if ((info != nullptr && info->type != XR_TYPE_SWAPCHAIN_IMAGE_ACQUIRE_INFO) || index == nullptr)
    return XR_ERROR_VALIDATION_FAILURE;
  if (swapchain->held.size() == swapchain->images.size()) return XR_ERROR_CALL_ORDER_INVALID;
  if (XrResult r = hand_over(swapchain->session->vulkan, *swapchain, swapchain->next_to_acquire); r != XR_SUCCESS)
    return r;
  *index = swapchain->next_to_acquire;
  swapchain->held.push_back({*index, false});
  swapchain->next_to_acquire = (swapchain->next_to_acquire + 1) % uint32_t(swapchain->images.size());
  return XR_SUCCESS;
}

XrResult wait_image(XrSwapchain handle, const XrSwapchainImageWaitInfo* info) {
  Swapchain* swapchain = lookup_swapchain(handle);
  if (swapchain == nullptr) return XR_ERROR_HANDLE_INVALID;
  if (swapchain->session->lost) return XR_ERROR_SESSION_LOST;
  if (info == nullptr || info->type != XR_TYPE_SWAPCHAIN_IMAGE_WAIT_INFO) return XR_ERROR_VALIDATION_FAILURE;
  // The oldest acquired image not yet waited; a waited image must be released before the next wait.
  for (Swapchain::Held& held : swapchain->held) {
    if (held.waited) return XR_ERROR_CALL_ORDER_INVALID;
    held.waited = true;
    return XR_SUCCESS;  // the simulated compositor never holds an image: it is ready at once
  }
  return XR_ERROR_CALL_ORDER_INVALID;
}

XrResult release_image(XrSwapchain handle, const XrSwapchainImageReleaseInfo* info) {
  Swapchain* swapchain = lookup_swapchain(handle);
  if (swapchain == nullptr) return XR_ERROR_HANDLE_INVALID;
  if (swapchain->session->lost) return XR_ERROR_SESSION_LOST;
  if (info != nullptr && info->type != XR_TYPE_SWAPCHAIN_IMAGE_RELEASE_INFO) return XR_ERROR_VALIDATION_FAILURE;
  if (swapchain->held.empty() || !swapchain->held.front().waited) return XR_ERROR_CALL_ORDER_INVALID;
  swapchain->last_released = swapchain->held.front().index;
  swapchain->held.pop_front();
  return XR_SUCCESS;
}

}  // namespace

void add_swapchain_functions(FunctionTable& table) {
  add_function<"xrEnumerateSwapchainFormats", &enumerate_swapchain_formats>(table);
  add_function<"xrCreateSwapchain", &create_swapchain>(table);
  add_function<"xrDestroySwapchain", &destroy_swapchain>(table);
  add_function<"xrEnumerateSwapchainImages", &enumerate_swapchain_images>(table);
  add_function<"xrAcquireSwapchainImage", &acquire_image>(table);
  add_function<"xrWaitSwapchainImage", &wait_image>(table);
  add_function<"xrReleaseSwapchainImage", &release_image>(table);
}

}  // namespace xrsim
