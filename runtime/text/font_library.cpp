#include "text/font_library.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb-ft.h>
#include <hb.h>

#include <array>

namespace liyuan::text {
namespace {

constexpr const char* kCorePackage = "fonts-noto-core";
constexpr const char* kCjkPackage = "fonts-noto-cjk";

// Face indices inside NotoSansCJK-*.ttc (fc-list: JP 0, KR 1, SC 2, TC 3, HK 4).
enum CjkFace { kJapanese = 0, kKorean = 1, kSimplified = 2, kTraditional = 3 };

std::string_view language_of(std::string_view locale) { return locale.substr(0, locale.find_first_of("-_")); }

CjkFace cjk_face_for(std::string_view locale) {
  std::string_view language = language_of(locale);
  if (language == "ja") return kJapanese;
  if (language == "ko") return kKorean;
  if (language == "zh" && (locale.find("Hant") != std::string_view::npos || locale.find("TW") != std::string_view::npos ||
                           locale.find("HK") != std::string_view::npos || locale.find("MO") != std::string_view::npos))
    return kTraditional;
  return kSimplified;
}

}  // namespace

FontLibrary::~FontLibrary() {
  for (auto& face : faces_) {
    if (face->hb) hb_font_destroy(face->hb);
    if (face->ft) FT_Done_Face(face->ft);
  }
  if (library_) FT_Done_FreeType(library_);
}

Result<std::unique_ptr<FontLibrary>> FontLibrary::create(int sdf_spread, const FontDirectories& directories) {
  std::unique_ptr<FontLibrary> library(new FontLibrary());
  if (FT_Init_FreeType(&library->library_) != 0) return make_error("FreeType could not start");
  library->sdf_spread_ = sdf_spread;
  library->directories_ = directories;
  return library;
}

bool FontLibrary::has_glyph(uint16_t id, char32_t code_point) const {
  return FT_Get_Char_Index(faces_[id]->ft, FT_ULong(code_point)) != 0;
}

Result<uint16_t> FontLibrary::open(const std::string& name, const std::filesystem::path& path, int index,
                                   std::string_view package) {
  for (size_t i = 0; i < faces_.size(); ++i)
    if (faces_[i]->path == path && faces_[i]->index == index) return uint16_t(i);
  std::error_code error;
  if (!std::filesystem::exists(path, error))
    return make_error("font " + path.string() + " (" + name + ") is missing: install the Debian package " +
                      std::string(package) + " (tools/setup.sh installs it)");
  auto face = std::make_unique<FontFace>();
  face->name = name;
  face->path = path;
  face->index = index;
  if (FT_New_Face(library_, path.c_str(), index, &face->ft) != 0)
    return make_error("FreeType cannot open font " + path.string() + " (face " + std::to_string(index) + ")");
  face->units_per_em = float(face->ft->units_per_EM);
  face->ascender = float(face->ft->ascender) / face->units_per_em;
  face->descender = -float(face->ft->descender) / face->units_per_em;
  // HarfBuzz reads the same face with its own OpenType functions: positions in font units, never hinted.
  hb_face_t* hb_face = hb_ft_face_create_referenced(face->ft);
  face->hb = hb_font_create(hb_face);
  hb_face_destroy(hb_face);
  hb_font_set_scale(face->hb, int(face->units_per_em), int(face->units_per_em));
  faces_.push_back(std::move(face));
  return uint16_t(faces_.size() - 1);
}

Result<FontChain> FontLibrary::chain_for(std::string_view locale, Weight weight) {
  const bool bold = weight == Weight::Bold;
  const std::string style = bold ? "Bold" : "Regular";
  const std::string suffix = bold ? " Bold" : "";
  struct Candidate {
    std::string name;
    std::filesystem::path path;
    int index;
    const char* package;
  };
  static constexpr std::array<const char*, 4> kCjkNames = {"JP", "KR", "SC", "TC"};
  const CjkFace cjk = cjk_face_for(locale);
  const Candidate latin{"Noto Sans" + suffix, directories_.core / ("NotoSans-" + style + ".ttf"), 0, kCorePackage};
  const Candidate arabic{"Noto Sans Arabic" + suffix, directories_.core / ("NotoSansArabic-" + style + ".ttf"), 0,
                         kCorePackage};
  const Candidate hebrew{"Noto Sans Hebrew" + suffix, directories_.core / ("NotoSansHebrew-" + style + ".ttf"), 0,
                         kCorePackage};
  const Candidate han{"Noto Sans CJK " + std::string(kCjkNames[cjk]) + suffix,
                      directories_.cjk / ("NotoSansCJK-" + style + ".ttc"), int(cjk), kCjkPackage};
  std::vector<Candidate> order;
  std::string_view language = language_of(locale);
  if (language == "ja" || language == "zh" || language == "ko") {
    order = {han, latin, arabic, hebrew};
  } else if (language == "ar" || language == "fa" || language == "ur") {
    order = {arabic, latin, hebrew, han};
  } else if (language == "he") {
    order = {hebrew, latin, arabic, han};
  } else {
    order = {latin, arabic, hebrew, han};
  }
  FontChain chain;
  for (const Candidate& candidate : order) {
    auto id = open(candidate.name, candidate.path, candidate.index, candidate.package);
    if (!id) return id.error();
    chain.push_back(*id);
  }
  return chain;
}

}  // namespace liyuan::text
