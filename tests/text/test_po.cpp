// Translators' files: gettext PO parsing (plural forms, msgctxt, multi-line strings, escapes), malformed files with
// file:line:column errors, the Plural-Forms evaluator, and the test exhibition's files checked by GNU msgfmt itself.
#include <gtest/gtest.h>

#include "scene/diagnostics.h"
#include "scene/exhibition.h"
#include "scene/po_file.h"
#include "scene/string_lookup.h"
#include "support/test_support.h"

namespace liyuan::test {
namespace {

const char* kHeader =
    "msgid \"\"\n"
    "msgstr \"\"\n"
    "\"Language: pl\\n\"\n"
    "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
    "\"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n\"\n"
    "\n";

Result<scene::PoFile> parse(const std::string& body) { return scene::parse_po(std::string(kHeader) + body, "t.po"); }

// The error's "file:line:column: message".
std::string error_of(const std::string& text) {
  auto po = scene::parse_po(text, "bad.po");
  return po ? std::string("(parsed)") : po.error().to_string();
}

TEST(Po, UnicodeOutsideUtf8sRulesIsRefusedAsThePackerRefusesIt) {
  // A surrogate (ED A0 80), an overlong slash (E0 80 AF) and a code point above U+10FFFF (F4 90 80 80).
  for (const char* bytes : {"\xED\xA0\x80", "\xE0\x80\xAF", "\xF4\x90\x80\x80"}) {
    auto po = parse(std::string("msgid \"caption.a\"\nmsgstr \"x") + bytes + "\"\n");
    ASSERT_FALSE(po) << "accepted " << bytes;
    EXPECT_NE(po.error().message.find("not valid UTF-8"), std::string::npos) << po.error().to_string();
  }
}

TEST(Po, AByteOrderMarkAtTheStartIsNotText) {
  auto po = scene::parse_po(std::string("\xEF\xBB\xBF# saved by an editor that marks UTF-8\n") + kHeader +
                                "msgid \"caption.a\"\nmsgstr \"Welcome\"\n",
                            "bom.po");
  ASSERT_TRUE(po) << po.error().to_string();
  EXPECT_EQ(po->language, "pl");
  ASSERT_EQ(po->entries.size(), 1u);
  EXPECT_EQ(po->entries[0].id, "caption.a");
}

TEST(Po, ParsesContextsPluralsMultiLineStringsAndEscapes) {
  auto po = parse(
      "#. a comment for translators\n"
      "#: hall.yaml:12\n"
      "msgctxt \"caption.mirror\"\n"
      "msgid \"The mirror\"\n"
      "msgstr \"\"\n"
      "\"Lustro \"\n"
      "\"z brązu\\n\\\"Tang\\\"\\t\\101\\x42\"\n"
      "\n"
      "msgid \"%d relic\"\n"
      "msgid_plural \"%d relics\"\n"
      "msgstr[0] \"%d zabytek\"\n"
      "msgstr[1] \"%d zabytki\"\n"
      "msgstr[2] \"%d zabytków\"\n"
      "\n"
      "#, fuzzy\n"
      "msgid \"Draft\"\n"
      "msgstr \"Szkic\"\n"
      "\n"
      "#~ msgid \"Old\"\n"
      "#~ msgstr \"Stary\"\n");
  ASSERT_TRUE(po) << po.error().to_string();
  EXPECT_EQ(po->language, "pl");
  ASSERT_EQ(po->entries.size(), 3u);
  const scene::PoEntry& mirror = po->entries[0];
  EXPECT_EQ(mirror.context, "caption.mirror");
  EXPECT_EQ(mirror.id, "The mirror");
  EXPECT_EQ(mirror.translations[0], "Lustro z brązu\n\"Tang\"\tAB");
  EXPECT_EQ(mirror.at.line, 9u);  // the msgctxt line, after the six header lines and two comments
  EXPECT_EQ(mirror.at.column, 1u);
  const scene::PoEntry& relics = po->entries[1];
  EXPECT_EQ(relics.id_plural, "%d relics");
  ASSERT_EQ(relics.translations.size(), 3u);
  EXPECT_TRUE(po->entries[2].fuzzy);
  // Polish: 1 → form 0, 2..4 (not 12..14) → form 1, else form 2.
  EXPECT_EQ(po->plural.count(), 3u);
  EXPECT_EQ(po->plural.index(1), 0u);
  EXPECT_EQ(po->plural.index(3), 1u);
  EXPECT_EQ(po->plural.index(13), 2u);
  EXPECT_EQ(po->plural.index(22), 1u);
  EXPECT_EQ(po->plural.index(5), 2u);
}

TEST(Po, MalformedFilesNameLineAndColumn) {
  const std::string header(kHeader);  // six lines
  struct Case {
    std::string text;
    std::string expected;  // "bad.po:LINE:COLUMN: ..." prefix and a word of the message
  };
  const Case cases[] = {
      {header + "msgid \"open\n", "bad.po:7:7: unterminated string"},
      {header + "msgid \"a\"\nmsgstring \"b\"\n", "bad.po:8:1: unknown keyword 'msgstring'"},
      {header + "msgid \"a\"\nmsgstr \"b\\q\"\n", "bad.po:8:10: unknown escape '\\q'"},
      {header + "msgid \"a\"\n  msgstr b\n", "bad.po:8:10: expected a quoted string after 'msgstr'"},
      {header + "msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[1] \"x\"\n", "bad.po:9:8: expected msgstr[0] here"},
      {header + "msgid \"a\"\nmsgid_plural \"as\"\nmsgstr \"x\"\n", "bad.po:9:1: a plural entry needs msgstr[0]"},
      {header + "msgid \"a\"\nmsgstr \"x\"\n\nmsgid \"a\"\nmsgstr \"y\"\n", "bad.po:10:1: msgid \"a\" is given twice"},
      {header + "msgid \"a\"\nmsgid \"b\"\nmsgstr \"\"\n", "bad.po:7:1: entry has no msgstr"},
      {"\"stray\"\n" + header, "bad.po:1:1: a string continues nothing"},
      {header + "msgid \"a\" x\nmsgstr \"\"\n", "bad.po:7:11: unexpected text after the string"},
      {header + "msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[0] \"x\"\nmsgstr[1] \"y\"\n",
       "bad.po:7:1: plural entry has 2 msgstr forms; the header's Plural-Forms says 3"},
      {header + "msgid \"a\"\nmsgstr \"\xff\"\n", "bad.po:8:8: the string is not valid UTF-8"},
      {"msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n",
       "bad.po:1:1: the header has no 'Language:'"},
      {"msgid \"\"\nmsgstr \"Language: de\\nContent-Type: text/plain; charset=ISO-8859-1\\n\"\n",
       "bad.po:1:1: charset 'ISO-8859-1'"},
      {"msgid \"\"\nmsgstr \"Language: de\\nPlural-Forms: nplurals=2; plural=n >;\\n\"\n",
       "bad.po:1:1: Plural-Forms: the plural expression ends too early"},
      {"msgid \"a\"\nmsgstr \"b\"\n", "bad.po:1:1: no header entry"},
  };
  for (const Case& c : cases) {
    std::string error = error_of(c.text);
    EXPECT_EQ(error.substr(0, c.expected.size()), c.expected) << "for:\n" << c.text;
  }
}

TEST(Po, PluralExpressionsAreEvaluatedSafely) {
  auto arabic = scene::PluralRule::parse(
      "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;");
  ASSERT_TRUE(arabic) << arabic.error().to_string();
  const uint32_t expected[][2] = {{0, 0}, {1, 1}, {2, 2}, {3, 3}, {10, 3}, {11, 4}, {99, 4}, {100, 5}, {102, 5},
                                  {103, 3}};
  for (const auto& [n, form] : expected) EXPECT_EQ(arabic->index(n), form) << "n = " << n;
  // Division by zero is form 0, not a crash; an out-of-range result is clamped to the last form.
  auto odd = scene::PluralRule::parse("nplurals=2; plural=n / 0 + n % 0 + 7;");
  ASSERT_TRUE(odd);
  EXPECT_EQ(odd->index(5), 1u);
  // Unary operators, precedence and parentheses as in C.
  auto precedence = scene::PluralRule::parse("nplurals=9; plural=!(n == 1) + 2 * 3 - -1;");
  ASSERT_TRUE(precedence);
  EXPECT_EQ(precedence->index(1), 7u);
  EXPECT_EQ(precedence->index(2), 8u);
  // Deep nesting is refused rather than recursing without end.
  std::string deep = "nplurals=2; plural=" + std::string(200, '(') + "n" + std::string(200, ')') + ";";
  auto refused = scene::PluralRule::parse(deep);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("nested too deeply"), std::string::npos);
  auto bad = scene::PluralRule::parse("nplurals=2; plural=n ? 1;");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().where.column, 25u);  // the ';' where ':' was expected
}

std::filesystem::path captions() { return data_dir() / "exhibitions" / "captions" / "exhibition.yaml"; }

TEST(Po, TheTestExhibitionsFilesAreValidForGnuMsgfmt) {
  for (const char* locale : {"en", "zh-Hans", "ja", "ar"}) {
    auto po = captions().parent_path() / "strings" / (std::string(locale) + ".po");
    CommandResult result = run_command("/usr/bin/msgfmt", {"--check", "-o", "/dev/null", po.string()});
    EXPECT_EQ(result.exit_code, 0) << result.output;
    EXPECT_EQ(result.output, "") << "msgfmt warned about " << po;
  }
}

TEST(Po, AnExhibitionsPoTablesFallBackToTheDefaultLocaleAndChoosePluralForms) {
  scene::Diagnostics diagnostics;
  auto exhibition = scene::load_exhibition(captions(), diagnostics);
  ASSERT_TRUE(exhibition) << exhibition.error().to_string();
  const scene::StringTables& strings = exhibition->sources.strings;
  // zh_Hans in the header is the zh-Hans locale.
  const scene::StringEntry* chinese = scene::find_string(strings, "zh-Hans", "en", "caption.bottle");
  ASSERT_NE(chinese, nullptr);
  EXPECT_EQ(chinese->text, "这只水瓶在此代替文物。");
  // caption.thanks has an empty msgstr in ja.po: the English text is shown.
  const scene::StringEntry* thanks = scene::find_string(strings, "ja", "en", "caption.thanks");
  ASSERT_NE(thanks, nullptr);
  EXPECT_EQ(thanks->text, "Thank you for visiting.");
  // Arabic's six plural forms.
  const scene::StringEntry* count = scene::find_string(strings, "ar", "en", "hall.relic-count");
  ASSERT_NE(count, nullptr);
  EXPECT_EQ(scene::plural_text(*count, 2), "قطعتان أثريتان في هذه القاعة");
  EXPECT_EQ(scene::plural_text(*count, 5), "%d قطع أثرية في هذه القاعة");
  const scene::StringEntry* english = scene::find_string(strings, "en", "en", "hall.relic-count");
  ASSERT_NE(english, nullptr);
  EXPECT_EQ(scene::plural_text(*english, 1), "%d relic in this hall");
  EXPECT_EQ(scene::plural_text(*english, 3), "%d relics in this hall");
}

TEST(Po, LintReportsMissingTranslationsPerLocale) {
  CommandResult result = run_command(runtime_exe(), {"lint", captions().string()});
  EXPECT_EQ(result.exit_code, 0) << result.output;  // warnings only
  EXPECT_NE(result.output.find("exhibition.yaml:6:24: note: locale 'ja': 1 of 6 strings have no translation (the "
                               "'en' text is shown instead)"),
            std::string::npos)
      << result.output;
  EXPECT_NE(result.output.find("strings/en.po:31:1: warning: string 'caption.thanks' has no 'ja' translation"),
            std::string::npos)
      << result.output;
  // Complete locales get no summary line.
  EXPECT_EQ(result.output.find("locale 'ar':"), std::string::npos) << result.output;
}

TEST(Po, AMalformedPoFileFailsLintWithItsPosition) {
  auto dir = output_dir();
  std::filesystem::copy(captions().parent_path(), dir / "captions", std::filesystem::copy_options::recursive);
  // Lint only (no packing), so the copy's relative model paths do not matter.
  {
    std::FILE* f = std::fopen((dir / "captions" / "strings" / "ja.po").c_str(), "a");
    ASSERT_NE(f, nullptr);
    std::fputs("\nmsgctxt \"caption.extra\"\nmsgid \"x\"\nmsgstr[0] \"y\"\n", f);
    std::fclose(f);
  }
  CommandResult result = run_command(runtime_exe(), {"lint", (dir / "captions" / "exhibition.yaml").string()});
  EXPECT_EQ(result.exit_code, 1) << result.output;
  EXPECT_NE(result.output.find("strings/ja.po:43:1: error: msgstr[N] belongs to an entry with msgid_plural"),
            std::string::npos)
      << result.output;
}

}  // namespace
}  // namespace liyuan::test
