// main() of every test executable: sets the environment that makes results repeatable and strict (values an
// outer environment already sets win), then runs the tests.
//   - lavapipe pinned when it is installed: golden images are made with it;
//   - XDG_RUNTIME_DIR set to a private directory: lavapipe's Wayland probe complains otherwise;
//   - LIYUAN_VALIDATION=1: the Vulkan validation layer with synchronisation validation; any message fails the test;
//   - LIYUAN_CACHE_DIR: the pipeline cache goes under the build tree, not the home directory;
//   - LIYUAN_TEST_DATA, LIYUAN_CONTENT, LIYUAN_TEST_OUTPUT, LIYUAN_PACK_EXE, LIYUAN_EXE for tests that use files and the tools.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

int main(int argc, char** argv) {
  setenv("XDG_RUNTIME_DIR", LIYUAN_TEST_RUNTIME_DIR, 0);
  setenv("LIYUAN_VALIDATION", "1", 0);
  setenv("LIYUAN_CACHE_DIR", LIYUAN_TEST_CACHE_DIR, 0);
  setenv("LIYUAN_TEST_DATA", LIYUAN_TEST_DATA_DIR, 0);
  setenv("LIYUAN_CONTENT", LIYUAN_CONTENT_DIR, 0);
  setenv("LIYUAN_TEST_OUTPUT", LIYUAN_TEST_OUTPUT_DIR, 0);
  setenv("LIYUAN_PACK_EXE", LIYUAN_PACK_EXE_PATH, 0);
  setenv("LIYUAN_EXE", LIYUAN_EXE_PATH, 0);
  if (std::filesystem::exists(LIYUAN_LAVAPIPE_ICD)) setenv("VK_ICD_FILENAMES", LIYUAN_LAVAPIPE_ICD, 0);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
