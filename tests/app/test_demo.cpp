// `liyuan demo` with neither a headset nor a display records the tour offscreen and says where it is; the bundled
// exhibition is found beside the executable.
#include <gtest/gtest.h>

#include <cstdlib>

#include "app/demo_command.h"
#include "core/image_file.h"
#include "support/test_support.h"

namespace liyuan::test {
namespace {

TEST(Demo, TheBundledExhibitionIsFoundBesideTheExecutable) {
  // The test executable lives in the build tree like liyuan does, three levels below the source tree's root.
  std::filesystem::path bundled = app::find_bundled_exhibition();
  ASSERT_FALSE(bundled.empty());
  EXPECT_TRUE(std::filesystem::is_regular_file(bundled));
  EXPECT_EQ(bundled.parent_path().filename(), "tang-palace");
}

TEST(Demo, WithoutAHeadsetOrADisplayItRecordsTheTourAndSaysWhere) {
  auto dir = output_dir();
  unsetenv("DISPLAY");
  unsetenv("XR_RUNTIME_JSON");
  CommandResult result = run_command(
      runtime_exe(), {"demo", "--exhibition", (data_dir() / "exhibitions" / "player" / "exhibition.yaml").string(),
                      "--out", (dir / "demo").string(), "--size", "64x36", "--fps", "0.5"});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("no OpenXR runtime"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("recording the 30 s tour offscreen"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("demo: the tour is in " + (dir / "demo").string()), std::string::npos)
      << result.output;
  auto sheet = read_png(dir / "demo" / "contact-sheet.png");
  ASSERT_TRUE(sheet) << sheet.error().to_string();
  EXPECT_GT(sheet->width, 64u);
  EXPECT_TRUE(std::filesystem::is_regular_file(dir / "demo" / "frame-00015.png"));  // 30 s at 0.5 fps
  EXPECT_FALSE(std::filesystem::exists(dir / "demo" / "frame-00016.png"));
  EXPECT_GT(std::filesystem::file_size(dir / "demo" / "recording.mp4"), 0u);
}

}  // namespace
}  // namespace liyuan::test
