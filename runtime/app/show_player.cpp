#include "app/show_player.h"

#include <glm/gtc/matrix_transform.hpp>

#include <cmath>

#include "app/scene_frame.h"
#include "core/log.h"
#include "render/framing.h"
#include "scene/timeline_evaluate.h"

namespace liyuan::app {
namespace {

// Going back within this long of a chapter's start goes to the chapter before (as a music player does).
constexpr double kChapterBackGrace = 2.0;

std::vector<std::string> exhibition_locales(const Show& show) {
  std::vector<std::string> locales;
  const auto& document = show.exhibition.sources.exhibition;
  if (!document) return locales;
  locales.push_back(document->default_locale.name);
  for (const auto& locale : document->locales)
    if (locale.name != document->default_locale.name) locales.push_back(locale.name);
  return locales;
}

// Where the ray ORIGIN + s·DIRECTION (s >= 0) first enters the sphere at CENTRE of RADIUS, or a negative number.
float ray_sphere(const vec3& origin, const vec3& direction, const vec3& centre, float radius) {
  vec3 d = glm::normalize(direction);
  vec3 to_centre = centre - origin;
  float along = glm::dot(to_centre, d);
  float miss_squared = glm::dot(to_centre, to_centre) - along * along;
  if (miss_squared > radius * radius) return -1.0f;
  float entry = along - std::sqrt(radius * radius - miss_squared);
  return entry >= 0.0f ? entry : (along >= 0.0f ? 0.0f : -1.0f);
}

}  // namespace

ShowPlayer::ShowPlayer(const Show* show, const ShowPlayerOptions& options)
    : show_(show), options_(options), comfort_(options.comfort) {
  if (!show_) return;
  playhead_.emplace(show_->exhibition.timeline, options.loop ? scene::AtEnd::Loop : scene::AtEnd::Hold);
  playhead_->seek(options.start);
  if (!options.attract) playhead_->visitor_arrived();
  locales_ = exhibition_locales(*show_);
  locale_ = locales_.empty() ? std::string() : locales_.front();
  if (!options.locale.empty()) apply(present::InputEvent{present::Command::SetLocale, 0, {}, {}, {}, options.locale});
}

void ShowPlayer::apply(const present::InputEvent& input) {
  using present::Command;
  present::InputEvent event = input;
  if (event.stage_space) {  // a headset's controller: into the hall, where the visitor stands
    mat4 world_from_stage = comfort_.world_from_stage();
    event.origin = vec3(world_from_stage * vec4(event.origin, 1.0f));
    event.direction = vec3(world_from_stage * vec4(event.direction, 0.0f));
    event.point = vec3(world_from_stage * vec4(event.point, 1.0f));
  }
  switch (event.command) {
    case Command::ToggleHud: hud_ = !hud_; return;
    case Command::Teleport:
      log::info("{:7.2f} s  teleport to ({:.2f}, {:.2f})", timeline_time(), event.point.x, event.point.z);
      comfort_.fade_to(move_head_to(comfort_.destination(), head_in_stage_, event.point));
      return;
    case Command::SnapTurn:
      log::info("{:7.2f} s  snap turn {:+.0f}°", timeline_time(), glm::degrees(event.amount));
      comfort_.jump_to(turn_about_head(comfort_.destination(), head_in_stage_, float(event.amount)), false);
      return;
    default: break;
  }
  if (!playhead_) return;
  switch (event.command) {
    case Command::TogglePause:
      if (playhead_->paused()) playhead_->resume();
      else playhead_->pause();
      log::info("{:7.2f} s  {}", playhead_->time(), playhead_->paused() ? "paused" : "playing");
      break;
    case Command::Seek: playhead_->seek(playhead_->time() + event.amount); break;
    case Command::Chapter: seek_chapter(event.amount >= 0 ? 1 : -1); break;
    case Command::NextLocale:
      if (!locales_.empty()) {
        auto at = std::find(locales_.begin(), locales_.end(), locale_);
        size_t next = at == locales_.end() ? 0 : size_t(at - locales_.begin() + 1) % locales_.size();
        locale_ = locales_[next];
        log::info("{:7.2f} s  language: {}", playhead_->time(), locale_);
      }
      break;
    case Command::SetLocale:
      if (std::find(locales_.begin(), locales_.end(), event.text) != locales_.end()) {
        locale_ = event.text;
        log::info("{:7.2f} s  language: {}", playhead_->time(), locale_);
      } else {
        log::warn("locale '{}' is not offered by this exhibition; staying with '{}'", event.text, locale_);
      }
      break;
    case Command::Select: select(event.origin, event.direction); break;
    case Command::Menu: open_panel_ = -1; break;
    case Command::VisitorArrived:
      if (!playhead_->visitor_present()) log::info("{:7.2f} s  a visitor arrives", playhead_->time());
      playhead_->visitor_arrived();
      break;
    case Command::VisitorLeft:
      if (playhead_->visitor_present()) log::info("{:7.2f} s  the visitor left: back to the start", playhead_->time());
      playhead_->visitor_left();
      playhead_->resume();
      open_panel_ = -1;
      if (!locales_.empty()) locale_ = locales_.front();
      comfort_.reset();
      tour_stop_ = -1;
      break;
    default: break;
  }
}

void ShowPlayer::seek_chapter(int direction) {
  const auto& chapters = show_->exhibition.timeline.chapters;
  if (chapters.empty()) return;
  double t = playhead_->time();
  int current = -1;
  for (size_t i = 0; i < chapters.size(); ++i)
    if (chapters[i].at <= t + 1e-6) current = int(i);
  int target = current + direction;
  if (direction < 0 && current >= 0 && t - chapters[size_t(current)].at > kChapterBackGrace) target = current;
  if (target < 0 || target >= int(chapters.size())) return;
  playhead_->seek(chapters[size_t(target)].at);
  log::info("{:7.2f} s  chapter '{}' (sought)", playhead_->time(), chapters[size_t(target)].name);
}

void ShowPlayer::select(const vec3& origin, const vec3& direction) {
  const scene::SceneGraph& graph = show_->exhibition.graph;
  // Where the hotspots stand now (evaluation is a pure function of time, so this is what the last frame showed).
  std::optional<scene::FrameState> now = state_;
  if (!now || now->time != playhead_->time()) now = scene::evaluate(show_->exhibition.timeline, graph, playhead_->time());
  float nearest = INFINITY;
  int32_t hit = -1;
  for (size_t i = 0; i < graph.hotspots.size(); ++i) {
    const scene::Hotspot& hotspot = graph.hotspots[i];
    if (hotspot.node < 0 || !now->shown[size_t(hotspot.node)]) continue;
    float s = ray_sphere(origin, direction, vec3(now->world[size_t(hotspot.node)][3]), hotspot.radius);
    if (s >= 0.0f && s < nearest) nearest = s, hit = int32_t(i);
  }
  open_panel_ = hit;
  if (hit >= 0) log::info("{:7.2f} s  hotspot '{}' opened", playhead_->time(), graph.hotspots[size_t(hit)].relic_id);
}

std::string_view ShowPlayer::chapter_name() const {
  int32_t index = chapter();
  return index >= 0 ? std::string_view(show_->exhibition.timeline.chapters[size_t(index)].name) : std::string_view{};
}

void ShowPlayer::hold(bool away) {
  if (!playhead_ || away == held_) return;
  if (away && playhead_->paused()) return;  // the visitor's own pause stays theirs
  held_ = away;
  if (away) {
    playhead_->pause();
    log::info("{:7.2f} s  nobody is watching: the show holds", playhead_->time());
  } else {
    playhead_->resume();
    log::info("{:7.2f} s  the visitor is back: the show goes on", playhead_->time());
  }
}

void ShowPlayer::advance(double dt) {
  played_ += dt;
  comfort_.advance(dt);
  if (!playhead_) return;
  if (options_.attract && options_.visitor_at >= 0.0 && played_ >= options_.visitor_at &&
      !playhead_->visitor_present())
    apply(present::InputEvent{present::Command::VisitorArrived});
  playhead_->advance(dt);
}

void ShowPlayer::replace_show(const Show* show) {
  show_ = show;
  state_.reset();  // it points into the old show's timeline
  missing_logged_ = false;
  if (!show_) {
    playhead_.reset();
    locales_.clear();
    locale_.clear();
    return;
  }
  std::optional<scene::Playhead> before = std::move(playhead_);
  playhead_.emplace(show_->exhibition.timeline, options_.loop ? scene::AtEnd::Loop : scene::AtEnd::Hold);
  if (before) {
    playhead_->seek(before->time());
    playhead_->set_time_scale(before->time_scale());
    if (before->paused()) playhead_->pause();
    if (before->visitor_present()) playhead_->visitor_arrived();
  } else {
    playhead_->seek(options_.start);
    if (!options_.attract) playhead_->visitor_arrived();
  }
  locales_ = exhibition_locales(*show_);
  if (std::find(locales_.begin(), locales_.end(), locale_) == locales_.end())
    locale_ = locales_.empty() ? std::string() : locales_.front();
  if (open_panel_ >= int32_t(show_->exhibition.graph.hotspots.size())) open_panel_ = -1;
}

void ShowPlayer::log_changes(const scene::FrameState& state) {
  const scene::Timeline& timeline = show_->exhibition.timeline;
  if (state.chapter != logged_chapter_) {
    logged_chapter_ = state.chapter;
    if (state.chapter >= 0)
      log::info("{:7.2f} s  chapter '{}'", state.time, timeline.chapters[size_t(state.chapter)].name);
  }
  std::string_view key = state.caption ? state.caption->key : std::string_view{};
  if (key != logged_caption_) {
    logged_caption_ = std::string(key);
    if (!key.empty()) log::info("{:7.2f} s  caption '{}'", state.time, key);
  }
}

const scene::FrameState* ShowPlayer::evaluate() {
  if (!show_) return nullptr;
  if (!state_ || state_->time != playhead_->time()) {
    state_ = scene::evaluate(show_->exhibition.timeline, show_->exhibition.graph, playhead_->time());
    log_changes(*state_);
  }
  return &*state_;
}

// A headset visitor on a guided tour: while a camera path runs (and after, until the next), stand at the viewpoint
// the tour camera is nearest, moved there behind a fade; a path marked `glide` carries the visitor along instead.
void ShowPlayer::follow_tour(const scene::FrameState& state) {
  if (!state.camera) return;
  const auto& paths = show_->exhibition.timeline.camera_paths;
  int64_t path_index = -1;
  for (size_t i = 0; i < paths.size(); ++i)
    if (paths[i].start <= state.time + 1e-9) path_index = int64_t(i);
  if (path_index < 0) return;
  const scene::CameraPathTrack& track = paths[size_t(path_index)];
  const scene::CameraPose& camera = *state.camera;
  if (track.glide) {
    bool moving = state.time < track.start + track.duration;
    comfort_.jump_to(stage_at_viewpoint(camera.position, camera.rotation, 0.0f), moving);
    tour_stop_ = -1;
    return;
  }
  size_t nearest = 0;
  for (size_t k = 1; k < track.path.keys.size(); ++k)
    if (glm::distance(track.path.keys[k].position, camera.position) <
        glm::distance(track.path.keys[nearest].position, camera.position))
      nearest = k;
  int64_t stop = path_index * 1024 + int64_t(nearest);
  if (stop == tour_stop_) return;
  const scene::CameraKey& key = track.path.keys[nearest];
  mat4 stage = stage_at_viewpoint(key.position, key.rotation, 0.0f);
  if (tour_stop_ < 0)
    comfort_.jump_to(stage, false);  // the first stop: no fade
  else
    comfort_.fade_to(stage);
  tour_stop_ = stop;
  log::info("{:7.2f} s  the tour moves the visitor to viewpoint {} of path {}", state.time, nearest + 1,
            path_index + 1);
}

FrameSetup ShowPlayer::frame(const render::GpuAssets& assets, std::span<const render::View> device_views,
                             float aspect, uint32_t view_count, bool views_in_world) {
  FrameSetup setup;
  if (!show_) {
    render::FramingOptions framing;
    framing.azimuth = options_.turntable_seconds > 0.0
                          ? float(2.0 * M_PI * played_ / options_.turntable_seconds) : 0.0f;
    const Aabb& bounds = assets.world_bounds();
    setup = FrameSetup{render::frame_bounds(bounds, aspect, view_count == 2, framing),
                       render::studio_lighting(bounds), {}, {}, true};
  } else {
    evaluate();
    bool first = !missing_logged_;
    SceneFrame frame = build_scene_frame(*show_, assets, *state_, aspect, view_count == 2);
    for (const std::string& problem : frame.problems) log::warn("{}", problem);
    if (first) {
      missing_logged_ = true;
      for (const std::string& id : frame.missing_relics)
        log::warn("relic '{}' is in the scene but not in the pack: a placeholder stands in its place", id);
    }
    setup = FrameSetup{std::move(frame.views), std::move(frame.lighting), std::move(frame.instances),
                       std::move(frame.joint_matrices)};
  }
  if (!device_views.empty() && views_in_world) {
    setup.views.assign(device_views.begin(), device_views.end());
  } else if (!device_views.empty()) {
    head_in_stage_ = vec3(0.0f);
    for (const render::View& view : device_views)
      head_in_stage_ += vec3(view.world_from_eye[3]) / float(device_views.size());
    if (state_) follow_tour(*state_);
    mat4 world_from_stage = comfort_.world_from_stage();
    setup.views.assign(device_views.begin(), device_views.end());
    for (render::View& view : setup.views) view.world_from_eye = world_from_stage * view.world_from_eye;
  }
  setup.fade = comfort_.fade();
  setup.vignette = comfort_.vignette();
  return setup;
}

}  // namespace liyuan::app
