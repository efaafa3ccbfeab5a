// check_timeline (lint_checks.h): what makes no sense in time.
#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <set>

#include "scene/build_scene.h"
#include "scene/lint_checks.h"
#include "scene/parse_timeline.h"

namespace liyuan::scene {
namespace {

// Times in messages: "2", "2.5", "0.125".
std::string seconds(double t) { return fmt::format("{:g}", t); }

void check_inside(Diagnostics& d, const Location& at, double t, double duration, std::string_view what) {
  if (t > duration) {
    d.error(at, fmt::format("{} at {} s is after the end of the timeline ({} s)", what, seconds(t), seconds(duration)));
  }
}

void check_tracks(const TimelineDocument& timeline, Diagnostics& d) {
  for (const TrackDocument& track : timeline.tracks) {
    for (size_t i = 0; i < track.keys.size(); ++i) {
      const KeyDocument& key = track.keys[i];
      if (i > 0 && key.key.t < track.keys[i - 1].key.t) {
        d.error(key.at, fmt::format("key at t={} comes after a key at t={}: keep keys sorted by time",
                                    seconds(key.key.t), seconds(track.keys[i - 1].key.t)));
      }
      check_inside(d, key.at, key.key.t, timeline.duration, "key");
      if (track.property == TrackProperty::Active && key.key.interpolation != Interpolation::Step) {
        d.error(key.at, "'active' switches on and off: its keys must use 'step' interpolation");
      }
    }
  }
}

// Indices of ITEMS ordered by START (stable), for overlap checks.
template <typename T, typename Start>
std::vector<size_t> order_by(const std::vector<T>& items, Start start) {
  std::vector<size_t> order(items.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return start(items[a]) < start(items[b]); });
  return order;
}

void check_captions(const TimelineDocument& timeline, Diagnostics& d) {
  const auto& captions = timeline.captions;
  auto order = order_by(captions, [](const CaptionDocument& c) { return c.cue.at; });
  for (size_t k = 0; k < order.size(); ++k) {
    const CaptionDocument& caption = captions[order[k]];
    check_inside(d, caption.at, caption.cue.at, timeline.duration, fmt::format("caption '{}'", caption.cue.key));
    if (caption.cue.at <= timeline.duration && caption.cue.at + caption.cue.duration > timeline.duration) {
      d.warning(caption.at, fmt::format("caption '{}' is cut off by the end of the timeline at {} s", caption.cue.key,
                                        seconds(timeline.duration)));
    }
    if (k == 0) continue;
    const CaptionDocument& before = captions[order[k - 1]];
    if (caption.cue.at < before.cue.at + before.cue.duration) {
      // Report on whichever of the two comes later in the file, where the author is most likely looking.
      d.error(caption.at, fmt::format("caption '{}' at {} s overlaps caption '{}' ({}), which shows until {} s",
                                      caption.cue.key, seconds(caption.cue.at), before.cue.key,
                                      location_string(before.at), seconds(before.cue.at + before.cue.duration)));
    }
  }
}

void check_camera_paths(const TimelineDocument& timeline, Diagnostics& d) {
  const auto& paths = timeline.camera_paths;
  auto order = order_by(paths, [](const CameraPathDocument& p) { return p.start; });
  for (size_t k = 0; k < order.size(); ++k) {
    const CameraPathDocument& path = paths[order[k]];
    check_inside(d, path.at, path.start + path.duration, timeline.duration, "camera path end");
    if (k == 0) continue;
    const CameraPathDocument& before = paths[order[k - 1]];
    if (path.start < before.start + before.duration) {
      d.error(path.at, fmt::format("camera path at {} s overlaps the camera path at {} ({} s to {} s): one camera "
                                   "path at a time",
                                   seconds(path.start), location_string(before.at), seconds(before.start),
                                   seconds(before.start + before.duration)));
    }
  }
}

void check_sections(const TimelineDocument& timeline, Diagnostics& d) {
  if (timeline.attract) {
    const AttractSection& a = timeline.attract->value;
    if (a.end <= a.start) {
      d.error(timeline.attract->at, fmt::format("the attract section ends ({} s) before it starts ({} s)",
                                                seconds(a.end), seconds(a.start)));
    }
    if (a.end > timeline.duration) {
      d.error(timeline.attract->at, fmt::format("the attract section ({} s to {} s) runs past the end of the timeline "
                                                "({} s)", seconds(a.start), seconds(a.end), seconds(timeline.duration)));
    }
  }
  std::set<std::string> chapter_names;
  for (size_t i = 0; i < timeline.chapters.size(); ++i) {
    const auto& chapter = timeline.chapters[i];
    check_inside(d, chapter.at, chapter.value.at, timeline.duration, fmt::format("chapter '{}'", chapter.value.name));
    if (i > 0 && chapter.value.at <= timeline.chapters[i - 1].value.at) {
      const auto& before = timeline.chapters[i - 1];
      d.error(chapter.at, fmt::format("chapter '{}' at {} s is not after chapter '{}' at {} s: list chapters in order",
                                      chapter.value.name, seconds(chapter.value.at), before.value.name,
                                      seconds(before.value.at)));
    }
    if (!chapter_names.insert(chapter.value.name).second) {
      d.error(chapter.at, fmt::format("chapter name '{}' is used twice", chapter.value.name));
    }
  }
  std::set<std::string> marker_names;
  for (const auto& marker : timeline.markers) {
    check_inside(d, marker.at, marker.value.at, timeline.duration, fmt::format("marker '{}'", marker.value.name));
    if (!marker_names.insert(marker.value.name).second) {
      d.error(marker.at, fmt::format("marker name '{}' is used twice", marker.value.name));
    }
  }
  for (const auto& event : timeline.events) {
    check_inside(d, event.at, event.value.at, timeline.duration, fmt::format("event '{}'", event.value.name));
  }
}

void check_cues(const TimelineDocument& timeline, Diagnostics& d) {
  for (const ClipDocument& clip : timeline.clips) {
    check_inside(d, clip.at, clip.start, timeline.duration, fmt::format("clip '{}'", clip.clip.name));
    if (clip.end <= clip.start) {
      d.error(clip.at, fmt::format("clip '{}' ends ({} s) before it starts ({} s)", clip.clip.name, seconds(clip.end),
                                   seconds(clip.start)));
    }
    if (clip.speed == 0.0) d.warning(clip.at, fmt::format("clip '{}' has speed 0 and never moves", clip.clip.name));
  }
  for (const AudioCueDocument& cue : timeline.audio_cues) {
    check_inside(d, cue.at, cue.cue.at, timeline.duration, fmt::format("audio cue '{}'", cue.cue.clip_key));
  }
}

}  // namespace

void check_timeline(const TimelineDocument& timeline, Diagnostics& diagnostics) {
  check_tracks(timeline, diagnostics);
  check_captions(timeline, diagnostics);
  check_camera_paths(timeline, diagnostics);
  check_sections(timeline, diagnostics);
  check_cues(timeline, diagnostics);
}

}  // namespace liyuan::scene
