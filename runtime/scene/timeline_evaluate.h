// Evaluation: the state of the scene at a time, as a pure function of (timeline, base scene, t). No hidden state,
// so seeking is evaluating at another t, scrubbing is evaluating at many, looping is choosing t, and headsets agree
// by sharing t. Playhead (playhead.h) turns wall time into t.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "scene/frame_state.h"
#include "scene/scene_graph.h"
#include "scene/timeline.h"

namespace liyuan::scene {

// The state at time T: BASE's transforms and components with every track applied (later tracks win over earlier
// ones on the same property), lights flickered, world transforms, the camera, clips, caption, audio, chapter.
// T is clamped to [0, duration] for tracks; cues use T as given.
FrameState evaluate(const Timeline& timeline, const SceneGraph& base, double t);

// The same, into OUT, reusing its storage (what a frame loop calls every frame). OUT's previous contents do not
// matter: the result equals evaluate(timeline, base, t).
void evaluate_into(const Timeline& timeline, const SceneGraph& base, double t, FrameState& out);

// The events whose time lies in (FROM, TO] (empty when TO <= FROM), in time order: what the playhead crossed.
std::vector<const TimedName*> events_crossed(const Timeline& timeline, double from, double to);

// The time of the marker (or, failing that, the chapter) named NAME.
std::optional<double> find_marker(const Timeline& timeline, std::string_view name);

}  // namespace liyuan::scene
