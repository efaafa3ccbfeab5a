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
#include "app/visitor_comfort.h"
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
  ComfortOptions comfort;         // how a headset visitor is moved (fades, vignette, seated height)
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
  // Plays SHOW (a reloaded version of the same exhibition; it must outlive the player) from where the playhead is:
  // timeline time, pause, visitor presence, locale (when still offered) and the visitor's stand are kept.
  void replace_show(const Show* show);
  // A message for whoever watches the show (a curator): why the last reload failed; "" when all is well. It is for
  // the text overlay to draw over the picture (and a window to put in its title); until then it is only logged.
  void set_status_message(std::string message) { status_message_ = std::move(message); }
  const std::string& status_message() const { return status_message_; }

  // What to draw now into VIEW_COUNT views of ASPECT (width / height). DEVICE_VIEWS (a headset's eyes, in the
  // visitor's stage space) are placed in the hall by the visitor's stand and turn (VIEWS_IN_WORLD: they are already
  // in the hall, a window's free-roam camera, and are used as they are); without them the show's camera is
  // used (the tour camera, else the first viewpoint; a bare relic is framed as on a turntable).
  FrameSetup frame(const render::GpuAssets& assets, std::span<const render::View> device_views, float aspect,
                   uint32_t view_count, bool views_in_world = false);

  double played() const { return played_; }
  double timeline_time() const { return playhead_ ? playhead_->time() : played_; }
  bool paused() const { return playhead_ && playhead_->paused(); }
  // True once the timeline has played to its end (and holds there): a show that does not loop is over.
  bool finished() const { return playhead_ && playhead_->finished(); }
  bool visitor_present() const { return !playhead_ || playhead_->visitor_present(); }
  // The locale the visitor reads and hears (a BCP-47 tag), "" for a bare relic.
  const std::string& locale() const { return locale_; }
  // The exhibition's locales, default first.
  const std::vector<std::string>& locales() const { return locales_; }
  bool hud() const { return hud_; }
  // The timeline's state now (evaluated again when the time moved or the show was replaced); null for a bare
  // relic. Logs chapters and captions as they start.
  const scene::FrameState* evaluate();
  // The playhead (null for a bare relic): audio follows its seeks, pauses and loops.
  const scene::Playhead* playhead() const { return playhead_ ? &*playhead_ : nullptr; }
  // The timeline's state at the last frame() (empty for a bare relic).
  const std::optional<scene::FrameState>& state() const { return state_; }
  // The hotspot whose panel is open (index into the scene graph's hotspots), or -1.
  int32_t open_panel() const { return open_panel_; }
  // The name of chapter() ("" when none).
  std::string_view chapter_name() const;
  // The chapter playing, -1 before the first or for a bare relic.
  int32_t chapter() const { return state_ ? state_->chapter : -1; }
  // Where the visitor's stage stands in the hall (teleports, snap turns and the guided tour move it).
  mat4 world_from_stage() const { return comfort_.world_from_stage(); }
  // How dark the view is (a move behind a fade) and how strong the motion vignette is, now.
  float fade() const { return comfort_.fade(); }
  float vignette() const { return comfort_.vignette(); }

 private:
  void seek_chapter(int direction);
  void select(const vec3& origin, const vec3& direction);
  void log_changes(const scene::FrameState& state);
  void follow_tour(const scene::FrameState& state);

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
  VisitorComfort comfort_;
  vec3 head_in_stage_{0.0f, 1.6f, 0.0f};  // the head's last position in the stage (from a headset's eyes)
  int64_t tour_stop_ = -1;                // the guided tour's viewpoint the visitor stands at (path · 1024 + key)
  bool missing_logged_ = false;
  int32_t logged_chapter_ = -1;
  std::string logged_caption_;
  std::string status_message_;
};

}  // namespace liyuan::app
