// The relic catalogue (CATL) and relic geometry ranges (RELC) of a pack, read in place and validated
// (docs/pack-format.md, "CATL" and "RELC").
#pragma once

#include "assets/pack_format.h"
#include "assets/pack_reader.h"
#include "core/error.h"
#include "core/utf8.h"

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

namespace liyuan {

// A view of a CATL chunk. Every record, range and string was checked by load_catalogue (in range, valid UTF-8, ids
// unique slugs, locales well formed), so the accessors never fail.
class Catalogue {
 public:
  Catalogue() = default;

  std::span<const pack::CatalogueRelic> relics() const { return relics_; }
  // The texts of RELIC, one per locale, sorted by locale tag.
  std::span<const pack::CatalogueText> texts(const pack::CatalogueRelic& relic) const;
  // The animation clip names of RELIC.
  std::span<const pack::StringRef> clips(const pack::CatalogueRelic& relic) const;
  // The string REF names in the string table.
  std::string_view text(pack::StringRef ref) const;

  // The index of the relic with ID, or -1.
  int find(std::string_view id) const;
  // RELIC's texts in LOCALE: that exact tag, else the first with the same language subtag ("zh" for "zh-Hant"),
  // else its first texts. Never null for a loaded catalogue.
  const pack::CatalogueText* texts_for(const pack::CatalogueRelic& relic, std::string_view locale) const;

 private:
  friend Result<Catalogue> load_catalogue(const PackReader& reader);
  ChunkBytes storage_;
  std::span<const pack::CatalogueRelic> relics_;
  std::span<const pack::CatalogueText> texts_;
  std::span<const pack::StringRef> clips_;
  std::string_view strings_;
};

// The pack's CATL chunk (an empty catalogue when there is none; more than one is an error). Fails, naming the file
// and the chunk, when a section lies outside the chunk or overlaps the header, a range or string reference is out of
// bounds, a string is not valid UTF-8 or not NUL-terminated, an id is not a unique lowercase slug, a locale tag is
// malformed, a relic has no texts or a title is empty, or a size is not positive and finite.
Result<Catalogue> load_catalogue(const PackReader& reader);

// The pack's RELC chunk as records (empty when there is none). Fails, naming the chunk, when its size is not a whole
// number of records, RELIC_COUNT (the catalogue's) differs from the record count, or bounds are not finite. Ranges
// are checked against the rest of the pack by load_pack_contents.
Result<std::vector<pack::RelicRecord>> load_relic_records(const PackReader& reader, size_t relic_count);


}  // namespace liyuan
