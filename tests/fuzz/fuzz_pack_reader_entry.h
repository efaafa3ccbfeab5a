// The one entry point through which both the libFuzzer target and the corpus-replay gtest feed bytes to the pack
// reader, so CI exercises exactly what the fuzzer does.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace liyuan::fuzz {

// Treats DATA as a .lypak and runs every reader path on it: PackReader::open, verify_all, load_pack_contents (meshes,
// textures, catalogue, relic ranges, carried files), decoding of every mesh, and a read of every catalogue string
// and carried file. Must never crash, hang or leak whatever DATA holds; errors are expected and ignored. When the
// first byte is odd the input is resealed first (reseal_pack), so mutations reach the structural checks behind the
// checksums. Returns 0 (libFuzzer's convention).
int fuzz_pack_reader(const uint8_t* data, size_t size);

// Recomputes every chunk checksum whose chunk lies inside BYTES, then the table-of-contents and header checksums, so
// that damage made on purpose gets past the checksums. Bytes that are not a pack are left as they are.
void reseal_pack(std::vector<uint8_t>& bytes);

}  // namespace liyuan::fuzz
