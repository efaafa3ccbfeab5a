# The pack reader's fuzz entry (fuzz_pack_reader_entry.cpp): PackReader::open → verify_all → load_pack_contents →
# mesh decoding → catalogue, RELC, SCEN, STRS and AUDI reading, on any bytes.
#   test_fuzz_pack_reader (always): replays pack_reader_corpus/* plus seeded mutations of each (gtest).
#   fuzz_pack_reader (LIYUAN_FUZZ=ON, clang): the libFuzzer binary, with ASan and UBSan.
add_library(liyuan_fuzz_pack_reader_entry STATIC ${CMAKE_CURRENT_LIST_DIR}/fuzz_pack_reader_entry.cpp)
target_include_directories(liyuan_fuzz_pack_reader_entry PUBLIC ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(liyuan_fuzz_pack_reader_entry PUBLIC liyuan::assets liyuan::core)
liyuan_warnings(liyuan_fuzz_pack_reader_entry)

liyuan_add_test(fuzz_pack_reader SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_fuzz_pack_reader.cpp
  DEPS liyuan_fuzz_pack_reader_entry)
target_compile_definitions(test_fuzz_pack_reader PRIVATE
  LIYUAN_PACK_READER_CORPUS="${CMAKE_CURRENT_LIST_DIR}/pack_reader_corpus")

if(LIYUAN_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "LIYUAN_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++ "
                        "-DCMAKE_C_COMPILER=clang")
  endif()
  set(LIYUAN_FUZZ_FLAGS -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined)
  # The entry and everything it reaches are instrumented for coverage and checked by the sanitizers.
  # Whatever else links them (tools, other tests) then links the sanitizer runtimes too.
  foreach(target liyuan_fuzz_pack_reader_entry liyuan_assets liyuan_core)
    target_compile_options(${target} PRIVATE ${LIYUAN_FUZZ_FLAGS})
    target_link_options(${target} INTERFACE -fsanitize=address,undefined)
  endforeach()
  add_executable(fuzz_pack_reader ${CMAKE_CURRENT_LIST_DIR}/fuzz_pack_reader.cpp)
  target_link_libraries(fuzz_pack_reader PRIVATE liyuan_fuzz_pack_reader_entry)
  target_link_options(fuzz_pack_reader PRIVATE -fsanitize=fuzzer,address,undefined)
  liyuan_warnings(fuzz_pack_reader)
endif()
