// The fuzz target under any compiler: its entry point over the checked-in corpus, the example exhibition, and a few
// thousand seeded mutations of them. CI on gcc thereby runs the parser on malformed input every time; the real
// fuzzer (clang, libFuzzer) is documented in tests/fuzz/README.md.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

std::vector<std::string> seeds() {
  std::vector<std::string> out;
  for (const char* dir : {LIYUAN_FUZZ_CORPUS_DIR, LIYUAN_EXAMPLES_DIR}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      out.push_back(text.str());
    }
  }
  return out;
}

int run(const std::string& input) {
  return LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.data()), input.size());
}

// One mutation of INPUT chosen by RANDOM: the kinds of damage hands and tools do to YAML.
std::string mutate(std::string input, std::mt19937& random) {
  static const std::string kSignificant = "{}[]:,-#&*!|>'\"\n \t?%@`\\0123456789.eE+";
  static const char* kTokens[] = {"true", "false", "no", "null", "~", ": ", "- ", "{", "}", "[", "]", "\n  ",
                                  "1e308", "-0", ".nan", "&a ", "*a", "---\n", "!!str ", "\"", "'", "euler: [0,0,0]",
                                  "include: [x.yaml]", "duration: 0", "t: 5", "value: [1,2,3,4]", "parent: hall"};
  auto pick = [&](size_t n) { return n == 0 ? size_t{0} : static_cast<size_t>(random() % n); };
  int edits = 1 + static_cast<int>(random() % 4);
  for (int e = 0; e < edits; ++e) {
    size_t at = pick(input.size() + 1);
    switch (random() % 6) {
      case 0:  // flip a byte to a YAML-significant one
        if (!input.empty()) input[pick(input.size())] = kSignificant[pick(kSignificant.size())];
        break;
      case 1:  // insert a token
        input.insert(at, kTokens[pick(std::size(kTokens))]);
        break;
      case 2:  // delete a run
        input.erase(at, 1 + pick(16));
        break;
      case 3: {  // duplicate a run somewhere else
        size_t from = pick(input.size() + 1);
        std::string run_text = input.substr(from, 1 + pick(64));
        input.insert(pick(input.size() + 1), run_text);
        break;
      }
      case 4:  // a random byte (possibly invalid UTF-8 or NUL)
        input.insert(at, 1, static_cast<char>(random() & 0xFF));
        break;
      default:  // truncate
        input.resize(at);
        break;
    }
  }
  return input;
}

TEST(FuzzCorpus, EveryCorpusFileRuns) {
  std::vector<std::string> inputs = seeds();
  ASSERT_GE(inputs.size(), 10u);
  for (const std::string& input : inputs) EXPECT_EQ(run(input), 0);
}

TEST(FuzzCorpus, SeededMutationsRun) {
  std::vector<std::string> inputs = seeds();
  std::mt19937 random(20261128);  // fixed: the same inputs on every machine and every run
  constexpr int kMutations = 4000;
  for (int i = 0; i < kMutations; ++i) {
    const std::string& seed = inputs[static_cast<size_t>(random() % inputs.size())];
    std::string input = mutate(seed, random);
    ASSERT_EQ(run(input), 0) << "mutation " << i;
  }
}

}  // namespace
