// liyuan-bench-text: laying out one screen of text — a two-line caption and a relic panel — per language. Not a test.
//
// For each of en, zh-Hans, ja and ar, best of N:
//   cold   a fresh atlas: shaping, bidi, line breaking, layout and FreeType SDF rendering of every glyph (the first
//          frame after switching to a language never seen before);
//   warm   the same with every glyph already in the atlas (a new caption in a language already shown);
//   frame  quads from the laid-out blocks only (what ShowText does on frames whose text did not change);
//   shape  reference: HarfBuzz shaping of the same strings alone, measured in the same run.
// Ratios: warm / shape says what bidi, breaking and layout add to shaping; cold / warm what SDF rendering costs.
#include <fmt/format.h>

#include <algorithm>
#include <functional>

#include "core/clock.h"
#include "text/caption_placement.h"
#include "text/font_library.h"
#include "text/glyph_atlas.h"
#include "text/layout.h"
#include "text/panel_layout.h"
#include "text/shaper.h"
#include "text/text_quads.h"
#include "text/utf8.h"

namespace {

using namespace liyuan;

struct Screen {
  const char* locale;
  const char* caption;
  text::PanelText panel;
};

const Screen kScreens[] = {
    {"en", "Welcome to the gallery. Take your time with each relic; its panel tells its story.",
     {"Water bottle", "21st century",
      "A modern water bottle stands in for a relic here. Its catalogue entry shows how a panel sets a title, a "
      "period, a description and a credit.",
      "Microsoft (glTF sample model)"}},
    {"zh-Hans", "欢迎来到展厅。请慢慢欣赏每一件文物，展板会讲述它的故事。",
     {"水瓶", "二十一世纪", "这只现代水瓶在此代替文物。它的目录条目展示了展板如何排列标题、年代、说明和致谢。",
      "Microsoft (glTF sample model)"}},
    {"ja", "展示室へようこそ。一つひとつの文物をごゆっくりご覧ください。パネルがその物語を伝えます。",
     {"水筒", "21世紀",
      "ここでは現代の水筒が文物の代わりを務めます。その目録項目は、パネルが題名、時代、解説、クレジットをどう組むかを示します。",
      "Microsoft (glTF sample model)"}},
    {"ar", "مرحبًا بكم في المعرض. تمهّلوا أمام كل قطعة أثرية، فلوحتها تروي قصتها.",
     {"قارورة ماء", "القرن الحادي والعشرون",
      "تقوم قارورة ماء حديثة هنا مقام قطعة أثرية. يبيّن مدخلها في الفهرس كيف تعرض اللوحة العنوان والحقبة والوصف والشكر.",
      "Microsoft (glTF sample model)"}},
};

double best_of(int runs, const std::function<void()>& work) {
  double best = 1e30;
  for (int i = 0; i < runs; ++i) {
    Stopwatch clock;
    work();
    best = std::min(best, clock.elapsed_ms());
  }
  return best * 1000.0;  // µs
}

}  // namespace

int main() {
  auto fonts = text::FontLibrary::create(6);
  if (!fonts) {
    fmt::print(stderr, "{}\n", fonts.error().to_string());
    return 1;
  }
  text::FontLibrary& library = **fonts;
  fmt::print("one screen = a two-line caption (max 36 degrees wide) + a relic panel (title, period, description, credit)\n");
  fmt::print("{:<8} {:>7} {:>10} {:>10} {:>10} {:>10} {:>11} {:>10}\n", "locale", "quads", "cold µs", "warm µs",
             "frame µs", "shape µs", "warm/shape", "cold/warm");
  for (const Screen& screen : kScreens) {
    auto regular = library.chain_for(screen.locale, text::Weight::Regular);
    auto bold = library.chain_for(screen.locale, text::Weight::Bold);
    if (!regular || !bold) {
      fmt::print(stderr, "{}\n", (!regular ? regular : bold).error().to_string());
      return 1;
    }
    text::CaptionFollower follower;
    follower.update(mat4(1.0f), 0.0);
    const text::TextFrame caption_frame = follower.frame();
    text::LayoutStyle caption_style;
    caption_style.language = screen.locale;
    caption_style.max_width = follower.max_width_metres() / caption_frame.em_metres;
    caption_style.max_lines = 2;
    caption_style.align = text::Align::Center;
    text::PanelStyle panel_style;
    panel_style.language = screen.locale;
    text::TextFrame panel_frame;
    panel_frame.em_metres = text::em_at_distance(2.0f, 1.1f);

    std::vector<text::TextQuad> quads;
    text::TextBlock caption;
    text::PanelLayout panel;
    auto lay_out_screen = [&](text::GlyphAtlas& atlas) {
      quads.clear();
      caption = text::layout_text(library, *regular, screen.caption, caption_style);
      panel = text::layout_panel(library, *regular, *bold, screen.panel, panel_style);
      (void)text::append_text_quads(caption, vec2(0.0f), caption_frame, atlas, vec4(1.0f), quads);
      (void)text::append_panel_quads(panel, panel_style, panel_frame, atlas, quads);
    };
    const double cold = best_of(5, [&] {
      text::GlyphAtlas atlas(library, 2048, 40);
      lay_out_screen(atlas);
    });
    text::GlyphAtlas atlas(library, 2048, 40);
    lay_out_screen(atlas);
    const double warm = best_of(50, [&] { lay_out_screen(atlas); });
    const double frame = best_of(200, [&] {
      quads.clear();
      (void)text::append_text_quads(caption, vec2(0.0f), caption_frame, atlas, vec4(1.0f), quads);
      (void)text::append_panel_quads(panel, panel_style, panel_frame, atlas, quads);
    });
    // Reference: shaping alone, each string as one run in the chain's first face.
    std::vector<std::u32string> strings;
    for (const std::string& s : {std::string(screen.caption), screen.panel.title, screen.panel.period,
                                 screen.panel.description, screen.panel.credit})
      strings.push_back(text::decode_utf8(s));
    const bool rtl = std::string_view(screen.locale) == "ar";
    std::vector<text::ShapedGlyph> shaped;
    const double shape = best_of(50, [&] {
      shaped.clear();
      for (const std::u32string& s : strings)
        text::shape_run(library.face((*regular)[0]), (*regular)[0], s, 0, s.size(), rtl, screen.locale, shaped);
    });
    fmt::print("{:<8} {:>7} {:>10.0f} {:>10.1f} {:>10.2f} {:>10.1f} {:>10.1f}x {:>9.1f}x\n", screen.locale,
               quads.size(), cold, warm, frame, shape, warm / shape, cold / warm);
  }
  return 0;
}
