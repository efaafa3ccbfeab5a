// Shaping with HarfBuzz on Debian's Noto faces: Arabic letters join, Latin ligatures form, glyph order is visual, and
// each script finds its face in the fallback chain.
#include <gtest/gtest.h>

#include "text/shaper.h"
#include "text/utf8.h"
#include "text_fixture.h"

namespace liyuan::test {
namespace {

std::vector<text::ShapedGlyph> shape(uint16_t font, const std::u32string& s, bool rtl, const char* language) {
  std::vector<text::ShapedGlyph> glyphs;
  text::shape_run(fonts()->face(font), font, s, 0, s.size(), rtl, language, glyphs);
  return glyphs;
}

TEST(Shaping, AnArabicWordYieldsJoinedGlyphForms) {
  auto arabic = chain("ar");
  ASSERT_FALSE(arabic.empty());
  const uint16_t face = arabic[0];
  EXPECT_EQ(fonts()->face(face).name, "Noto Sans Arabic");
  const std::u32string word = text::decode_utf8("كتب");  // kāf, tāʾ, bāʾ: "he wrote"
  auto joined = shape(face, word, true, "ar");
  ASSERT_EQ(joined.size(), 3u);
  // Visual order: the last letter (bāʾ) comes first, from the left.
  EXPECT_EQ(joined.front().cluster, 2u);
  EXPECT_EQ(joined.back().cluster, 0u);
  // Each letter alone takes its isolated form; in the word, the joined forms are different glyphs.
  size_t differing = 0;
  for (const text::ShapedGlyph& g : joined) {
    auto isolated = shape(face, std::u32string(1, word[g.cluster]), true, "ar");
    ASSERT_EQ(isolated.size(), 1u);
    if (isolated[0].glyph != g.glyph) ++differing;
  }
  // kāf initial, tāʾ medial, bāʾ final: every letter takes a joined form.
  EXPECT_EQ(differing, 3u);
  // lām + alif join into the obligatory lām-alif ligature: one glyph.
  EXPECT_EQ(shape(face, text::decode_utf8("لا"), true, "ar").size(), 1u);
}

TEST(Shaping, ALatinLigatureForms) {
  auto latin = chain("en");
  ASSERT_FALSE(latin.empty());
  EXPECT_EQ(fonts()->face(latin[0]).name, "Noto Sans");
  auto glyphs = shape(latin[0], U"fi", false, "en");
  ASSERT_EQ(glyphs.size(), 1u) << "f and i should form the fi ligature";
  EXPECT_EQ(glyphs[0].cluster, 0u);
  auto apart = shape(latin[0], U"fx", false, "en");
  EXPECT_EQ(apart.size(), 2u);
  EXPECT_GT(glyphs[0].advance, 0.3f);
  EXPECT_LT(glyphs[0].advance, 1.0f);  // em
}

TEST(Shaping, EachScriptFindsItsFaceAndNoGlyphIsMissing) {
  struct Case {
    const char* locale;
    const char* sample;
    const char* first_face;
  };
  for (const Case& c : {Case{"zh-Hans", "唐代铜镜", "Noto Sans CJK SC"}, Case{"ja", "唐時代の銅鏡", "Noto Sans CJK JP"},
                        Case{"ar", "مرآة برونزية", "Noto Sans Arabic"}, Case{"he", "מראה ברונזה", "Noto Sans Hebrew"},
                        Case{"en", "Bronze mirror", "Noto Sans"}}) {
    auto faces = chain(c.locale);
    ASSERT_FALSE(faces.empty());
    EXPECT_EQ(fonts()->face(faces[0]).name, c.first_face) << c.locale;
    for (char32_t cp : text::decode_utf8(c.sample)) {
      if (cp != U' ') {
        EXPECT_TRUE(fonts()->has_glyph(faces[0], cp)) << c.locale << " lacks U+" << std::hex << uint32_t(cp);
      }
    }
  }
}

TEST(Shaping, BoldChainsUseBoldFaces) {
  auto made = fonts()->chain_for("ja", text::Weight::Bold);
  ASSERT_TRUE(made) << made.error().to_string();
  EXPECT_EQ(fonts()->face((*made)[0]).name, "Noto Sans CJK JP Bold");
  EXPECT_EQ(fonts()->face((*made)[1]).name, "Noto Sans Bold");
}

TEST(Shaping, AMissingFontNamesItsDebianPackage) {
  auto library = text::FontLibrary::create(6, text::FontDirectories{"/nonexistent/noto-core", "/nonexistent/noto-cjk"});
  ASSERT_TRUE(library);
  auto made = (*library)->chain_for("en", text::Weight::Regular);
  ASSERT_FALSE(made);
  EXPECT_EQ(made.error().message,
            "font /nonexistent/noto-core/NotoSans-Regular.ttf (Noto Sans) is missing: install the Debian package "
            "fonts-noto-core (tools/setup.sh installs it)");
  // The CJK faces come from the other package.
  auto cjk_missing = text::FontLibrary::create(6, text::FontDirectories{"/usr/share/fonts/truetype/noto", "/nonexistent"});
  ASSERT_TRUE(cjk_missing);
  auto japanese = (*cjk_missing)->chain_for("ja", text::Weight::Regular);
  ASSERT_FALSE(japanese);
  EXPECT_NE(japanese.error().message.find("fonts-noto-cjk"), std::string::npos) << japanese.error().message;
}

}  // namespace
}  // namespace liyuan::test
