// CATL and RELC: every offset, range and string checked before a view is handed out.
#include "assets/catalogue.h"

#include <fmt/format.h>

#include <cmath>
#include <cstring>
#include <set>
#include <string>

namespace liyuan {
namespace {

bool range_inside(uint64_t offset, uint64_t size, uint64_t begin, uint64_t end) {
  return offset >= begin && offset <= end && size <= end - offset;
}

bool is_slug(std::string_view id) {
  if (id.empty() || id.size() > 64 || !(id[0] >= 'a' && id[0] <= 'z') || id.back() == '-') return false;
  for (size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    if (c == '-' ? id[i - 1] == '-' : !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

bool is_locale_tag(std::string_view tag) {
  if (tag.empty() || tag.size() > 64) return false;
  size_t part = 0, length = 0;
  for (size_t i = 0; i <= tag.size(); ++i) {
    if (i == tag.size() || tag[i] == '-') {
      if (part == 0 ? (length < 2 || length > 3) : (length < 1 || length > 8)) return false;
      ++part;
      length = 0;
      continue;
    }
    const char c = tag[i];
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!(alpha || (part > 0 && c >= '0' && c <= '9'))) return false;
    ++length;
  }
  return true;
}

std::string_view language_of(std::string_view tag) { return tag.substr(0, tag.find('-')); }

}  // namespace

std::span<const pack::CatalogueText> Catalogue::texts(const pack::CatalogueRelic& relic) const {
  return texts_.subspan(relic.first_text, relic.text_count);
}

std::span<const pack::StringRef> Catalogue::clips(const pack::CatalogueRelic& relic) const {
  return clips_.subspan(relic.first_clip, relic.clip_count);
}

std::string_view Catalogue::text(pack::StringRef ref) const { return strings_.substr(ref.offset, ref.size); }

int Catalogue::find(std::string_view id) const {
  for (size_t i = 0; i < relics_.size(); ++i) {
    if (text(relics_[i].id) == id) return int(i);
  }
  return -1;
}

const pack::CatalogueText* Catalogue::texts_for(const pack::CatalogueRelic& relic, std::string_view locale) const {
  const auto all = texts(relic);
  if (all.empty()) return nullptr;
  for (const pack::CatalogueText& t : all) {
    if (text(t.locale) == locale) return &t;
  }
  for (const pack::CatalogueText& t : all) {
    if (language_of(text(t.locale)) == language_of(locale)) return &t;
  }
  return &all.front();
}

Result<Catalogue> load_catalogue(const PackReader& reader) {
  Catalogue catalogue;
  const int position = reader.find(pack::ChunkType::Catalogue, 0);
  if (position < 0) return catalogue;
  const std::string file = reader.path().string();
  auto fail = [&](std::string message) -> Error {
    return make_chunk_error(file, reader.chunk_label(size_t(position)), std::move(message));
  };
  if (reader.count(pack::ChunkType::Catalogue) > 1) {
    return make_chunk_error(file, reader.chunk_label(size_t(reader.find(pack::ChunkType::Catalogue, 1))),
                            "a pack holds at most one CATL chunk");
  }
  auto bytes = reader.load(size_t(position));
  if (!bytes) return bytes.error();
  catalogue.storage_ = std::move(*bytes);
  const auto payload = catalogue.storage_.bytes();
  const uint64_t size = payload.size();
  if (size < sizeof(pack::CatalogueHeader)) {
    return fail(fmt::format("{} bytes, shorter than the {}-byte catalogue header", size, sizeof(pack::CatalogueHeader)));
  }
  pack::CatalogueHeader h;
  std::memcpy(&h, payload.data(), sizeof h);
  struct Section {
    const char* name;
    uint64_t offset, count, record;
  } sections[] = {{"relic records", h.relic_offset, h.relic_count, sizeof(pack::CatalogueRelic)},
                  {"text records", h.text_offset, h.text_count, sizeof(pack::CatalogueText)},
                  {"clip names", h.clip_offset, h.clip_count, sizeof(pack::StringRef)},
                  {"string table", h.strings_offset, h.strings_size, 1}};
  for (const Section& s : sections) {
    if (s.offset % 8 != 0 || !range_inside(s.offset, s.count * s.record, sizeof(pack::CatalogueHeader), size)) {
      return fail(fmt::format("{} ({} x {} bytes at {}) outside the {}-byte chunk or misaligned", s.name, s.count,
                              s.record, s.offset, size));
    }
  }
  const auto* base = payload.data();
  catalogue.relics_ = {reinterpret_cast<const pack::CatalogueRelic*>(base + h.relic_offset), h.relic_count};
  catalogue.texts_ = {reinterpret_cast<const pack::CatalogueText*>(base + h.text_offset), h.text_count};
  catalogue.clips_ = {reinterpret_cast<const pack::StringRef*>(base + h.clip_offset), h.clip_count};
  catalogue.strings_ = {reinterpret_cast<const char*>(base + h.strings_offset), h.strings_size};

  auto check_string = [&](pack::StringRef ref, std::string_view what, size_t relic, bool may_be_empty) -> Status {
    if (!range_inside(ref.offset, uint64_t(ref.size) + 1, 0, catalogue.strings_.size()) ||
        catalogue.strings_[ref.offset + ref.size] != '\0') {
      return fail(fmt::format("relic {}: {} [{}, +{}) is outside the {}-byte string table or not NUL-terminated", relic,
                              what, ref.offset, ref.size, catalogue.strings_.size()));
    }
    const std::string_view text = catalogue.text(ref);
    if (!is_valid_utf8(text)) return fail(fmt::format("relic {}: {} is not valid UTF-8", relic, what));
    if (!may_be_empty && text.empty()) return fail(fmt::format("relic {}: {} is empty", relic, what));
    return {};
  };
  std::set<std::string_view> ids;
  for (size_t i = 0; i < catalogue.relics_.size(); ++i) {
    const pack::CatalogueRelic& r = catalogue.relics_[i];
    for (auto [ref, what, may_be_empty] : {std::tuple{r.id, "id", false}, {r.source, "source", true},
                                           {r.inventory, "inventory", true}, {r.provenance, "provenance", true},
                                           {r.credit, "credit", true}, {r.licence, "licence", true}}) {
      if (Status s = check_string(ref, what, i, may_be_empty); !s) return s.error();
    }
    const std::string_view id = catalogue.text(r.id);
    if (!is_slug(id)) return fail(fmt::format("relic {}: id '{}' is not a lowercase slug", i, id));
    if (!ids.insert(id).second) return fail(fmt::format("relic {}: id '{}' appears twice", i, id));
    if (r.text_count == 0 || !range_inside(r.first_text, r.text_count, 0, h.text_count)) {
      return fail(fmt::format("relic {} ('{}'): texts [{}, +{}) not a non-empty range of the {} text records", i, id,
                              r.first_text, r.text_count, h.text_count));
    }
    if (!range_inside(r.first_clip, r.clip_count, 0, h.clip_count)) {
      return fail(fmt::format("relic {} ('{}'): clips [{}, +{}) outside the {} clip names", i, id, r.first_clip,
                              r.clip_count, h.clip_count));
    }
    for (float extent : r.size) {
      if (!std::isfinite(extent) || extent < 0.f) return fail(fmt::format("relic {} ('{}'): invalid size", i, id));
    }
    for (const pack::CatalogueText& t : catalogue.texts(r)) {
      for (auto [ref, what, may_be_empty] : {std::tuple{t.locale, "locale", false}, {t.title, "title", false},
                                             {t.description, "description", true}, {t.period, "period", true}}) {
        if (Status s = check_string(ref, what, i, may_be_empty); !s) return s.error();
      }
      if (!is_locale_tag(catalogue.text(t.locale))) {
        return fail(fmt::format("relic {} ('{}'): '{}' is not a locale tag", i, id, catalogue.text(t.locale)));
      }
    }
    for (const pack::StringRef& clip : catalogue.clips(r)) {
      if (Status s = check_string(clip, "clip name", i, false); !s) return s.error();
    }
  }
  return catalogue;
}

Result<std::vector<pack::RelicRecord>> load_relic_records(const PackReader& reader, size_t relic_count) {
  std::vector<pack::RelicRecord> records;
  const int position = reader.find(pack::ChunkType::Relic, 0);
  const std::string file = reader.path().string();
  if (position < 0) {
    if (relic_count > 0) return make_error(file + ": the pack has a catalogue of relics but no RELC chunk");
    return records;
  }
  auto fail = [&](std::string message) -> Error {
    return make_chunk_error(file, reader.chunk_label(size_t(position)), std::move(message));
  };
  if (reader.count(pack::ChunkType::Relic) > 1) return fail("a pack holds at most one RELC chunk");
  auto bytes = reader.load(size_t(position));
  if (!bytes) return bytes.error();
  if (bytes->size() % sizeof(pack::RelicRecord) != 0) {
    return fail(fmt::format("size {} is not a multiple of the {}-byte relic record", bytes->size(),
                            sizeof(pack::RelicRecord)));
  }
  records.resize(bytes->size() / sizeof(pack::RelicRecord));
  if (!records.empty()) std::memcpy(records.data(), bytes->bytes().data(), bytes->size());
  if (records.size() != relic_count) {
    return fail(fmt::format("{} relic records, but the catalogue lists {} relics", records.size(), relic_count));
  }
  for (size_t i = 0; i < records.size(); ++i) {
    for (int a = 0; a < 3; ++a) {
      if (!std::isfinite(records[i].bounds_min[a]) || !std::isfinite(records[i].bounds_max[a])) {
        return fail(fmt::format("relic {} has non-finite bounds", i));
      }
    }
  }
  return records;
}

}  // namespace liyuan
