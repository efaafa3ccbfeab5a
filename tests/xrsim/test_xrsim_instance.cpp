// The loader finds xrsim through XR_RUNTIME_JSON, negotiates, and the instance-level functions answer as the spec says.
#include <gtest/gtest.h>

#include <cstring>

#include "xr_test_client.h"

namespace liyuan::test {
namespace {

TEST(XrsimInstance, LoaderLoadsRuntimeAndCreatesInstance) {
  const XrsimFiles files = use_xrsim("");
  uint32_t count = 0;
  ASSERT_EQ(xrEnumerateInstanceExtensionProperties(nullptr, 0, &count, nullptr), XR_SUCCESS);
  std::vector<XrExtensionProperties> extensions(count, {XR_TYPE_EXTENSION_PROPERTIES});
  ASSERT_EQ(xrEnumerateInstanceExtensionProperties(nullptr, count, &count, extensions.data()), XR_SUCCESS);
  bool vulkan = false, depth = false;
  for (const auto& e : extensions) {
    vulkan = vulkan || std::strcmp(e.extensionName, XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME) == 0;
    depth = depth || std::strcmp(e.extensionName, XR_KHR_COMPOSITION_LAYER_DEPTH_EXTENSION_NAME) == 0;
  }
  EXPECT_TRUE(vulkan);
  EXPECT_TRUE(depth);
  {
    XrClient client;
    ASSERT_EQ(client.create_instance({XR_KHR_COMPOSITION_LAYER_DEPTH_EXTENSION_NAME}), XR_SUCCESS);
    XrInstanceProperties properties{XR_TYPE_INSTANCE_PROPERTIES};
    ASSERT_EQ(xrGetInstanceProperties(client.instance, &properties), XR_SUCCESS);
    EXPECT_STREQ(properties.runtimeName, "Liyuan xrsim");
    EXPECT_EQ(client.view_width, 640u);
    EXPECT_EQ(client.view_height, 640u);

    XrPath path = XR_NULL_PATH;
    ASSERT_EQ(xrStringToPath(client.instance, "/user/hand/right/input/trigger/value", &path), XR_SUCCESS);
    char text[XR_MAX_PATH_LENGTH];
    uint32_t length = 0;
    ASSERT_EQ(xrPathToString(client.instance, path, sizeof(text), &length, text), XR_SUCCESS);
    EXPECT_STREQ(text, "/user/hand/right/input/trigger/value");
    EXPECT_EQ(xrStringToPath(client.instance, "/user/Hand/", &path), XR_ERROR_PATH_FORMAT_INVALID);

    char name[XR_MAX_RESULT_STRING_SIZE];
    ASSERT_EQ(xrResultToString(client.instance, XR_ERROR_SESSION_NOT_STOPPING, name), XR_SUCCESS);
    EXPECT_STREQ(name, "XR_ERROR_SESSION_NOT_STOPPING");
    char type_name[XR_MAX_STRUCTURE_NAME_SIZE];
    ASSERT_EQ(xrStructureTypeToString(client.instance, XR_TYPE_FRAME_STATE, type_name), XR_SUCCESS);
    EXPECT_STREQ(type_name, "XR_TYPE_FRAME_STATE");

    XrSystemGetInfo handheld{XR_TYPE_SYSTEM_GET_INFO};
    handheld.formFactor = XR_FORM_FACTOR_HANDHELD_DISPLAY;
    XrSystemId system = XR_NULL_SYSTEM_ID;
    EXPECT_EQ(xrGetSystem(client.instance, &handheld, &system), XR_ERROR_FORM_FACTOR_UNSUPPORTED);
  }
  EXPECT_EQ(xr_validation_messages(files), "");
  const nlohmann::json report = read_report(files);
  ASSERT_TRUE(report.contains("errors"));
  EXPECT_EQ(report["errors"].size(), 2u) << report["errors"].dump();
}

TEST(XrsimInstance, ScriptOptionsChangeWhatIsOffered) {
  const XrsimFiles files = use_xrsim("option view_size 320 240\noption no_depth\n");
  XrClient client;
  EXPECT_EQ(client.create_instance({XR_KHR_COMPOSITION_LAYER_DEPTH_EXTENSION_NAME}), XR_ERROR_EXTENSION_NOT_PRESENT);
  ASSERT_EQ(client.create_instance(), XR_SUCCESS);
  EXPECT_EQ(client.view_width, 320u);
  EXPECT_EQ(client.view_height, 240u);
}

TEST(XrsimInstance, ScriptErrorFailsInstanceCreationWithItsLocation) {
  const XrsimFiles files = use_xrsim("option view_size 320 240\nat f3 head 0 1.6\n");
  XrClient client;
  testing::internal::CaptureStderr();
  EXPECT_NE(client.create_instance(), XR_SUCCESS);
  const std::string messages = testing::internal::GetCapturedStderr();
  EXPECT_NE(messages.find("script.txt:2:17: expected a position coordinate in metres"), std::string::npos) << messages;
}

}  // namespace
}  // namespace liyuan::test
