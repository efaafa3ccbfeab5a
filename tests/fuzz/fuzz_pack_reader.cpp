// libFuzzer target for the pack reader (built with -DLIYUAN_FUZZ=ON and clang). Run it as
//   build-fuzz/tests/fuzz/fuzz_pack_reader -max_total_time=60 tests/fuzz/corpus/pack_reader
#include "fuzz_pack_reader_entry.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return liyuan::fuzz::fuzz_pack_reader(data, size);
}
