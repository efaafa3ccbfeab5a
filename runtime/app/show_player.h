// The state of one showing, whatever presents it: where the playhead is, whether it is paused, which language the
// visitor reads and hears, whether somebody is there, and where the visitor stands. It acts on presenter-neutral
// commands (present/input.h) and turns the timeline's state into what the renderer draws.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "app/frame_setup.h"
#include "app/show.h"
#include "present/input.h"
#include "render/gpu_assets.h"
#include "render/views.h"
#include "scene/frame_state.h"
#include "scene/playhead.h"

namespace liyuan::app {

struct ShowPlayerOptions {
  double start = 0.0;             // timeline seconds to start at
  bool attract = false;           // start with nobody there: the attract section loops until a visitor arrives
  double visitor_at = -1.0;       // with attract: seconds of play after which a visitor arrives (< 0: never)
  double turntable_seconds = 10;  // a bare relic turns once round in this long
  bool loop = false;              // at the end of the timeline, start again (kiosks) instead of holding
  std::string locale;             // empty: the exhibition's default
};

class ShowPlayer {
 public:
  // Plays SHOW, or turns the bare relic of ASSETS' pack when SHOW is null. SHOW must outlive the player.
  ShowPlayer(const Show* show, const ShowPlayerOptions& options);

  // Acts on one command from a presenter.
  void apply(const present::InputEvent& event);
  // Holds the show while nobody is there (AWAY: the headset is off or the session lost focus) and lets it run on
  // when they are back; a pause the visitor asked for stays.
  void hold(bool away);
  // Moves on by DT seconds of play. While paused the timeline holds; played() still counts.
  void advance(double dt);

  // What to draw now into VIEW_COUNT views of ASPECT (width / height). DEVICE_VIEWS (a headset's eyes, in the
  // visitor's stage space) are placed in the hall by the visitor's stand and turn; without them the show's camera is
  // used (the tour camera, else the first viewpoint; a bare relic is framed as on a turntable).
  FrameSetup frame(const render::GpuAssets& assets, std::span<const render::View> device_views, float aspect,
                   uint32_t view_count);

  double played() const { return played_; }
  double timeline_time() const { return playhead_ ? playhead_->time() : played_; }
  bool paused() const { return playhead_ && playhead_->paused(); }
  bool visitor_present() const { return !playhead_ || playhead_->visitor_present(); }
  // The locale the visitor reads and hears (a BCP-47 tag), "" for a bare relic.
  const std::string& locale() const { return locale_; }
  // The exhibition's locales, default first.
  const std::vector<std::string>& locales() const { return locales_; }
  bool hud() const { return hud_; }
  // The timeline's state at the last frame() (empty for a bare relic).
  const std::optional<scene::FrameState>& state() const { return state_; }
  // The hotspot whose panel is open (index into the scene graph's hotspots), or -1.
  int32_t open_panel() const { return open_panel_; }
  // The chapter playing, -1 before the first or for a bare relic.
  int32_t chapter() const { return state_ ? state_->chapter : -1; }
  // The name of chapter(), "" when there is none.
  std::string_view chapter_name() const;
  // Where the visitor's stage stands in the hall (teleports and snap turns move it).
  const mat4& world_from_stage() const { return world_from_stage_; }

 private:
  void seek_chapter(int direction);
  void select(const vec3& origin, const vec3& direction);
  void log_changes(const scene::FrameState& state);

  const Show* show_ = nullptr;
  ShowPlayerOptions options_;
  std::optional<scene::Playhead> playhead_;
  std::optional<scene::FrameState> state_;
  std::vector<std::string> locales_;
  std::string locale_;
  double played_ = 0.0;
  bool hud_ = false;
  bool held_ = false;  // paused by hold(), not by the visitor
  int32_t open_panel_ = -1;
  mat4 world_from_stage_{1.0f};
  bool missing_logged_ = false;
  int32_t logged_chapter_ = -1;
  std::string logged_caption_;
};

}  // namespace liyuan::app
