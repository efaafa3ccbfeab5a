// The fonts text is set in: Noto faces from Debian's font packages, opened with FreeType and shaped through
// HarfBuzz, and the fallback chain each locale uses (its own script's face first, then the others).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

typedef struct FT_LibraryRec_* FT_Library;
typedef struct FT_FaceRec_* FT_Face;
typedef struct hb_font_t hb_font_t;

namespace liyuan::text {

enum class Weight : uint8_t { Regular, Bold };

// One opened face. Shaping positions come out in font units; divide by units_per_em for em.
struct FontFace {
  std::string name;  // "Noto Sans CJK JP Bold", for messages and tests
  std::filesystem::path path;
  int index = 0;     // face index in a collection (.ttc)
  FT_Face ft = nullptr;
  hb_font_t* hb = nullptr;
  float units_per_em = 1000.0f;
  float ascender = 0.9f;   // em above the baseline
  float descender = 0.25f; // em below the baseline (positive)
};

// Where the Noto faces are: Debian's paths for fonts-noto-core and fonts-noto-cjk.
struct FontDirectories {
  std::filesystem::path core = "/usr/share/fonts/truetype/noto";
  std::filesystem::path cjk = "/usr/share/fonts/opentype/noto";
};

// Faces by id, in preference order: the first that has a code point's glyph sets it.
using FontChain = std::vector<uint16_t>;

class FontLibrary {
 public:
  ~FontLibrary();
  FontLibrary(const FontLibrary&) = delete;
  FontLibrary& operator=(const FontLibrary&) = delete;

  // Starts FreeType; glyph atlases on this library make distance fields reaching SDF_SPREAD pixels from outlines.
  // Faces open from DIRECTORIES when a chain first needs them.
  static Result<std::unique_ptr<FontLibrary>> create(int sdf_spread, const FontDirectories& directories = {});

  // The chain for LOCALE (a BCP-47 tag) in WEIGHT: for ja the Japanese CJK face first, for zh-Hans the Simplified
  // Chinese one (zh-Hant, zh-TW, zh-HK: Traditional), for ko the Korean one, for ar/fa/ur Arabic, for he Hebrew, else
  // Noto Sans; then Noto Sans, Arabic, Hebrew and CJK. Fails naming the missing file and its Debian package.
  Result<FontChain> chain_for(std::string_view locale, Weight weight);

  // The face with ID (from a chain this library made).
  const FontFace& face(uint16_t id) const { return *faces_[id]; }
  size_t face_count() const { return faces_.size(); }
  FT_Library freetype() const { return library_; }
  // The distance fields' reach in pixels either side of an outline, as given to create.
  int sdf_spread() const { return sdf_spread_; }
  // Whether face ID has a glyph for CODE_POINT.
  bool has_glyph(uint16_t id, char32_t code_point) const;

 private:
  FontLibrary() = default;
  // The id of the face at PATH, INDEX, opening it when first asked for.
  Result<uint16_t> open(const std::string& name, const std::filesystem::path& path, int index,
                        std::string_view package);

  FT_Library library_ = nullptr;
  int sdf_spread_ = 0;
  FontDirectories directories_;
  std::vector<std::unique_ptr<FontFace>> faces_;
};

}  // namespace liyuan::text
