// The text of a show: captions from the timeline's caption cues and the relic panel a hotspot opens, in the visitor's
// language, laid out (runtime/text) into quads for the renderer's text pass. Strings missing in the visitor's locale
// fall back to the exhibition's default locale. The caption follows the head gently (text/caption_placement.h); a
// language switch takes effect in the next build(), new glyphs uploading in that same frame.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "app/show.h"
#include "core/error.h"
#include "render/text_pass.h"
#include "render/views.h"
#include "scene/frame_state.h"
#include "text/caption_placement.h"
#include "text/font_library.h"
#include "text/glyph_atlas.h"
#include "text/layout.h"
#include "text/panel_layout.h"

namespace liyuan::app {

class ShowText {
 public:
  // Opens the fonts and sets LOCALE (see set_locale) for SHOW, which must outlive this object. Fails when a font
  // package is missing (naming it).
  static Result<std::unique_ptr<ShowText>> create(const Show& show, std::string_view locale);

  // Switches the language from the next build(). A locale the exhibition does not offer is refused with a warning
  // naming the offered ones, and the default locale is used; an empty LOCALE means the default.
  Status set_locale(std::string_view locale);
  const std::string& locale() const { return locale_; }

  // Opens the panel of the hotspot on the node named HOTSPOT_NODE (its relic's catalogue entry); fails when there is
  // no such node or it has no hotspot. Closing it hides it.
  Status open_panel(std::string_view hotspot_node);
  void close_panel() { panel_hotspot_.reset(); }
  // Shows the panel of hotspot HOTSPOT (an index into the scene graph's hotspots), or none when it is negative or out
  // of range.
  void show_panel(int32_t hotspot);
  // A notice for the curator over everything else, in front of the view (a reload error, the heads-up display);
  // empty hides it. Laid out left to right in the exhibition's default fonts, up to eight lines.
  // ALERT (an error) puts it on a red plate, else on the captions' dark one.
  void set_notice(std::string notice, bool alert) {
    notice_ = std::move(notice);
    notice_alert_ = alert;
  }
  // The hotspot whose panel is shown, or -1.
  int32_t panel() const { return panel_hotspot_ ? int32_t(*panel_hotspot_) : -1; }

  // What the text pass draws for STATE seen from VIEWS (one, or two eyes), DT seconds after the previous build (0 for
  // a still frame). The overlay points into this object and stays valid until the next build().
  Result<const render::TextOverlay*> build(const scene::FrameState& state, std::span<const render::View> views,
                                           double dt);

  // How many glyphs the atlas holds (diagnostics, tests).
  size_t atlas_glyphs() const { return atlas_->glyph_count(); }

 private:
  explicit ShowText(const Show& show) : show_(show) {}
  Status append_caption(const scene::FrameState& state, const mat4& head);
  Status append_panel(const scene::FrameState& state, const mat4& head);
  Status append_notice(const mat4& head);
  text::PanelText panel_text(const scene::Hotspot& hotspot) const;
  // The text of string KEY in the locale, else the default locale, else KEY itself.
  std::string_view localised(std::string_view key) const;

  const Show& show_;
  std::string default_locale_;
  std::string locale_;
  std::unique_ptr<text::FontLibrary> fonts_;
  std::unique_ptr<text::GlyphAtlas> atlas_;
  text::FontChain regular_;
  text::FontChain bold_;
  text::CaptionFollower follower_;
  std::optional<size_t> panel_hotspot_;  // index into the scene graph's hotspots

  // The last caption and panel laid out, kept while their text and locale stay the same.
  std::string caption_key_, caption_locale_;
  float caption_width_em_ = 0.0f;
  text::TextBlock caption_block_;
  std::optional<size_t> panel_laid_out_for_;
  std::string panel_locale_;
  text::PanelLayout panel_layout_;

  std::string notice_, notice_laid_out_;
  bool notice_alert_ = false;
  text::TextBlock notice_block_;

  std::vector<text::TextQuad> quads_;
  std::vector<render::TextQuad> gpu_quads_;
  render::TextOverlay overlay_;
};

}  // namespace liyuan::app
