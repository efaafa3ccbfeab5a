// The relic catalogue (CATL), relic ranges (RELC) and carried files (SCEN/STRS): read in place, and every kind of
// damage rejected with an error naming the chunk.
#include "assets/catalogue.h"
#include "assets/pack_contents.h"
#include "assets/pack_files.h"
#include "assets/pack_reader.h"
#include "pack_fixture.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

#include <cstring>

namespace liyuan::test {
namespace {

struct Located {
  pack::ChunkEntry entry;
  size_t position = 0;
};

Located find_chunk(const std::vector<std::byte>& bytes, pack::ChunkType type, uint32_t index = 0) {
  const auto toc = toc_of(bytes);
  for (size_t i = 0; i < toc.size(); ++i) {
    if (toc[i].type == uint32_t(type) && toc[i].index == index) return {toc[i], i};
  }
  ADD_FAILURE() << "no chunk " << pack::chunk_type_name(uint32_t(type)) << "#" << index;
  return {};
}

template <typename T>
T read_at(const std::vector<std::byte>& bytes, uint64_t offset) {
  T value;
  std::memcpy(&value, bytes.data() + offset, sizeof value);
  return value;
}
template <typename T>
void write_at(std::vector<std::byte>& bytes, uint64_t offset, const T& value) {
  std::memcpy(bytes.data() + offset, &value, sizeof value);
}

// Writes BYTES (resealed) and loads its contents; the error text, or "" on success.
std::string load_error(std::vector<std::byte> bytes) {
  reseal(bytes);
  const auto path = output_dir() / "damaged.lypak";
  write_bytes(path, bytes);
  auto reader = PackReader::open(path);
  if (!reader) return reader.error().to_string();
  auto contents = load_pack_contents(*reader);
  return contents ? std::string() : contents.error().to_string();
}

TEST(Catalogue, ReadsInPlace) {
  const auto bytes = make_catalogue_pack();
  const auto path = output_dir() / "catalogue.lypak";
  write_bytes(path, bytes);
  auto reader = PackReader::open(path);
  ASSERT_TRUE(reader) << reader.error().to_string();
  auto contents = load_pack_contents(*reader);
  ASSERT_TRUE(contents) << contents.error().to_string();
  const Catalogue& catalogue = contents->catalogue;
  ASSERT_EQ(catalogue.relics().size(), 2u);
  const pack::CatalogueRelic& amphora = catalogue.relics()[0];
  EXPECT_EQ(catalogue.text(amphora.id), "amphora");
  EXPECT_EQ(catalogue.text(amphora.provenance), "Chang'an");
  EXPECT_EQ(catalogue.text(amphora.licence), "CC0-1.0");
  ASSERT_EQ(catalogue.texts(amphora).size(), 2u);
  EXPECT_EQ(catalogue.text(catalogue.texts(amphora)[0].locale), "en") << "sorted by locale tag";
  EXPECT_EQ(catalogue.text(catalogue.texts(amphora)[1].period), "唐");
  EXPECT_EQ(catalogue.text(catalogue.texts_for(amphora, "zh-Hant")->title), "双耳瓶") << "same language";
  EXPECT_EQ(catalogue.text(catalogue.texts_for(amphora, "fr")->title), "Amphora") << "the first locale";
  ASSERT_EQ(catalogue.clips(amphora).size(), 2u);
  EXPECT_EQ(catalogue.text(catalogue.clips(amphora)[1]), "close");
  EXPECT_EQ(catalogue.find("bowl"), 1);
  EXPECT_FLOAT_EQ(catalogue.relics()[1].size[1], 0.25f);
  EXPECT_EQ(catalogue.text(catalogue.texts(catalogue.relics()[1])[0].description), "") << "absent: empty";

  // In place: the strings point into the mapped file, not into a copy.
  const int position = reader->find(pack::ChunkType::Catalogue, 0);
  ASSERT_GE(position, 0);
  const auto stored = reader->stored_bytes(size_t(position));
  const auto* text = reinterpret_cast<const std::byte*>(catalogue.text(amphora.id).data());
  EXPECT_TRUE(text >= stored.data() && text < stored.data() + stored.size());

  ASSERT_EQ(contents->relics.size(), 2u);
  EXPECT_EQ(contents->relics[1].first_mesh, 1u);
  EXPECT_EQ(contents->relics[1].first_texture, 1u);
  ASSERT_EQ(contents->scenes.size(), 2u);
  EXPECT_EQ(contents->scenes[1].path, "halls/a.yaml");
  EXPECT_EQ(contents->scenes[1].text, "x: 1\n");
  EXPECT_EQ(find_pack_file(contents->strings, "strings.yaml")->text, "en: {}\n");
  EXPECT_EQ(find_pack_file(contents->strings, "nope.yaml"), nullptr);
}

TEST(Catalogue, DamageIsNamedByChunk) {
  const auto good = make_catalogue_pack();
  ASSERT_EQ(load_error(good), "");
  const Located catl = find_chunk(good, pack::ChunkType::Catalogue);
  ASSERT_EQ(catl.entry.compression, uint32_t(pack::Compression::None));
  const auto header = read_at<pack::CatalogueHeader>(good, catl.entry.offset);
  const uint64_t relic0 = catl.entry.offset + header.relic_offset;
  const uint64_t relic1 = relic0 + sizeof(pack::CatalogueRelic);
  const auto amphora = read_at<pack::CatalogueRelic>(good, relic0);
  const std::string where = "chunk CATL#0 (entry " + std::to_string(catl.position) + "): ";

  {  // a title byte that is not UTF-8
    auto bad = good;
    const auto text = read_at<pack::CatalogueText>(good, catl.entry.offset + header.text_offset);
    bad[catl.entry.offset + header.strings_offset + text.title.offset] = std::byte{0xff};
    EXPECT_NE(load_error(bad).find(where + "relic 0: title is not valid UTF-8"), std::string::npos) << load_error(bad);
  }
  {  // a string reference past the table
    auto bad = good;
    pack::CatalogueRelic r = amphora;
    r.credit.size = 1u << 30;
    write_at(bad, relic0, r);
    EXPECT_NE(load_error(bad).find(where + "relic 0: credit ["), std::string::npos) << load_error(bad);
  }
  {  // two relics with one id
    auto bad = good;
    pack::CatalogueRelic bowl = read_at<pack::CatalogueRelic>(good, relic1);
    bowl.id = amphora.id;
    write_at(bad, relic1, bowl);
    EXPECT_NE(load_error(bad).find(where + "relic 1: id 'amphora' appears twice"), std::string::npos) << load_error(bad);
  }
  {  // a text range past the records
    auto bad = good;
    pack::CatalogueRelic r = amphora;
    r.text_count = 99;
    write_at(bad, relic0, r);
    EXPECT_NE(load_error(bad).find(where + "relic 0 ('amphora'): texts [0, +99)"), std::string::npos) << load_error(bad);
  }
  {  // a section outside the chunk
    auto bad = good;
    pack::CatalogueHeader h = header;
    h.strings_size = 1u << 31;
    write_at(bad, catl.entry.offset, h);
    EXPECT_NE(load_error(bad).find(where + "string table"), std::string::npos) << load_error(bad);
  }
  {  // a catalogue shorter than its header
    auto bad = good;
    pack::ChunkEntry e = catl.entry;
    e.size = e.raw_size = 10;
    set_toc_entry(bad, catl.position, e);
    EXPECT_NE(load_error(bad).find(where + "10 bytes, shorter than the 64-byte catalogue header"), std::string::npos)
        << load_error(bad);
  }
  {  // a non-slug id
    auto bad = good;
    bad[catl.entry.offset + header.strings_offset + amphora.id.offset] = std::byte{'A'};
    EXPECT_NE(load_error(bad).find(where + "relic 0: id 'Amphora' is not a lowercase slug"), std::string::npos)
        << load_error(bad);
  }
}

TEST(Catalogue, RelicRangesAreChecked) {
  const auto good = make_catalogue_pack();
  const Located relc = find_chunk(good, pack::ChunkType::Relic);
  const std::string where = "chunk RELC#0 (entry " + std::to_string(relc.position) + "): ";
  {  // fewer records than relics
    auto bad = good;
    pack::ChunkEntry e = relc.entry;
    e.size = e.raw_size = sizeof(pack::RelicRecord);
    set_toc_entry(bad, relc.position, e);
    EXPECT_NE(load_error(bad).find(where + "1 relic records, but the catalogue lists 2 relics"), std::string::npos)
        << load_error(bad);
  }
  {  // relic 0 claims relic 1's instance, whose mesh is not its own
    auto bad = good;
    pack::RelicRecord r = read_at<pack::RelicRecord>(good, relc.entry.offset);
    r.first_instance = 1;
    write_at(bad, relc.entry.offset, r);
    EXPECT_NE(load_error(bad).find(where + "relic 0: instance 1 names mesh 1, outside the relic's meshes"),
              std::string::npos)
        << load_error(bad);
  }
  {  // a range past the pack's textures
    auto bad = good;
    pack::RelicRecord r = read_at<pack::RelicRecord>(good, relc.entry.offset + sizeof r);
    r.texture_count = 5;
    write_at(bad, relc.entry.offset + sizeof r, r);
    EXPECT_NE(load_error(bad).find(where + "relic 1: textures [1, +5) outside the pack's 2"), std::string::npos)
        << load_error(bad);
  }
}

TEST(Catalogue, CarriedFilesAreChecked) {
  const auto good = make_catalogue_pack();
  const Located scene = find_chunk(good, pack::ChunkType::Scene, 1);
  ASSERT_EQ(scene.entry.compression, uint32_t(pack::Compression::None));
  const std::string where = "chunk SCEN#1 (entry " + std::to_string(scene.position) + "): ";
  const uint64_t path_at = scene.entry.offset + sizeof(pack::FileChunkHeader);
  {  // "halls/a.yaml" → "../s/a.yaml"
    auto bad = good;
    std::memcpy(bad.data() + path_at, "../s/", 5);
    EXPECT_NE(load_error(bad).find(where + "the file's path is not a clean relative UTF-8 path"), std::string::npos)
        << load_error(bad);
  }
  {  // the same path twice: SCEN#0 "exhibition.yaml" renamed "halls/a.yaml"
    auto bad = good;
    const Located first = find_chunk(good, pack::ChunkType::Scene, 0);
    pack::FileChunkHeader h = read_at<pack::FileChunkHeader>(good, first.entry.offset);
    h.path_size = 12;
    write_at(bad, first.entry.offset, h);
    std::memcpy(bad.data() + first.entry.offset + sizeof h, "halls/a.yaml", 12);
    EXPECT_NE(load_error(bad).find(where + "'halls/a.yaml' is carried twice"), std::string::npos) << load_error(bad);
  }
  {  // a data offset past the chunk
    auto bad = good;
    pack::FileChunkHeader h = read_at<pack::FileChunkHeader>(good, scene.entry.offset);
    h.data_offset = 1u << 20;
    write_at(bad, scene.entry.offset, h);
    EXPECT_NE(load_error(bad).find(where + "path (12 bytes) or data offset 1048576 outside"), std::string::npos)
        << load_error(bad);
  }
  {  // text that is not UTF-8
    auto bad = good;
    const pack::FileChunkHeader h = read_at<pack::FileChunkHeader>(good, scene.entry.offset);
    bad[scene.entry.offset + h.data_offset] = std::byte{0xc3};
    EXPECT_NE(load_error(bad).find(where + "'halls/a.yaml' is not valid UTF-8"), std::string::npos) << load_error(bad);
  }
}

TEST(Catalogue, Utf8Rules) {
  EXPECT_TRUE(is_valid_utf8("plain"));
  EXPECT_TRUE(is_valid_utf8("唐 ثعلب 𝄞"));
  EXPECT_FALSE(is_valid_utf8("\xc0\xaf")) << "overlong";
  EXPECT_FALSE(is_valid_utf8("\xed\xa0\x80")) << "surrogate";
  EXPECT_FALSE(is_valid_utf8("\xf4\x90\x80\x80")) << "above U+10FFFF";
  EXPECT_FALSE(is_valid_utf8("\xe5\x94")) << "truncated";
  EXPECT_FALSE(is_valid_utf8(std::string_view("a\0b", 3))) << "NUL";
}

}  // namespace
}  // namespace liyuan::test
