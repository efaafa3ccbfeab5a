#include "gpu/context.h"

#include <cstdlib>
#include <cstring>

#include "core/log.h"
#include "gpu/vk_result.h"

namespace liyuan::gpu {
namespace {

constexpr const char* kValidationLayer = "VK_LAYER_KHRONOS_validation";

VKAPI_ATTR VkBool32 VKAPI_CALL on_validation_message(VkDebugUtilsMessageSeverityFlagBitsEXT severity,
                                                     VkDebugUtilsMessageTypeFlagsEXT /*types*/,
                                                     const VkDebugUtilsMessengerCallbackDataEXT* data, void* user) {
  auto* report = static_cast<ValidationReport*>(user);
  const char* text = data && data->pMessage ? data->pMessage : "(no message)";
  if (severity & VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT) {
    report->errors.fetch_add(1);
    log::error("vulkan validation: {}", text);
  } else if (severity & VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT) {
    report->warnings.fetch_add(1);
    log::warn("vulkan validation: {}", text);
  }
  return VK_FALSE;
}

bool layer_available(const char* name) {
  uint32_t count = 0;
  vkEnumerateInstanceLayerProperties(&count, nullptr);
  std::vector<VkLayerProperties> layers(count);
  vkEnumerateInstanceLayerProperties(&count, layers.data());
  for (const auto& layer : layers)
    if (std::strcmp(layer.layerName, name) == 0) return true;
  return false;
}

int device_type_rank(VkPhysicalDeviceType type) {
  switch (type) {
    case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU: return 4;
    case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU: return 3;
    case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU: return 2;
    case VK_PHYSICAL_DEVICE_TYPE_CPU: return 1;
    default: return 0;
  }
}

int graphics_queue_family(VkPhysicalDevice device) {
  uint32_t count = 0;
  vkGetPhysicalDeviceQueueFamilyProperties(device, &count, nullptr);
  std::vector<VkQueueFamilyProperties> families(count);
  vkGetPhysicalDeviceQueueFamilyProperties(device, &count, families.data());
  for (uint32_t i = 0; i < count; ++i)
    if (families[i].queueFlags & VK_QUEUE_GRAPHICS_BIT) return static_cast<int>(i);
  return -1;
}

// The best Vulkan 1.3 device with a graphics queue: discrete before integrated before CPU.
VkPhysicalDevice pick_best_device(VkInstance instance) {
  uint32_t count = 0;
  vkEnumeratePhysicalDevices(instance, &count, nullptr);
  std::vector<VkPhysicalDevice> devices(count);
  vkEnumeratePhysicalDevices(instance, &count, devices.data());
  VkPhysicalDevice best = VK_NULL_HANDLE;
  int best_rank = -1;
  for (VkPhysicalDevice device : devices) {
    VkPhysicalDeviceProperties properties;
    vkGetPhysicalDeviceProperties(device, &properties);
    if (properties.apiVersion < VK_API_VERSION_1_3 || graphics_queue_family(device) < 0) continue;
    int rank = device_type_rank(properties.deviceType);
    if (rank > best_rank) best = device, best_rank = rank;
  }
  return best;
}

Status create_instance(const ContextDesc& desc, Context& context) {
  std::vector<const char*> extensions = desc.instance_extensions;
  std::vector<const char*> layers;
  VkValidationFeaturesEXT validation_features{VK_STRUCTURE_TYPE_VALIDATION_FEATURES_EXT};
  const VkValidationFeatureEnableEXT enabled_features[] = {VK_VALIDATION_FEATURE_ENABLE_SYNCHRONIZATION_VALIDATION_EXT};
  VkDebugUtilsMessengerCreateInfoEXT messenger_info{VK_STRUCTURE_TYPE_DEBUG_UTILS_MESSENGER_CREATE_INFO_EXT};
  messenger_info.messageSeverity =
      VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT | VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT;
  messenger_info.messageType = VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT |
                               VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT |
                               VK_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT;
  messenger_info.pfnUserCallback = on_validation_message;
  messenger_info.pUserData = context.validation_report.get();

  VkInstanceCreateInfo info{VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO};
  if (desc.validation) {
    if (!layer_available(kValidationLayer))
      return make_error(std::string("validation was requested but ") + kValidationLayer +
                        " is not installed (Debian package vulkan-validationlayers)");
    layers.push_back(kValidationLayer);
    extensions.push_back(VK_EXT_DEBUG_UTILS_EXTENSION_NAME);
    validation_features.enabledValidationFeatureCount = 1;
    validation_features.pEnabledValidationFeatures = enabled_features;
    messenger_info.pNext = &validation_features;
    info.pNext = &messenger_info;  // also reports messages from instance creation itself
    context.validation = true;
  }
  VkApplicationInfo app{VK_STRUCTURE_TYPE_APPLICATION_INFO};
  app.pApplicationName = "liyuan";
  app.pEngineName = "liyuan";
  app.apiVersion = VK_API_VERSION_1_3;
  info.pApplicationInfo = &app;
  info.enabledLayerCount = static_cast<uint32_t>(layers.size());
  info.ppEnabledLayerNames = layers.data();
  info.enabledExtensionCount = static_cast<uint32_t>(extensions.size());
  info.ppEnabledExtensionNames = extensions.data();

  VkResult result = desc.hooks.create_instance ? desc.hooks.create_instance(info, &context.instance)
                                               : vkCreateInstance(&info, nullptr, &context.instance);
  if (result == VK_ERROR_INCOMPATIBLE_DRIVER)
    return make_error("no Vulkan driver found: install mesa-vulkan-drivers (lavapipe) or a GPU driver");
  if (Status s = vk_check(result, "vkCreateInstance"); !s) return s;

  if (desc.validation) {
    messenger_info.pNext = nullptr;
    auto create_messenger = reinterpret_cast<PFN_vkCreateDebugUtilsMessengerEXT>(
        vkGetInstanceProcAddr(context.instance, "vkCreateDebugUtilsMessengerEXT"));
    if (!create_messenger) return make_error("vkCreateDebugUtilsMessengerEXT is not available");
    if (Status s = vk_check(create_messenger(context.instance, &messenger_info, nullptr, &context.messenger),
                            "vkCreateDebugUtilsMessengerEXT");
        !s)
      return s;
  }
  return {};
}

Status create_device(const ContextDesc& desc, Context& context) {
  VkPhysicalDevice physical =
      desc.hooks.pick_physical_device ? desc.hooks.pick_physical_device(context.instance) : VK_NULL_HANDLE;
  if (physical == VK_NULL_HANDLE) physical = pick_best_device(context.instance);
  if (physical == VK_NULL_HANDLE)
    return make_error("no Vulkan 1.3 device with a graphics queue (install mesa-vulkan-drivers for lavapipe)");
  context.physical_device = physical;
  vkGetPhysicalDeviceProperties(physical, &context.properties);
  int family = graphics_queue_family(physical);
  if (family < 0) return make_error(std::string(context.properties.deviceName) + " has no graphics queue");
  context.queue_family = static_cast<uint32_t>(family);

  VkPhysicalDeviceFeatures supported{};
  vkGetPhysicalDeviceFeatures(physical, &supported);
  VkPhysicalDeviceVulkan11Features supported11{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_1_FEATURES};
  VkPhysicalDeviceVulkan13Features supported13{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_3_FEATURES};
  supported11.pNext = &supported13;
  VkPhysicalDeviceFeatures2 supported2{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2};
  supported2.pNext = &supported11;
  vkGetPhysicalDeviceFeatures2(physical, &supported2);
  if (!supported11.multiview || !supported13.dynamicRendering || !supported13.synchronization2)
    return make_error(std::string(context.properties.deviceName) +
                      " lacks multiview, dynamic rendering or synchronization2 (Vulkan 1.3 features Liyuan needs)");

  VkPhysicalDeviceVulkan13Features features13{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_3_FEATURES};
  features13.dynamicRendering = VK_TRUE;
  features13.synchronization2 = VK_TRUE;
  VkPhysicalDeviceVulkan11Features features11{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_1_FEATURES};
  features11.multiview = VK_TRUE;
  features11.pNext = &features13;
  VkPhysicalDeviceFeatures2 features{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2};
  features.pNext = &features11;
  context.anisotropy = supported.samplerAnisotropy == VK_TRUE;
  features.features.samplerAnisotropy = supported.samplerAnisotropy;
  features.features.textureCompressionBC = supported.textureCompressionBC;

  float priority = 1.0f;
  VkDeviceQueueCreateInfo queue_info{VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO};
  queue_info.queueFamilyIndex = context.queue_family;
  queue_info.queueCount = 1;
  queue_info.pQueuePriorities = &priority;

  VkDeviceCreateInfo info{VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO};
  info.pNext = &features;
  info.queueCreateInfoCount = 1;
  info.pQueueCreateInfos = &queue_info;
  info.enabledExtensionCount = static_cast<uint32_t>(desc.device_extensions.size());
  info.ppEnabledExtensionNames = desc.device_extensions.data();
  VkResult result = desc.hooks.create_device ? desc.hooks.create_device(physical, info, &context.device)
                                             : vkCreateDevice(physical, &info, nullptr, &context.device);
  if (Status s = vk_check(result, "vkCreateDevice"); !s) return s;
  vkGetDeviceQueue(context.device, context.queue_family, 0, &context.queue);
  return {};
}

}  // namespace

bool validation_requested_by_environment() {
  if (const char* value = std::getenv("LIYUAN_VALIDATION")) return std::strcmp(value, "0") != 0;
#ifdef NDEBUG
  return false;
#else
  return true;
#endif
}

Context::~Context() {
  if (device) vkDestroyDevice(device, nullptr);
  if (messenger) {
    auto destroy = reinterpret_cast<PFN_vkDestroyDebugUtilsMessengerEXT>(
        vkGetInstanceProcAddr(instance, "vkDestroyDebugUtilsMessengerEXT"));
    if (destroy) destroy(instance, messenger, nullptr);
  }
  if (instance) vkDestroyInstance(instance, nullptr);
}

std::string Context::describe() const {
  return std::string(properties.deviceName) + ", Vulkan " + std::to_string(VK_API_VERSION_MAJOR(properties.apiVersion)) +
         "." + std::to_string(VK_API_VERSION_MINOR(properties.apiVersion)) + "." +
         std::to_string(VK_API_VERSION_PATCH(properties.apiVersion)) + (validation ? ", validation on" : "");
}

Result<std::unique_ptr<Context>> create_context(const ContextDesc& desc) {
  auto context = std::make_unique<Context>();
  if (Status s = create_instance(desc, *context); !s) return s.error();
  if (Status s = create_device(desc, *context); !s) return s.error();
  log::debug("gpu: {}", context->describe());
  return context;
}

}  // namespace liyuan::gpu
