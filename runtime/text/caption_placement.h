// Where captions sit in a headset: about 2 m ahead and a little below the gaze, sized in degrees of view, following
// the head's yaw lazily — a turn within the dead zone leaves them still, a larger one brings them round smoothly —
// so they are never glued to the nose. Updated in fixed steps, so the motion does not depend on the frame rate.
#pragma once

#include "core/math.h"
#include "text/text_quads.h"

namespace liyuan::text {

struct CaptionComfort {
  float distance = 2.0f;            // metres from the eyes
  float below_gaze_degrees = 14.0f; // the caption's centre below the horizon through the eyes
  float em_degrees = 1.5f;          // the size of one em, as an angle at the eye
  float max_width_degrees = 36.0f;  // the widest line
  float dead_zone_degrees = 15.0f;  // yaw error tolerated before the caption starts following
  float follow_seconds = 0.3f;      // time constant of the follow (and of following the head's position)
  double step_seconds = 1.0 / 90.0; // fixed update step
};

class CaptionFollower {
 public:
  explicit CaptionFollower(const CaptionComfort& comfort = {}) : comfort_(comfort) {}

  // Advances by DT seconds (in fixed steps) towards the head pose WORLD_FROM_HEAD (-Z forward, +Y up). The first
  // call after construction or reset() places the caption straight ahead at once.
  void update(const mat4& world_from_head, double dt);
  // Forgets the placement (the next update snaps), e.g. after a teleport.
  void reset() { placed_ = false; }

  // The caption's plane (centred on the caption, facing the eyes, x right, y up) and its em size in metres.
  TextFrame frame() const;
  // The widest line in metres at the caption's distance.
  float max_width_metres() const;
  // The caption's yaw in radians (0 looks down -Z; positive turns left), for tests.
  float yaw() const { return yaw_; }

 private:
  CaptionComfort comfort_;
  bool placed_ = false;
  bool following_ = false;
  float yaw_ = 0.0f;
  vec3 eye_{0.0f};
  double pending_ = 0.0;
};

// The em size in metres that subtends EM_DEGREES at DISTANCE metres.
float em_at_distance(float distance, float em_degrees);

// A plane at WORLD_POSITION turned about +Y to face EYE (x right as seen from EYE, y up).
mat4 plane_facing(const vec3& world_position, const vec3& eye);

}  // namespace liyuan::text
