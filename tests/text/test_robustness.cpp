// Bad input does not crash: thousands of seeded mutations of the test exhibition's PO files through the parser
// (each rejection with a position inside the file), and random bytes through layout (invalid UTF-8 included).
#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>

#include "scene/po_file.h"
#include "support/test_support.h"
#include "text/layout.h"
#include "text_fixture.h"

namespace liyuan::test {
namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

TEST(Robustness, MutatedPoFilesAreRejectedWithAPositionOrParsed) {
  std::mt19937 random(7);
  const auto strings = data_dir() / "exhibitions" / "captions" / "strings";
  size_t rejected = 0, parsed = 0;
  for (const char* name : {"en.po", "zh-Hans.po", "ja.po", "ar.po"}) {
    const std::string original = read_file(strings / name);
    ASSERT_FALSE(original.empty());
    const size_t lines = size_t(std::count(original.begin(), original.end(), '\n')) + 1;
    for (int i = 0; i < 1000; ++i) {
      std::string text = original;
      const int edits = 1 + int(random() % 4);
      for (int e = 0; e < edits && !text.empty(); ++e) {
        const size_t at = random() % text.size();
        switch (random() % 4) {
          case 0: text[at] = char(random() % 256); break;
          case 1: text.erase(at, 1 + random() % 8); break;
          case 2: text.insert(at, 1, "\"\\[]#\n 0n?:%"[random() % 13]); break;
          case 3: text.resize(at); break;
        }
      }
      auto po = scene::parse_po(text, name);
      if (po) {
        ++parsed;
        for (uint64_t n : {0ull, 1ull, 2ull, 11ull, 101ull, ~0ull}) EXPECT_LT(po->plural.index(n), po->plural.count());
      } else {
        ++rejected;
        EXPECT_EQ(po.error().where.file, name);
        EXPECT_GE(po.error().where.line, 1u) << po.error().to_string();
        EXPECT_LE(po.error().where.line, lines + 1) << po.error().to_string();
      }
    }
  }
  EXPECT_GT(rejected, 1000u);
  EXPECT_GT(parsed, 100u);
}

TEST(Robustness, LayoutTakesAnyBytes) {
  std::mt19937 random(11);
  const auto faces = chain("ar");
  for (int i = 0; i < 300; ++i) {
    std::string bytes(random() % 64, '\0');
    for (char& c : bytes) c = char(random() % 256);
    text::LayoutStyle style;
    style.max_width = float(random() % 8);
    style.max_lines = random() % 3;
    auto block = text::layout_text(*fonts(), faces, bytes, style);
    for (const auto& g : block.glyphs) EXPECT_LT(g.font, fonts()->face_count());
    if (style.max_lines > 0) {
      EXPECT_LE(block.line_widths.size(), style.max_lines);
    }
  }
}

}  // namespace
}  // namespace liyuan::test
