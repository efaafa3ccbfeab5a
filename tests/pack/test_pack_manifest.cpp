// Relic manifests: the exact errors (file:line:column) for malformed ones, warnings for unknown keys, and what a good
// one yields. Library-level through packer::parse_manifest, and end to end for the checked-in broken manifests.
#include "manifest.h"
#include "pack_test_util.h"

#include <gtest/gtest.h>

namespace liyuan::test {
namespace {

// A manifest as if it lay in tests/data/exhibitions/gallery/relics (so a relative source can exist).
std::filesystem::path manifest_path() { return data_dir() / "exhibitions/gallery/relics/test.yaml"; }
const std::string kSpot = "source: ../../../models/spot/spot_triangulated.obj\n";
const std::string kRequired = "credit: Keenan Crane\nlicence: CC0 1.0\n";

Result<packer::RelicManifest> parse(const std::string& text) {
  return packer::parse_manifest(text, manifest_path(), "test.yaml");
}

std::string error_of(const std::string& text) {
  auto manifest = parse(text);
  EXPECT_FALSE(manifest) << "accepted:\n" << text;
  return manifest ? std::string() : manifest.error().to_string();
}

TEST(PackManifest, ReadsEveryField) {
  auto m = parse("id: spot\n" + kSpot +
                 "title: {en: Spot, zh-Hans: 斑点牛, ar: بقرة}\n"
                 "description: {en: A cow.}\n"
                 "period: {zh-Hans: 当代}\n"
                 "inventory: 2024.1\nprovenance: Caltech\n" + kRequired +
                 "size: [0.4, 0.7, 0.75]\nclips: [walk, graze]\nfront: -z\nup: +y\n");
  ASSERT_TRUE(m) << m.error().to_string();
  EXPECT_EQ(m->id, "spot");
  EXPECT_EQ(m->title.size(), 3u);
  EXPECT_EQ(m->title.at("zh-Hans"), "斑点牛");
  EXPECT_EQ(m->description.at("en"), "A cow.");
  EXPECT_EQ(m->inventory, "2024.1") << "numbers are kept as written";
  EXPECT_EQ(m->box, vec3(0.4f, 0.7f, 0.75f));
  EXPECT_EQ(m->height, 0.f);
  EXPECT_EQ(m->clips, (std::vector<std::string>{"walk", "graze"}));
  EXPECT_EQ(m->front, "-z");
  EXPECT_TRUE(std::filesystem::is_regular_file(m->source_path));
  EXPECT_TRUE(m->warnings.empty());
}

TEST(PackManifest, JsonIsYamlToo) {
  auto m = parse(R"({"id": "spot", "source": "../../../models/spot/spot_triangulated.obj", "title": {"en": "Spot"},
                     "credit": "K", "licence": "CC0", "height": 0.7})");
  ASSERT_TRUE(m) << m.error().to_string();
  EXPECT_FLOAT_EQ(m->height, 0.7f);
}

TEST(PackManifest, MissingRequiredFieldsAreNamed) {
  EXPECT_EQ(error_of(kSpot + "title: {en: S}\n" + kRequired + "height: 1\n"),
            "test.yaml:1:1: missing required field 'id'");
  EXPECT_EQ(error_of("id: s\ntitle: {en: S}\n" + kRequired + "height: 1\n"),
            "test.yaml:1:1: missing required field 'source'");
  EXPECT_EQ(error_of("id: s\n" + kSpot + kRequired + "height: 1\n"), "test.yaml:1:1: missing required field 'title'");
  EXPECT_EQ(error_of("id: s\n" + kSpot + "title: {en: S}\nlicence: CC0\nheight: 1\n"),
            "test.yaml:1:1: missing required field 'credit'");
  EXPECT_EQ(error_of("id: s\n" + kSpot + "title: {en: S}\n" + kRequired),
            "test.yaml:1:1: missing required field 'height' (metres) or 'size' ([x, y, z] metres)");
  EXPECT_EQ(error_of("- just\n- a list\n"), "test.yaml:1:1: a relic manifest must be a map, not a list");
  EXPECT_EQ(error_of(""), "test.yaml:1:1: the document is empty");
}

TEST(PackManifest, LyingSizesAndIdsAreRefused) {
  const std::string head = "id: s\n" + kSpot + "title: {en: S}\n" + kRequired;
  EXPECT_EQ(error_of(head + "height: -1\n"), "test.yaml:6:9: 'height' must be between 0 and 1000 metres, not -1");
  EXPECT_EQ(error_of(head + "height: 0\n"), "test.yaml:6:9: 'height' must be between 0 and 1000 metres, not 0");
  EXPECT_EQ(error_of(head + "height: nan\n"), "test.yaml:6:9: 'height' must be between 0 and 1000 metres, not nan");
  EXPECT_EQ(error_of(head + "height: .inf\n"), "test.yaml:6:9: 'height' must be a number of metres, not '.inf'");
  EXPECT_EQ(error_of(head + "height: tall\n"), "test.yaml:6:9: 'height' must be a number of metres, not 'tall'");
  EXPECT_EQ(error_of(head + "height: 1e9\n"), "test.yaml:6:9: 'height' must be between 0 and 1000 metres, not 1e9");
  EXPECT_EQ(error_of(head + "size: [1, 2]\n"),
            "test.yaml:6:7: 'size' must be a list of three lengths in metres: [x, y, z]");
  EXPECT_EQ(error_of(head + "size: [1, -2, 3]\n"),
            "test.yaml:6:11: each length in 'size' must be between 0 and 1000 metres, not -2");
  EXPECT_EQ(error_of(head + "height: 1\nsize: [1, 1, 1]\n"), "test.yaml:7:1: give either 'height' or 'size', not both");
  EXPECT_EQ(error_of("id: Spot Cow\n" + kSpot + "title: {en: S}\n" + kRequired + "height: 1\n"),
            "test.yaml:1:5: id 'Spot Cow' is not a lowercase slug (letters, digits and single hyphens, starting with a "
            "letter, at most 64 characters)");
  EXPECT_EQ(error_of("id: [a, b]\n" + kSpot + "title: {en: S}\n" + kRequired + "height: 1\n"),
            "test.yaml:1:5: 'id' must be text, not a list");
  EXPECT_EQ(error_of("id: a--b\n" + kSpot + "title: {en: S}\n" + kRequired + "height: 1\n").substr(0, 28),
            "test.yaml:1:5: id 'a--b' is ");
}

TEST(PackManifest, SourcesAreRelativeAndExist) {
  const std::string tail = "title: {en: S}\n" + kRequired + "height: 1\n";
  EXPECT_EQ(error_of("id: s\nsource: /etc/passwd\n" + tail),
            "test.yaml:2:9: 'source' must be relative to the manifest, not the absolute path '/etc/passwd'");
  const std::string missing = error_of("id: s\nsource: nowhere.glb\n" + tail);
  EXPECT_EQ(missing.substr(0, 45), "test.yaml:2:9: source 'nowhere.glb' not found") << missing;
}

TEST(PackManifest, TextsArePerLocale) {
  const std::string head = "id: s\n" + kSpot + kRequired + "height: 1\n";
  EXPECT_EQ(error_of(head + "title: Spot\n"), "test.yaml:6:8: 'title' (locale → text) must be a map, not text");
  EXPECT_EQ(error_of(head + "title: {english: Spot}\n"),
            "test.yaml:6:9: 'english' is not a BCP-47 locale tag (like en, zh-Hans, ar)");
  EXPECT_EQ(error_of(head + "title: {en: ''}\n"), "test.yaml:6:13: title in 'en' is empty");
  EXPECT_EQ(error_of(head + "title: {}\n"), "test.yaml:6:8: 'title' names no locale");
  EXPECT_EQ(error_of(head + "title: {en: S}\ndescription: {ar: نص}\n"),
            "test.yaml:7:19: description in 'ar' has no title in 'ar'");
  EXPECT_EQ(error_of(head + "title: {en: S, en: T}\n"), "test.yaml:6:16: duplicate key 'en'");
}

TEST(PackManifest, AxesAndClips) {
  const std::string head = "id: s\n" + kSpot + "title: {en: S}\n" + kRequired + "height: 1\n";
  EXPECT_EQ(error_of(head + "front: forward\n"),
            "test.yaml:7:8: 'front' must be one of +x, -x, +y, -y, +z, -z, not 'forward'");
  EXPECT_EQ(error_of(head + "clips: walk\n"), "test.yaml:7:8: 'clips' must be a list, not text");
}

TEST(PackManifest, UnknownKeysAreWarningsWithPositions) {
  auto m = parse("id: s\n" + kSpot + "title: {en: S}\n" + kRequired + "height: 1\nlicense: MIT\n");
  ASSERT_TRUE(m) << m.error().to_string();
  ASSERT_EQ(m->warnings.size(), 1u);
  EXPECT_EQ(m->warnings[0], "test.yaml:7:1: unknown key 'license' ignored");
}

TEST(PackManifest, InvalidUtf8IsRefusedAtItsPosition) {
  EXPECT_EQ(error_of("id: s\ntitle:\n  en: caf\xe9\n"), "test.yaml:3:10: byte 0xe9 is not valid UTF-8");
  EXPECT_EQ(error_of("id: s\ntitle: {en: \xed\xa0\x80}\n"), "test.yaml:2:13: byte 0xed is not valid UTF-8")
      << "a UTF-16 surrogate encoded in UTF-8";
  EXPECT_EQ(error_of("id: s\xc0\xaf\n"), "test.yaml:1:6: byte 0xc0 is not valid UTF-8") << "an overlong '/'";
  EXPECT_EQ(error_of(std::string("id: s\0x\n", 8)), "test.yaml:1:6: NUL byte in text");
}

TEST(PackManifest, CheckedInBrokenManifestsFailWithTheirPositions) {
  const auto broken = data_dir() / "exhibitions/broken";
  const struct {
    const char* file;
    std::string error;
  } cases[] = {
      {"bad-utf8.yaml", ":4:10: byte 0xe9 is not valid UTF-8"},
      {"missing-licence.yaml", ":1:1: missing required field 'licence'"},
      {"bad-id.yaml", ":1:5: id 'Spot_The_Cow' is not a lowercase slug"},
      {"truncated.yaml", ":4:18: "},  // yaml-cpp's words for it: "illegal EOF in scalar"
  };
  for (const auto& c : cases) {
    const auto manifest = broken / c.file;
    const CommandResult r = pack_tool({"pack", manifest.string(), "-o", (output_dir() / "x.lypak").string()});
    EXPECT_EQ(r.exit_code, 1) << c.file << ": " << r.output;
    EXPECT_NE(r.output.find("liyuan-pack: error: " + manifest.string() + c.error), std::string::npos) << r.output;
  }
}

}  // namespace
}  // namespace liyuan::test
