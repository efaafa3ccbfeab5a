#include "app/show_text.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/log.h"
#include "scene/string_lookup.h"

namespace liyuan::app {
namespace {

// Rendered glyph size in the atlas and the SDF's reach either side of an outline, in atlas pixels.
constexpr uint32_t kAtlasSize = 2048;
constexpr uint32_t kAtlasPixelsPerEm = 40;
constexpr int kSdfSpread = 6;

// Panels: body text size as an angle at the eye, and where the panel stands beside its relic.
constexpr float kPanelEmDegrees = 1.1f;
constexpr float kPanelRaise = 0.35f;  // metres above the hotspot node

// Captions: margins of the plate around the text, in em, and its colours (sRGB).
constexpr float kCaptionPadX = 0.7f;
constexpr float kCaptionPadY = 0.35f;
const vec4 kCaptionPlate = text::linear_from_srgb(vec4(0.05f, 0.05f, 0.05f, 0.78f));
const vec4 kCaptionText = text::linear_from_srgb(vec4(1.0f, 1.0f, 0.97f, 1.0f));
// The notice (curator's errors, HUD, a kiosk's prompt): red when it is an error, straight ahead and a little above the gaze, fixed to the view.
const vec4 kNoticePlate = text::linear_from_srgb(vec4(0.35f, 0.04f, 0.03f, 0.85f));
constexpr float kNoticeDistance = 1.5f;     // metres
constexpr float kNoticeElevation = 12.0f;   // degrees above the gaze
constexpr float kNoticeEmDegrees = 1.6f;
constexpr float kNoticeWidthEm = 48.0f;

std::string_view language_of(std::string_view tag) { return tag.substr(0, tag.find_first_of("-_")); }

text::Direction direction_for(std::string_view locale) {
  std::string_view language = language_of(locale);
  return language == "ar" || language == "he" || language == "fa" || language == "ur" ? text::Direction::RightToLeft
                                                                                       : text::Direction::Auto;
}

// The head: between the eyes, looking where the first eye looks.
mat4 head_pose(std::span<const render::View> views) {
  mat4 head = views[0].world_from_eye;
  vec3 position(0.0f);
  for (const render::View& view : views) position += vec3(view.world_from_eye[3]);
  head[3] = vec4(position / float(views.size()), 1.0f);
  return head;
}

render::TextQuad to_gpu(const text::TextQuad& quad) {
  render::TextQuad out;
  out.origin_kind = vec4(quad.origin, quad.kind == text::QuadKind::Plate ? LY_TEXT_KIND_PLATE : LY_TEXT_KIND_GLYPH);
  out.right = vec4(quad.right, 0.0f);
  out.up = vec4(quad.up, 0.0f);
  out.uv = quad.uv;
  out.color = quad.color;
  return out;
}

}  // namespace

Result<std::unique_ptr<ShowText>> ShowText::create(const Show& show, std::string_view locale) {
  std::unique_ptr<ShowText> text(new ShowText(show));
  const auto& exhibition = show.exhibition.sources.exhibition;
  text->default_locale_ = exhibition ? exhibition->default_locale.name : std::string("en");
  auto fonts = text::FontLibrary::create(kSdfSpread);
  if (!fonts) return fonts.error();
  text->fonts_ = std::move(*fonts);
  text->atlas_ = std::make_unique<text::GlyphAtlas>(*text->fonts_, kAtlasSize, kAtlasPixelsPerEm);
  if (Status s = text->set_locale(locale); !s) return s.error();
  return text;
}

Status ShowText::set_locale(std::string_view locale) {
  std::string chosen = locale.empty() ? default_locale_ : std::string(locale);
  const auto& exhibition = show_.exhibition.sources.exhibition;
  if (exhibition && !locale.empty()) {
    bool offered = false;
    std::string names;
    for (const scene::LocatedName& l : exhibition->locales) {
      offered = offered || l.name == chosen;
      names += (names.empty() ? "" : ", ") + l.name;
    }
    if (!offered) {
      log::warn("locale '{}' is not offered by this exhibition ({}); showing '{}'", chosen, names, default_locale_);
      chosen = default_locale_;
    }
  }
  auto regular = fonts_->chain_for(chosen, text::Weight::Regular);
  if (!regular) return regular.error();
  auto bold = fonts_->chain_for(chosen, text::Weight::Bold);
  if (!bold) return bold.error();
  regular_ = std::move(*regular);
  bold_ = std::move(*bold);
  locale_ = std::move(chosen);
  return {};
}

void ShowText::show_panel(int32_t hotspot) {
  if (hotspot >= 0 && size_t(hotspot) < show_.exhibition.graph.hotspots.size()) panel_hotspot_ = size_t(hotspot);
  else panel_hotspot_.reset();
}

Status ShowText::open_panel(std::string_view hotspot_node) {
  const scene::SceneGraph& graph = show_.exhibition.graph;
  const int32_t node = graph.find_node(hotspot_node);
  if (node < 0) return make_error(fmt::format("no node is named '{}'", hotspot_node));
  for (size_t i = 0; i < graph.hotspots.size(); ++i) {
    if (graph.hotspots[i].node == node) {
      panel_hotspot_ = i;
      return {};
    }
  }
  return make_error(fmt::format("node '{}' has no hotspot, so it opens no panel", hotspot_node));
}

std::string_view ShowText::localised(std::string_view key) const {
  const scene::StringEntry* entry = scene::find_string(show_.exhibition.sources.strings, locale_, default_locale_, key);
  return entry ? std::string_view(entry->text) : key;  // a key nobody translated shows as itself (lint reported it)
}

text::PanelText ShowText::panel_text(const scene::Hotspot& hotspot) const {
  text::PanelText panel;
  const Catalogue& catalogue = show_.catalogue;
  const int index = catalogue.find(hotspot.relic_id);
  if (index < 0) {
    panel.title = hotspot.relic_id;
    if (!hotspot.panel_key.empty()) panel.description = std::string(localised(hotspot.panel_key));
    return panel;
  }
  const pack::CatalogueRelic& relic = catalogue.relics()[size_t(index)];
  const pack::CatalogueText* wanted = catalogue.texts_for(relic, locale_);
  const pack::CatalogueText* fallback = catalogue.texts_for(relic, default_locale_);
  if (wanted && language_of(catalogue.text(wanted->locale)) != language_of(locale_)) wanted = fallback;
  // Field by field: what the visitor's locale lacks comes from the default locale.
  auto field = [&](pack::StringRef pack::CatalogueText::*member) {
    std::string_view value = wanted ? catalogue.text(wanted->*member) : std::string_view();
    if (value.empty() && fallback) value = catalogue.text(fallback->*member);
    return std::string(value);
  };
  panel.title = field(&pack::CatalogueText::title);
  panel.period = field(&pack::CatalogueText::period);
  panel.description = field(&pack::CatalogueText::description);
  if (panel.description.empty() && !hotspot.panel_key.empty()) panel.description = std::string(localised(hotspot.panel_key));
  panel.credit = std::string(catalogue.text(relic.credit));
  return panel;
}

Status ShowText::append_caption(const scene::FrameState& state, const mat4& head) {
  const scene::CaptionState& caption = *state.caption;
  text::TextFrame frame = follower_.frame();
  float max_width = follower_.max_width_metres();
  if (caption.anchor >= 0 && size_t(caption.anchor) < state.world.size()) {
    // At its anchor in the scene, facing the visitor, still sized in degrees.
    const vec3 at = vec3(state.world[size_t(caption.anchor)][3]);
    frame.world_from_plane = text::plane_facing(at, vec3(head[3]));
    frame.em_metres = text::em_at_distance(glm::length(at - vec3(head[3])), text::CaptionComfort{}.em_degrees);
    for (const scene::CaptionAnchor& anchor : show_.exhibition.graph.caption_anchors)
      if (anchor.node == caption.anchor) max_width = anchor.width;
  }
  const float width_em = max_width / frame.em_metres;
  if (caption_key_ != caption.key || caption_locale_ != locale_ || caption_width_em_ != width_em) {
    text::LayoutStyle style;
    style.language = locale_;
    style.direction = direction_for(locale_);
    style.max_width = width_em;
    style.max_lines = 2;
    style.line_height = 1.35f;
    style.align = text::Align::Center;
    caption_block_ = text::layout_text(*fonts_, regular_, localised(caption.key), style);
    if (caption_block_.truncated && (caption_key_ != caption.key || caption_locale_ != locale_))
      log::warn("caption '{}' in '{}' needs more than two lines; the rest is cut off", caption.key, locale_);
    caption_key_ = std::string(caption.key);
    caption_locale_ = locale_;
    caption_width_em_ = width_em;
  }
  const float em = frame.em_metres;
  const vec2 half(caption_block_.width * em * 0.5f, caption_block_.height * em * 0.5f);
  const vec2 pad(kCaptionPadX * em, kCaptionPadY * em);
  text::append_plate(-half - pad, half + pad, 0.45f * em, frame, kCaptionPlate, quads_);
  return text::append_text_quads(caption_block_, vec2(-half.x, half.y), frame, *atlas_, kCaptionText, quads_);
}

Status ShowText::append_panel(const scene::FrameState& state, const mat4& head) {
  const scene::Hotspot& hotspot = show_.exhibition.graph.hotspots[*panel_hotspot_];
  if (hotspot.node < 0 || size_t(hotspot.node) >= state.world.size()) return {};
  if (!state.shown.empty() && !state.shown[size_t(hotspot.node)]) return {};  // its relic is not on show now
  text::PanelStyle style;
  style.language = locale_;
  if (panel_laid_out_for_ != panel_hotspot_ || panel_locale_ != locale_) {
    panel_layout_ = text::layout_panel(*fonts_, regular_, bold_, panel_text(hotspot), style);
    panel_laid_out_for_ = panel_hotspot_;
    panel_locale_ = locale_;
  }
  // Beside the relic, raised towards the eyes, turned to face the visitor.
  const vec3 relic = vec3(state.world[size_t(hotspot.node)][3]);
  const vec3 eye = vec3(head[3]);
  const mat4 facing = text::plane_facing(relic, eye);
  const float em = text::em_at_distance(glm::length(relic - eye), kPanelEmDegrees);
  const vec3 centre = relic + vec3(facing[0]) * (hotspot.radius + panel_layout_.size_em.x * em * 0.5f) +
                      vec3(0.0f, kPanelRaise, 0.0f);
  text::TextFrame frame;
  frame.world_from_plane = text::plane_facing(centre, eye);
  frame.em_metres = em;
  return text::append_panel_quads(panel_layout_, style, frame, *atlas_, quads_);
}

Status ShowText::append_notice(const mat4& head) {
  if (notice_ != notice_laid_out_) {
    text::LayoutStyle style;
    style.language = default_locale_;
    style.direction = text::Direction::LeftToRight;
    style.max_width = kNoticeWidthEm;
    style.max_lines = 8;
    style.line_height = 1.3f;
    style.align = text::Align::Start;
    notice_block_ = text::layout_text(*fonts_, regular_, notice_, style);
    notice_laid_out_ = notice_;
  }
  const vec3 eye = vec3(head[3]);
  const vec3 forward = -vec3(head[2]);
  const vec3 up = vec3(head[1]);
  const float elevation = glm::radians(kNoticeElevation);
  const vec3 at = eye + kNoticeDistance * (std::cos(elevation) * forward + std::sin(elevation) * up);
  text::TextFrame frame;
  frame.world_from_plane = text::plane_facing(at, eye);
  frame.em_metres = text::em_at_distance(kNoticeDistance, kNoticeEmDegrees);
  const float em = frame.em_metres;
  const vec2 half(notice_block_.width * em * 0.5f, notice_block_.height * em * 0.5f);
  const vec2 pad(kCaptionPadX * em, kCaptionPadY * em);
  text::append_plate(-half - pad, half + pad, 0.3f * em, frame, notice_alert_ ? kNoticePlate : kCaptionPlate, quads_);
  return text::append_text_quads(notice_block_, vec2(-half.x, half.y), frame, *atlas_, kCaptionText, quads_);
}

Result<const render::TextOverlay*> ShowText::build(const scene::FrameState& state,
                                                   std::span<const render::View> views, double dt) {
  if (views.empty()) return make_error("text needs at least one view");
  const mat4 head = head_pose(views);
  follower_.update(head, dt);
  auto append_all = [&]() -> Status {
    quads_.clear();
    if (panel_hotspot_)
      if (Status s = append_panel(state, head); !s) return s;
    if (state.caption)
      if (Status s = append_caption(state, head); !s) return s;
    if (!notice_.empty())
      if (Status s = append_notice(head); !s) return s;
    return {};
  };
  if (Status s = append_all(); !s) {
    // A full atlas (glyphs of every language the show was read in) starts afresh with what is on screen now.
    log::info("text: {}; the glyph atlas starts again", s.error().to_string());
    atlas_->clear();
    if (Status again = append_all(); !again) return again.error();
  }
  gpu_quads_.clear();
  for (const text::TextQuad& quad : quads_) gpu_quads_.push_back(to_gpu(quad));
  const text::RowRange dirty = atlas_->take_dirty_rows();
  overlay_.quads = gpu_quads_;
  overlay_.atlas = render::TextAtlasPixels{atlas_->pixels(), atlas_->size(), dirty.begin, dirty.end};
  return &overlay_;
}

}  // namespace liyuan::app
