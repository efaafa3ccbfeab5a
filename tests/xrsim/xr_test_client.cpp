#include "xr_test_client.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "support/test_support.h"

namespace liyuan::test {
namespace {

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

VKAPI_ATTR VkBool32 VKAPI_CALL on_vulkan_message(VkDebugUtilsMessageSeverityFlagBitsEXT,
                                                 VkDebugUtilsMessageTypeFlagsEXT,
                                                 const VkDebugUtilsMessengerCallbackDataEXT* data, void* user) {
  static_cast<XrClient*>(user)->vulkan_messages.push_back(data->pMessage ? data->pMessage : "(no text)");
  return VK_FALSE;
}

#define XR_OK(call) ASSERT_EQ((call), XR_SUCCESS) << #call
#define VK_OK(call) ASSERT_EQ((call), VK_SUCCESS) << #call

}  // namespace

XrsimFiles use_xrsim(const std::string& script_text) {
  XrsimFiles files;
  files.dir = output_dir();
  files.script = files.dir / "script.txt";
  files.report = files.dir / "report.json";
  files.xr_validation = files.dir / "xr-validation.txt";
  files.captures = files.dir / "captures";
  std::ofstream(files.script) << script_text;
  setenv("XR_RUNTIME_JSON", LIYUAN_XRSIM_MANIFEST, 1);
  setenv("XR_ENABLE_API_LAYERS", "XR_APILAYER_LUNARG_core_validation", 1);
  setenv("XR_CORE_VALIDATION_EXPORT_TYPE", "text", 1);
  setenv("XR_CORE_VALIDATION_FILE_NAME", files.xr_validation.c_str(), 1);
  setenv("XRSIM_SCRIPT", files.script.c_str(), 1);
  setenv("XRSIM_REPORT", files.report.c_str(), 1);
  setenv("XRSIM_CAPTURE_DIR", files.captures.c_str(), 1);
  return files;
}

nlohmann::json read_report(const XrsimFiles& files) {
  const std::string text = read_text(files.report);
  if (text.empty()) return nlohmann::json::object();
  return nlohmann::json::parse(text);
}

std::string xr_validation_messages(const XrsimFiles& files) {
  return std::filesystem::exists(files.xr_validation) ? read_text(files.xr_validation) : "";
}

XrClient::~XrClient() {
  destroy_session();
  if (instance != XR_NULL_HANDLE) xrDestroyInstance(instance);
  if (device != VK_NULL_HANDLE) {
    vkDeviceWaitIdle(device);
    if (command_pool) vkDestroyCommandPool(device, command_pool, nullptr);
    vkDestroyDevice(device, nullptr);
  }
  if (messenger != VK_NULL_HANDLE) {
    auto destroy = reinterpret_cast<PFN_vkDestroyDebugUtilsMessengerEXT>(
        vkGetInstanceProcAddr(vk_instance, "vkDestroyDebugUtilsMessengerEXT"));
    destroy(vk_instance, messenger, nullptr);
  }
  if (vk_instance != VK_NULL_HANDLE) vkDestroyInstance(vk_instance, nullptr);
}

XrResult XrClient::create_instance(const std::vector<const char*>& extra_extensions) {
  std::vector<const char*> extensions = {XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME};
  extensions.insert(extensions.end(), extra_extensions.begin(), extra_extensions.end());
  for (const char* e : extra_extensions)
    if (std::strcmp(e, XR_KHR_COMPOSITION_LAYER_DEPTH_EXTENSION_NAME) == 0) depth_enabled = true;
  XrInstanceCreateInfo info{XR_TYPE_INSTANCE_CREATE_INFO};
  std::strcpy(info.applicationInfo.applicationName, "xrsim-test");
  info.applicationInfo.apiVersion = XR_CURRENT_API_VERSION;
  info.enabledExtensionCount = uint32_t(extensions.size());
  info.enabledExtensionNames = extensions.data();
  XrResult result = xrCreateInstance(&info, &instance);
  if (result != XR_SUCCESS) return result;
  XrSystemGetInfo system_info{XR_TYPE_SYSTEM_GET_INFO};
  system_info.formFactor = XR_FORM_FACTOR_HEAD_MOUNTED_DISPLAY;
  result = xrGetSystem(instance, &system_info, &system);
  if (result != XR_SUCCESS) return result;
  XrViewConfigurationView views[2] = {{XR_TYPE_VIEW_CONFIGURATION_VIEW}, {XR_TYPE_VIEW_CONFIGURATION_VIEW}};
  uint32_t count = 0;
  result =
      xrEnumerateViewConfigurationViews(instance, system, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO, 2, &count, views);
  view_width = views[0].recommendedImageRectWidth;
  view_height = views[0].recommendedImageRectHeight;
  return result;
}

void XrClient::create_vulkan() {
  XrGraphicsRequirementsVulkan2KHR requirements{XR_TYPE_GRAPHICS_REQUIREMENTS_VULKAN2_KHR};
  auto get_requirements =
      xr_function<PFN_xrGetVulkanGraphicsRequirements2KHR>(instance, "xrGetVulkanGraphicsRequirements2KHR");
  ASSERT_NE(get_requirements, nullptr);
  XR_OK(get_requirements(instance, system, &requirements));

  const char* layers[] = {"VK_LAYER_KHRONOS_validation"};
  const char* instance_extensions[] = {VK_EXT_DEBUG_UTILS_EXTENSION_NAME};
  VkDebugUtilsMessengerCreateInfoEXT messenger_info{VK_STRUCTURE_TYPE_DEBUG_UTILS_MESSENGER_CREATE_INFO_EXT};
  messenger_info.messageSeverity =
      VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT | VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT;
  messenger_info.messageType =
      VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT | VK_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT;
  messenger_info.pfnUserCallback = &on_vulkan_message;
  messenger_info.pUserData = this;
  const VkValidationFeatureEnableEXT enables[] = {VK_VALIDATION_FEATURE_ENABLE_SYNCHRONIZATION_VALIDATION_EXT};
  VkValidationFeaturesEXT features{VK_STRUCTURE_TYPE_VALIDATION_FEATURES_EXT};
  features.pNext = &messenger_info;
  features.enabledValidationFeatureCount = 1;
  features.pEnabledValidationFeatures = enables;
  VkApplicationInfo app{VK_STRUCTURE_TYPE_APPLICATION_INFO};
  app.pApplicationName = "xrsim-test";
  app.apiVersion = VK_API_VERSION_1_1;
  VkInstanceCreateInfo vk_info{VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO};
  vk_info.pNext = &features;
  vk_info.pApplicationInfo = &app;
  vk_info.enabledLayerCount = 1;
  vk_info.ppEnabledLayerNames = layers;
  vk_info.enabledExtensionCount = 1;
  vk_info.ppEnabledExtensionNames = instance_extensions;
  XrVulkanInstanceCreateInfoKHR xr_vk_info{XR_TYPE_VULKAN_INSTANCE_CREATE_INFO_KHR};
  xr_vk_info.systemId = system;
  xr_vk_info.pfnGetInstanceProcAddr = &vkGetInstanceProcAddr;
  xr_vk_info.vulkanCreateInfo = &vk_info;
  VkResult vk_result = VK_ERROR_UNKNOWN;
  auto create_instance = xr_function<PFN_xrCreateVulkanInstanceKHR>(instance, "xrCreateVulkanInstanceKHR");
  XR_OK(create_instance(instance, &xr_vk_info, &vk_instance, &vk_result));
  VK_OK(vk_result);
  auto create_messenger = reinterpret_cast<PFN_vkCreateDebugUtilsMessengerEXT>(
      vkGetInstanceProcAddr(vk_instance, "vkCreateDebugUtilsMessengerEXT"));
  VK_OK(create_messenger(vk_instance, &messenger_info, nullptr, &messenger));

  XrVulkanGraphicsDeviceGetInfoKHR device_get{XR_TYPE_VULKAN_GRAPHICS_DEVICE_GET_INFO_KHR};
  device_get.systemId = system;
  device_get.vulkanInstance = vk_instance;
  auto get_device = xr_function<PFN_xrGetVulkanGraphicsDevice2KHR>(instance, "xrGetVulkanGraphicsDevice2KHR");
  XR_OK(get_device(instance, &device_get, &physical_device));
  ASSERT_NE(physical_device, VK_NULL_HANDLE);

  uint32_t family_count = 0;
  vkGetPhysicalDeviceQueueFamilyProperties(physical_device, &family_count, nullptr);
  std::vector<VkQueueFamilyProperties> families(family_count);
  vkGetPhysicalDeviceQueueFamilyProperties(physical_device, &family_count, families.data());
  for (uint32_t i = 0; i < family_count; ++i)
    if (families[i].queueFlags & VK_QUEUE_GRAPHICS_BIT) {
      queue_family = i;
      break;
    }
  const float priority = 1.0f;
  VkDeviceQueueCreateInfo queue_info{VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO};
  queue_info.queueFamilyIndex = queue_family;
  queue_info.queueCount = 1;
  queue_info.pQueuePriorities = &priority;
  VkPhysicalDeviceMultiviewFeatures multiview{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_MULTIVIEW_FEATURES};
  multiview.multiview = VK_TRUE;
  VkDeviceCreateInfo device_info{VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO};
  device_info.pNext = &multiview;
  device_info.queueCreateInfoCount = 1;
  device_info.pQueueCreateInfos = &queue_info;
  XrVulkanDeviceCreateInfoKHR xr_device_info{XR_TYPE_VULKAN_DEVICE_CREATE_INFO_KHR};
  xr_device_info.systemId = system;
  xr_device_info.pfnGetInstanceProcAddr = &vkGetInstanceProcAddr;
  xr_device_info.vulkanPhysicalDevice = physical_device;
  xr_device_info.vulkanCreateInfo = &device_info;
  auto create_device = xr_function<PFN_xrCreateVulkanDeviceKHR>(instance, "xrCreateVulkanDeviceKHR");
  XR_OK(create_device(instance, &xr_device_info, &device, &vk_result));
  VK_OK(vk_result);
  vkGetDeviceQueue(device, queue_family, 0, &queue);
  VkCommandPoolCreateInfo pool_info{VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO};
  pool_info.flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT;
  pool_info.queueFamilyIndex = queue_family;
  VK_OK(vkCreateCommandPool(device, &pool_info, nullptr, &command_pool));
}

XrResult XrClient::create_session() {
  XrGraphicsBindingVulkan2KHR binding{XR_TYPE_GRAPHICS_BINDING_VULKAN2_KHR};
  binding.instance = vk_instance;
  binding.physicalDevice = physical_device;
  binding.device = device;
  binding.queueFamilyIndex = queue_family;
  binding.queueIndex = 0;
  XrSessionCreateInfo info{XR_TYPE_SESSION_CREATE_INFO};
  info.next = &binding;
  info.systemId = system;
  return xrCreateSession(instance, &info, &session);
}

std::vector<XrSessionState> XrClient::poll_states() {
  std::vector<XrSessionState> states;
  for (;;) {
    XrEventDataBuffer event{XR_TYPE_EVENT_DATA_BUFFER};
    if (xrPollEvent(instance, &event) != XR_SUCCESS) break;
    if (event.type == XR_TYPE_EVENT_DATA_SESSION_STATE_CHANGED) {
      const auto& changed = reinterpret_cast<const XrEventDataSessionStateChanged&>(event);
      states.push_back(changed.state);
      state = changed.state;
    }
  }
  return states;
}

XrResult XrClient::begin_session() {
  XrSessionBeginInfo info{XR_TYPE_SESSION_BEGIN_INFO};
  info.primaryViewConfigurationType = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO;
  return xrBeginSession(session, &info);
}

void XrClient::create_swapchains(bool with_depth) {
  XrSwapchainCreateInfo info{XR_TYPE_SWAPCHAIN_CREATE_INFO};
  info.usageFlags = XR_SWAPCHAIN_USAGE_COLOR_ATTACHMENT_BIT | XR_SWAPCHAIN_USAGE_TRANSFER_DST_BIT;
  info.format = VK_FORMAT_R8G8B8A8_SRGB;
  info.sampleCount = 1;
  info.width = view_width;
  info.height = view_height;
  info.faceCount = 1;
  info.arraySize = 2;
  info.mipCount = 1;
  XR_OK(xrCreateSwapchain(session, &info, &color_swapchain));
  uint32_t count = 0;
  XR_OK(xrEnumerateSwapchainImages(color_swapchain, 0, &count, nullptr));
  std::vector<XrSwapchainImageVulkan2KHR> images(count, {XR_TYPE_SWAPCHAIN_IMAGE_VULKAN2_KHR});
  XR_OK(xrEnumerateSwapchainImages(color_swapchain, count, &count,
                                   reinterpret_cast<XrSwapchainImageBaseHeader*>(images.data())));
  color_images.clear();
  for (const auto& image : images) color_images.push_back(image.image);
  if (with_depth) {
    info.usageFlags = XR_SWAPCHAIN_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT;
    info.format = VK_FORMAT_D32_SFLOAT;
    XR_OK(xrCreateSwapchain(session, &info, &depth_swapchain));
  }
}

XrSpace XrClient::create_space(XrReferenceSpaceType type) {
  XrReferenceSpaceCreateInfo info{XR_TYPE_REFERENCE_SPACE_CREATE_INFO};
  info.referenceSpaceType = type;
  info.poseInReferenceSpace.orientation.w = 1;
  XrSpace space = XR_NULL_HANDLE;
  EXPECT_EQ(xrCreateReferenceSpace(session, &info, &space), XR_SUCCESS);
  return space;
}

void XrClient::clear_eyes(uint32_t image_index, const float colors[2][4]) {
  VkCommandBufferAllocateInfo alloc{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
  alloc.commandPool = command_pool;
  alloc.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
  alloc.commandBufferCount = 1;
  VkCommandBuffer cmd = VK_NULL_HANDLE;
  VK_OK(vkAllocateCommandBuffers(device, &alloc, &cmd));
  VkCommandBufferBeginInfo begin{VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
  begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
  vkBeginCommandBuffer(cmd, &begin);
  VkImageMemoryBarrier barrier{VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER};
  barrier.srcAccessMask = VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT;
  barrier.dstAccessMask = VK_ACCESS_TRANSFER_WRITE_BIT;
  barrier.oldLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
  barrier.newLayout = VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL;
  barrier.srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
  barrier.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
  barrier.image = color_images[image_index];
  barrier.subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 2};
  vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT, 0, 0,
                       nullptr, 0, nullptr, 1, &barrier);
  for (uint32_t eye = 0; eye < 2; ++eye) {
    VkClearColorValue color;
    std::memcpy(color.float32, colors[eye], sizeof(color.float32));
    const VkImageSubresourceRange range{VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, eye, 1};
    vkCmdClearColorImage(cmd, color_images[image_index], VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, &color, 1, &range);
  }
  if (!release_in_wrong_layout) {
    barrier.srcAccessMask = VK_ACCESS_TRANSFER_WRITE_BIT;
    barrier.dstAccessMask = VK_ACCESS_COLOR_ATTACHMENT_READ_BIT | VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT;
    barrier.oldLayout = VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL;
    barrier.newLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
    vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT, 0, 0,
                         nullptr, 0, nullptr, 1, &barrier);
  }
  vkEndCommandBuffer(cmd);
  VkSubmitInfo submit{VK_STRUCTURE_TYPE_SUBMIT_INFO};
  submit.commandBufferCount = 1;
  submit.pCommandBuffers = &cmd;
  VK_OK(vkQueueSubmit(queue, 1, &submit, VK_NULL_HANDLE));
  VK_OK(vkQueueWaitIdle(queue));
  vkFreeCommandBuffers(device, command_pool, 1, &cmd);
}

XrFrameState XrClient::render_frame(const float colors[2][4]) {
  XrFrameState frame{XR_TYPE_FRAME_STATE};
  XrFrameWaitInfo wait_info{XR_TYPE_FRAME_WAIT_INFO};
  EXPECT_EQ(xrWaitFrame(session, &wait_info, &frame), XR_SUCCESS);
  XrFrameBeginInfo begin_info{XR_TYPE_FRAME_BEGIN_INFO};
  EXPECT_EQ(xrBeginFrame(session, &begin_info), XR_SUCCESS);
  XrCompositionLayerProjectionView views[2] = {{XR_TYPE_COMPOSITION_LAYER_PROJECTION_VIEW},
                                               {XR_TYPE_COMPOSITION_LAYER_PROJECTION_VIEW}};
  XrCompositionLayerDepthInfoKHR depth[2] = {{XR_TYPE_COMPOSITION_LAYER_DEPTH_INFO_KHR},
                                             {XR_TYPE_COMPOSITION_LAYER_DEPTH_INFO_KHR}};
  XrCompositionLayerProjection layer{XR_TYPE_COMPOSITION_LAYER_PROJECTION};
  const XrCompositionLayerBaseHeader* layers[] = {reinterpret_cast<XrCompositionLayerBaseHeader*>(&layer)};
  XrFrameEndInfo end_info{XR_TYPE_FRAME_END_INFO};
  end_info.displayTime = frame.predictedDisplayTime;
  end_info.environmentBlendMode = XR_ENVIRONMENT_BLEND_MODE_OPAQUE;
  if (frame.shouldRender) {
    XrViewLocateInfo locate{XR_TYPE_VIEW_LOCATE_INFO};
    locate.viewConfigurationType = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO;
    locate.displayTime = frame.predictedDisplayTime;
    locate.space = stage;
    XrViewState view_state{XR_TYPE_VIEW_STATE};
    last_views.assign(2, {XR_TYPE_VIEW});
    uint32_t count = 0;
    EXPECT_EQ(xrLocateViews(session, &locate, &view_state, 2, &count, last_views.data()), XR_SUCCESS);
    uint32_t index = 0;
    EXPECT_EQ(xrAcquireSwapchainImage(color_swapchain, nullptr, &index), XR_SUCCESS);
    XrSwapchainImageWaitInfo wait_image{XR_TYPE_SWAPCHAIN_IMAGE_WAIT_INFO};
    wait_image.timeout = XR_INFINITE_DURATION;
    EXPECT_EQ(xrWaitSwapchainImage(color_swapchain, &wait_image), XR_SUCCESS);
    clear_eyes(index, colors);
    EXPECT_EQ(xrReleaseSwapchainImage(color_swapchain, nullptr), XR_SUCCESS);
    if (depth_swapchain != XR_NULL_HANDLE) {
      EXPECT_EQ(xrAcquireSwapchainImage(depth_swapchain, nullptr, &index), XR_SUCCESS);
      EXPECT_EQ(xrWaitSwapchainImage(depth_swapchain, &wait_image), XR_SUCCESS);
      EXPECT_EQ(xrReleaseSwapchainImage(depth_swapchain, nullptr), XR_SUCCESS);
    }
    for (uint32_t eye = 0; eye < 2; ++eye) {
      views[eye].pose = last_views[eye].pose;
      views[eye].fov = last_views[eye].fov;
      views[eye].subImage.swapchain = color_swapchain;
      views[eye].subImage.imageRect = {{0, 0}, {int32_t(view_width), int32_t(view_height)}};
      views[eye].subImage.imageArrayIndex = eye;
      if (depth_swapchain != XR_NULL_HANDLE) {
        depth[eye].subImage = views[eye].subImage;
        depth[eye].subImage.swapchain = depth_swapchain;
        depth[eye].minDepth = 0;
        depth[eye].maxDepth = 1;
        depth[eye].nearZ = 0.05f;
        depth[eye].farZ = 100.0f;
        views[eye].next = &depth[eye];
      }
    }
    layer.space = stage;
    layer.viewCount = 2;
    layer.views = views;
    end_info.layerCount = 1;
    end_info.layers = layers;
  }
  EXPECT_EQ(xrEndFrame(session, &end_info), XR_SUCCESS);
  return frame;
}

void XrClient::destroy_session() {
  if (session == XR_NULL_HANDLE) return;
  if (device != VK_NULL_HANDLE) vkDeviceWaitIdle(device);
  if (color_swapchain) xrDestroySwapchain(color_swapchain);
  if (depth_swapchain) xrDestroySwapchain(depth_swapchain);
  if (stage) xrDestroySpace(stage);
  xrDestroySession(session);
  color_swapchain = depth_swapchain = XR_NULL_HANDLE;
  stage = XR_NULL_HANDLE;
  session = XR_NULL_HANDLE;
}

}  // namespace liyuan::test
