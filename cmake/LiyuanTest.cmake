# liyuan_add_test(NAME SOURCES ... DEPS ...): one gtest executable test_NAME whose cases CTest discovers.
# Every test executable sets, in its own main() (tests/support/test_main.cpp), the environment that makes results
# repeatable and strict, so it behaves the same under ctest and when run by hand:
#   - lavapipe pinned when it is installed (golden images are made with it), XDG_RUNTIME_DIR set to a private
#     directory (lavapipe's Wayland probe complains otherwise);
#   - LIYUAN_VALIDATION=1: the Vulkan validation layer with synchronisation validation; any message fails the test;
#   - LIYUAN_TEST_DATA, LIYUAN_PACK_EXE and LIYUAN_EXE for tests that use files and the command-line tools.
set(LIYUAN_TEST_RUNTIME_DIR ${CMAKE_BINARY_DIR}/xdg-runtime)
file(MAKE_DIRECTORY ${LIYUAN_TEST_RUNTIME_DIR})
file(CHMOD ${LIYUAN_TEST_RUNTIME_DIR} DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE)
set(LIYUAN_LAVAPIPE_ICD /usr/share/vulkan/icd.d/lvp_icd.x86_64.json)

function(liyuan_add_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(test_${name} ${ARG_SOURCES})
  target_link_libraries(test_${name} PRIVATE ${ARG_DEPS} liyuan_test_support)
  liyuan_warnings(test_${name})
  add_dependencies(test_${name} liyuan-pack liyuan)
  gtest_discover_tests(test_${name} DISCOVERY_TIMEOUT 60)
endfunction()
