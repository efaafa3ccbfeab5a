// Replays the pack reader's fuzz corpus, and seeded mutations of every corpus file, through the fuzz entry point: the
// gcc-built CI run of what fuzz_pack_reader explores with libFuzzer. A crash, hang or sanitizer report fails it.
#include "fuzz_pack_reader_entry.h"

#include "assets/pack_contents.h"
#include "assets/pack_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

namespace liyuan::fuzz {
namespace {

const std::filesystem::path kCorpus = LIYUAN_PACK_READER_CORPUS;

std::vector<std::filesystem::path> corpus_files() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(kCorpus)) {
    if (entry.is_regular_file() && entry.path().filename().string()[0] != '.') files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<uint8_t> read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<uint8_t>((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// One random change to BYTES: a bit flip, a random byte, a 32-bit field set to an edge value, a cut, or a copied run.
void mutate(std::vector<uint8_t>& bytes, std::mt19937_64& random) {
  if (bytes.empty()) {
    bytes.push_back(uint8_t(random()));
    return;
  }
  const size_t at = size_t(random() % bytes.size());
  switch (random() % 5) {
    case 0: bytes[at] ^= uint8_t(1u << (random() % 8)); break;
    case 1: bytes[at] = uint8_t(random()); break;
    case 2: {
      static const uint32_t kEdges[] = {0u, 1u, 3u, 0x7fffffffu, 0x80000000u, 0xffffffffu, 64u, 65536u};
      const uint32_t value = kEdges[random() % std::size(kEdges)];
      const size_t field = at & ~size_t(3);
      for (size_t k = 0; k < 4 && field + k < bytes.size(); ++k) bytes[field + k] = uint8_t(value >> (8 * k));
      break;
    }
    case 3: bytes.resize(at); break;
    case 4: {
      const size_t length = std::min<size_t>(size_t(random() % 64) + 1, bytes.size() - at);
      const size_t to = size_t(random() % bytes.size());
      std::vector<uint8_t> run(bytes.begin() + ptrdiff_t(at), bytes.begin() + ptrdiff_t(at + length));
      std::copy(run.begin(), run.begin() + ptrdiff_t(std::min(length, bytes.size() - to)), bytes.begin() + ptrdiff_t(to));
      break;
    }
  }
}

TEST(FuzzPackReader, CorpusIsPresentAndCurrent) {
  const auto files = corpus_files();
  ASSERT_GE(files.size(), 3u) << "the corpus in " << kCorpus << " is missing";
  // Files named valid-* are packs the current packer wrote: they must still load, or the corpus has gone stale (see
  // tests/fuzz/README.md to regenerate it after a format change).
  for (const auto& file : files) {
    if (file.filename().string().rfind("valid-", 0) != 0) continue;
    auto reader = PackReader::open(file);
    ASSERT_TRUE(reader) << reader.error().to_string();
    auto contents = load_pack_contents(*reader);
    EXPECT_TRUE(contents) << contents.error().to_string() << "\n(regenerate the corpus: tests/fuzz/README.md)";
  }
}

TEST(FuzzPackReader, ReplaysCorpusAndSeededMutations) {
  constexpr int kMutationsPerFile = 400;
  std::mt19937_64 random(20261128);
  size_t runs = 0;
  for (const auto& file : corpus_files()) {
    const std::vector<uint8_t> original = read_all(file);
    fuzz_pack_reader(original.data(), original.size());
    ++runs;
    for (int m = 0; m < kMutationsPerFile; ++m) {
      std::vector<uint8_t> bytes = original;
      const int changes = 1 + int(random() % 4);
      for (int c = 0; c < changes; ++c) mutate(bytes, random);
      if (m % 2 == 1 && !bytes.empty()) bytes[0] |= 1u;  // every other input resealed: past the checksums
      fuzz_pack_reader(bytes.data(), bytes.size());
      ++runs;
    }
  }
  EXPECT_GT(runs, 1000u);
}

TEST(FuzzPackReader, HandlesDegenerateInputs) {
  const uint8_t one = 0x4d;
  fuzz_pack_reader(nullptr, 0);
  fuzz_pack_reader(&one, 1);
  std::vector<uint8_t> zeros(4096, 0);
  fuzz_pack_reader(zeros.data(), zeros.size());
  zeros[0] = 1;  // resealed zeros
  fuzz_pack_reader(zeros.data(), zeros.size());
  SUCCEED();
}

}  // namespace
}  // namespace liyuan::fuzz
