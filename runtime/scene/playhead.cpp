#include "scene/playhead.h"

#include <algorithm>
#include <cmath>

namespace liyuan::scene {
namespace {

bool usable(const std::optional<AttractSection>& attract) { return attract && attract->end > attract->start; }

}  // namespace

Playhead::Playhead(const Timeline& timeline)
    : Playhead(timeline, usable(timeline.attract) ? AtEnd::BackToAttract : AtEnd::Hold) {}

Playhead::Playhead(const Timeline& timeline, AtEnd at_end)
    : duration_(timeline.duration), attract_(timeline.attract), at_end_(at_end) {
  if (!usable(attract_)) attract_.reset();
  if (at_end_ == AtEnd::BackToAttract && !attract_) at_end_ = AtEnd::Loop;
}

void Playhead::seek(double t) {
  time_ = std::clamp(t, 0.0, duration_);
  finished_ = false;
}

void Playhead::visitor_left() {
  visitor_present_ = false;
  seek(attract_ ? attract_->start : 0.0);
}

PlayheadAdvance Playhead::advance(double wall_seconds) {
  PlayheadAdvance result;
  if (paused_ || finished_ || !(wall_seconds > 0.0) || time_scale_ == 0.0) return result;
  double from = time_;
  double to = from + wall_seconds * time_scale_;
  // The attract loop: wrap time that reaches its end from inside while nobody is here.
  if (attract_ && !visitor_present_ && from < attract_->end && to >= attract_->end) {
    double length = attract_->end - attract_->start;
    double wrapped = attract_->start + std::fmod(to - attract_->end, length);
    result.spans[0] = TimeSpan{from, attract_->end};
    result.spans[1] = TimeSpan{std::nextafter(attract_->start, -1.0), wrapped};
    result.span_count = 2;
    result.wrapped = true;
    time_ = wrapped;
    return result;
  }
  if (to < duration_) {
    result.spans[0] = TimeSpan{from, to};
    result.span_count = 1;
    time_ = to;
    return result;
  }
  result.spans[0] = TimeSpan{from, duration_};
  result.span_count = 1;
  switch (at_end_) {
    case AtEnd::Hold:
      time_ = duration_;
      finished_ = true;
      break;
    case AtEnd::Loop: {
      double over = duration_ > 0.0 ? std::fmod(to - duration_, duration_) : 0.0;
      time_ = over;
      result.spans[1] = TimeSpan{std::nextafter(0.0, -1.0), over};
      result.span_count = 2;
      result.wrapped = true;
      break;
    }
    case AtEnd::BackToAttract:
      visitor_present_ = false;
      time_ = attract_->start;
      result.wrapped = true;
      break;
  }
  return result;
}

}  // namespace liyuan::scene
