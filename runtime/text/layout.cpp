#include "text/layout.h"

#include <algorithm>

#include "text/line_break.h"
#include "text/shaper.h"
#include "text/utf8.h"

namespace liyuan::text {
namespace {

// Typographic box of a line, in em: the glyphs' ascent above the baseline within a 1 em body.
constexpr float kAscent = 0.8f;

struct Run {
  size_t start = 0;
  size_t end = 0;
  uint16_t font = 0;
  uint8_t level = 0;
  std::vector<ShapedGlyph> glyphs;
};

struct Line {
  std::vector<PositionedGlyph> glyphs;  // x from the line's left, y = the glyph's vertical offset
  float width = 0.0f;
};

bool is_trimmed_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\u3000' || c == U'\r'; }

// Control and format characters (joiners, marks of direction) stay in the face of the text around them.
bool is_format_character(char32_t c) { return c < 0x20 || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E); }

// The face for each code point: the previous one while it has the glyph (so spaces and punctuation stay with their
// words), else the first in CHAIN that has it, else the first face (its missing-glyph box).
std::vector<uint16_t> choose_faces(const FontLibrary& fonts, const FontChain& chain, std::u32string_view text) {
  std::vector<uint16_t> faces(text.size());
  int previous = -1;
  for (size_t i = 0; i < text.size(); ++i) {
    const char32_t c = text[i];
    int chosen = -1;
    if (previous >= 0 && (is_format_character(c) || fonts.has_glyph(uint16_t(previous), c))) chosen = previous;
    for (size_t k = 0; chosen < 0 && k < chain.size(); ++k)
      if (fonts.has_glyph(chain[k], c)) chosen = chain[k];
    if (chosen < 0) chosen = previous >= 0 ? previous : chain.front();
    faces[i] = uint16_t(chosen);
    previous = chosen;
  }
  return faces;
}

// The paragraph's runs (same face and level), shaped.
std::vector<Run> shape_paragraph(const FontLibrary& fonts, std::u32string_view text, const std::vector<uint16_t>& faces,
                                 const std::vector<uint8_t>& levels, std::string_view language) {
  std::vector<Run> runs;
  size_t start = 0;
  for (size_t i = 1; i <= text.size(); ++i) {
    if (i < text.size() && faces[i] == faces[start] && levels[i] == levels[start]) continue;
    Run run{start, i, faces[start], levels[start], {}};
    shape_run(fonts.face(run.font), run.font, text, start, i - start, (run.level & 1) != 0, language, run.glyphs);
    runs.push_back(std::move(run));
    start = i;
  }
  return runs;
}

// The end of the line that starts at START: the last break opportunity whose text fits MAX_WIDTH (trailing spaces
// not counted), a hard break, or when no opportunity fits, the last character boundary that fits (at least one
// character, never inside a cluster).
size_t line_end(std::u32string_view text, const std::vector<float>& advances, const std::vector<BreakAfter>& breaks,
                size_t start, float max_width) {
  float width = 0.0f;
  float visible = 0.0f;
  size_t best = 0;
  for (size_t i = start; i < text.size(); ++i) {
    width += advances[i];
    if (!is_trimmed_space(text[i])) visible = width;
    if (max_width > 0.0f && visible > max_width && i > start) {
      if (best > start) return best;
      size_t end = i;
      while (end < text.size() && advances[end] == 0.0f) ++end;  // keep a cluster whole
      return end;
    }
    if (breaks[i] == BreakAfter::Must || i + 1 == text.size()) return i + 1;
    if (breaks[i] == BreakAfter::Allow) best = i + 1;
  }
  return text.size();
}

// The glyphs of [START, END) of the paragraph, runs in visual order, pen positions from the line's left.
Line build_line(const std::vector<Run>& runs, size_t start, size_t end) {
  struct Piece {
    const Run* run;
    uint8_t level;
  };
  std::vector<Piece> pieces;
  std::vector<uint8_t> levels;
  for (const Run& run : runs) {
    if (run.end <= start || run.start >= end) continue;
    pieces.push_back({&run, run.level});
    levels.push_back(run.level);
  }
  Line line;
  for (size_t index : visual_order(levels)) {
    for (const ShapedGlyph& g : pieces[index].run->glyphs) {
      if (g.cluster < start || g.cluster >= end) continue;
      line.glyphs.push_back(PositionedGlyph{g.font, g.glyph, line.width + g.x_offset, g.y_offset});
      line.width += g.advance;
    }
  }
  return line;
}

void layout_paragraph(const FontLibrary& fonts, const FontChain& chain, std::u32string_view text,
                      const LayoutStyle& style, std::vector<Line>& lines, bool& right_to_left, bool first) {
  BidiParagraph bidi = bidi_levels(text, style.direction);
  if (first) right_to_left = bidi.right_to_left;
  if (text.empty()) {
    lines.push_back({});
    return;
  }
  std::vector<uint16_t> faces = choose_faces(fonts, chain, text);
  std::vector<Run> runs = shape_paragraph(fonts, text, faces, bidi.levels, style.language);
  std::vector<float> advances(text.size(), 0.0f);
  for (const Run& run : runs)
    for (const ShapedGlyph& g : run.glyphs) advances[g.cluster] += g.advance;
  std::vector<BreakAfter> breaks = line_breaks(text, style.language);
  size_t start = 0;
  while (start < text.size()) {
    size_t end = line_end(text, advances, breaks, start, style.max_width);
    size_t visible_end = end;
    while (visible_end > start && is_trimmed_space(text[visible_end - 1])) --visible_end;
    lines.push_back(build_line(runs, start, visible_end));
    start = end;
  }
}

}  // namespace

TextBlock layout_text(const FontLibrary& fonts, const FontChain& chain, std::string_view text,
                      const LayoutStyle& style) {
  TextBlock block;
  std::vector<Line> lines;
  std::u32string code_points = decode_utf8(text);
  size_t start = 0;
  bool first = true;
  while (start <= code_points.size()) {
    if (start == code_points.size() && !first) break;  // a final newline ends the text, it adds no line
    size_t newline = code_points.find(U'\n', start);
    if (newline == std::u32string::npos) newline = code_points.size();
    layout_paragraph(fonts, chain, std::u32string_view(code_points).substr(start, newline - start), style, lines,
                     block.right_to_left, first);
    first = false;
    start = newline + 1;
  }
  if (style.max_lines > 0 && lines.size() > style.max_lines) {
    lines.resize(style.max_lines);
    block.truncated = true;
  }
  for (const Line& line : lines) block.width = std::max(block.width, line.width);
  block.height = float(lines.size()) * style.line_height;
  const bool start_is_right = block.right_to_left;
  for (size_t k = 0; k < lines.size(); ++k) {
    const Line& line = lines[k];
    const float slack = block.width - line.width;
    float x = 0.0f;
    if (style.align == Align::Center) x = slack * 0.5f;
    else if ((style.align == Align::Start) == start_is_right) x = slack;
    const float baseline = -(float(k) * style.line_height + (style.line_height - 1.0f) * 0.5f + kAscent);
    for (const PositionedGlyph& g : line.glyphs)
      block.glyphs.push_back(PositionedGlyph{g.font, g.glyph, x + g.x, baseline + g.y});
    block.line_widths.push_back(line.width);
  }
  return block;
}

}  // namespace liyuan::text
