// The playhead: maps wall-clock time onto timeline time, with pause, seek, time scale and the attract loop. It is
// the only stateful piece; everything it produces is a time to hand to evaluate().
#pragma once

#include <optional>

#include "scene/timeline.h"

namespace liyuan::scene {

// What happens when the playhead reaches the end of the timeline.
enum class AtEnd {
  Hold,           // stay at the end (finished() becomes true)
  Loop,           // wrap to 0
  BackToAttract,  // return to the attract section and wait for the next visitor (the default when there is one)
};

// A stretch of timeline time the playhead passed over in one advance: (from, to], for events_crossed().
struct TimeSpan {
  double from = 0.0;
  double to = 0.0;
};

// One advance covers one span, or two when it wrapped (the end of the stretch before the wrap, then the start after).
struct PlayheadAdvance {
  TimeSpan spans[2];
  int span_count = 0;
  bool wrapped = false;
};

class Playhead {
 public:
  // A playhead at 0 for TIMELINE (it keeps the duration and attract section, not the timeline).
  explicit Playhead(const Timeline& timeline);
  Playhead(const Timeline& timeline, AtEnd at_end);

  // Moves on by WALL_SECONDS × time scale (nothing while paused). While no visitor is present, reaching the end of
  // the attract section wraps back to its start; once visitor_arrived(), playback runs on past it. At the end of
  // the timeline, follows AtEnd. Returns what was passed over.
  PlayheadAdvance advance(double wall_seconds);

  double time() const { return time_; }
  // Jumps to T (clamped to [0, duration]). Seeking past the attract section leaves it: it only wraps time that
  // reaches its end from inside.
  void seek(double t);
  void pause() { paused_ = true; }
  void resume() { paused_ = false; }
  bool paused() const { return paused_; }
  // SCALE >= 0 (negative is taken as 0): 1 is real time, 2 twice as fast.
  void set_time_scale(double scale) { time_scale_ = scale > 0.0 ? scale : 0.0; }
  double time_scale() const { return time_scale_; }

  // A visitor is here: the attract loop lets go.
  void visitor_arrived() { visitor_present_ = true; }
  // The visitor left: back to the start of the attract section (or 0), looping there until the next one.
  void visitor_left();
  bool visitor_present() const { return visitor_present_; }
  // True once the end was reached with AtEnd::Hold.
  bool finished() const { return finished_; }

 private:
  double duration_ = 0.0;
  std::optional<AttractSection> attract_;
  AtEnd at_end_ = AtEnd::Hold;
  double time_ = 0.0;
  double time_scale_ = 1.0;
  bool paused_ = false;
  bool visitor_present_ = false;
  bool finished_ = false;
};

}  // namespace liyuan::scene
