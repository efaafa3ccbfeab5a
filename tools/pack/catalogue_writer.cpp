// Serialises the catalogue: fixed records referring into one string table.
#include "catalogue_writer.h"

#include "assets/pack_format.h"

#include <cstring>
#include <map>
#include <string>

namespace liyuan::packer {
namespace {

uint32_t align8(size_t value) { return uint32_t((value + 7) / 8 * 8); }

class StringTable {
 public:
  pack::StringRef add(const std::string& text) {
    auto [it, inserted] = offsets_.try_emplace(text, uint32_t(bytes_.size()));
    if (inserted) {
      bytes_.insert(bytes_.end(), text.begin(), text.end());
      bytes_.push_back('\0');
    }
    return {it->second, uint32_t(text.size())};
  }
  const std::string& bytes() const { return bytes_; }

 private:
  std::map<std::string, uint32_t> offsets_;
  std::string bytes_;
};

std::string lookup(const std::map<std::string, std::string>& texts, const std::string& locale) {
  auto it = texts.find(locale);
  return it == texts.end() ? std::string() : it->second;
}

template <typename T>
void put(std::vector<std::byte>& out, size_t offset, const std::vector<T>& records) {
  if (!records.empty()) std::memcpy(out.data() + offset, records.data(), records.size() * sizeof(T));
}

}  // namespace

std::vector<std::byte> catalogue_payload(const std::vector<CatalogueInput>& relics) {
  StringTable strings;
  std::vector<pack::CatalogueRelic> records;
  std::vector<pack::CatalogueText> texts;
  std::vector<pack::StringRef> clips;
  for (const CatalogueInput& input : relics) {
    const RelicManifest& m = *input.manifest;
    pack::CatalogueRelic r;
    std::memset(&r, 0, sizeof r);
    r.id = strings.add(m.id);
    r.source = strings.add(m.source);
    r.inventory = strings.add(m.inventory);
    r.provenance = strings.add(m.provenance);
    r.credit = strings.add(m.credit);
    r.licence = strings.add(m.licence);
    r.first_text = uint32_t(texts.size());
    for (const auto& [locale, title] : m.title) {  // std::map: sorted by locale tag, bytewise
      pack::CatalogueText t;
      std::memset(&t, 0, sizeof t);
      t.locale = strings.add(locale);
      t.title = strings.add(title);
      t.description = strings.add(lookup(m.description, locale));
      t.period = strings.add(lookup(m.period, locale));
      texts.push_back(t);
    }
    r.text_count = uint32_t(texts.size()) - r.first_text;
    r.first_clip = uint32_t(clips.size());
    for (const std::string& clip : m.clips) clips.push_back(strings.add(clip));
    r.clip_count = uint32_t(clips.size()) - r.first_clip;
    for (int a = 0; a < 3; ++a) r.size[a] = input.size[a];
    records.push_back(r);
  }

  pack::CatalogueHeader header;
  std::memset(&header, 0, sizeof header);
  header.relic_count = uint32_t(records.size());
  header.relic_offset = align8(sizeof header);
  header.text_count = uint32_t(texts.size());
  header.text_offset = align8(header.relic_offset + records.size() * sizeof(pack::CatalogueRelic));
  header.clip_count = uint32_t(clips.size());
  header.clip_offset = align8(header.text_offset + texts.size() * sizeof(pack::CatalogueText));
  header.strings_offset = align8(header.clip_offset + clips.size() * sizeof(pack::StringRef));
  header.strings_size = uint32_t(strings.bytes().size());
  std::vector<std::byte> out(align8(header.strings_offset + header.strings_size), std::byte{0});
  std::memcpy(out.data(), &header, sizeof header);
  put(out, header.relic_offset, records);
  put(out, header.text_offset, texts);
  put(out, header.clip_offset, clips);
  if (header.strings_size > 0) std::memcpy(out.data() + header.strings_offset, strings.bytes().data(), header.strings_size);
  return out;
}

std::vector<std::byte> file_chunk_payload(std::string_view path, std::string_view data) {
  pack::FileChunkHeader header;
  std::memset(&header, 0, sizeof header);
  header.path_size = uint32_t(path.size());
  header.data_offset = align8(sizeof header + path.size());
  std::vector<std::byte> out(header.data_offset + data.size(), std::byte{0});
  std::memcpy(out.data(), &header, sizeof header);
  if (!path.empty()) std::memcpy(out.data() + sizeof header, path.data(), path.size());
  if (!data.empty()) std::memcpy(out.data() + header.data_offset, data.data(), data.size());
  return out;
}

}  // namespace liyuan::packer
