// Moving a visitor in a headset without making them ill: no smooth motion they did not ask for. Teleports and the
// guided tour's moves between viewpoints happen behind a short fade to black (out, move, in); snap turns are instant
// and turn about the visitor's head; a path the scene asks to glide along shows a vignette while it moves; a seated
// visitor's stage is raised so their eyes are at standing height. Pure: time passes only through advance().
#pragma once

#include "core/math.h"

namespace liyuan::app {

struct ComfortOptions {
  double fade_seconds = 0.15;      // each way: to black, then back
  double vignette_seconds = 0.3;   // the vignette fades out this long after the last motion
  float vignette_strength = 0.6f;  // 0 none … 1 only a small circle in the middle stays clear
  bool seated = false;
  float seated_height = 0.4f;  // metres the stage rises when seated (1.2 m seated eyes → 1.6 m standing)
};

class VisitorComfort {
 public:
  explicit VisitorComfort(const ComfortOptions& options) : options_(options) {}

  // Moves the stage to WORLD_FROM_STAGE behind a fade: dark over fade_seconds, moved, clear again. A new destination
  // during a fade replaces the old one.
  void fade_to(const mat4& world_from_stage);
  // Moves the stage at once; GLIDING marks it as continuous motion (the vignette shows).
  void jump_to(const mat4& world_from_stage, bool gliding);
  // Back to the start (a new visitor): the stage at the hall's origin, no fade, no vignette.
  void reset();
  // Lets DT seconds pass.
  void advance(double dt);

  // Where the stage stands now (seated height included).
  mat4 world_from_stage() const;
  // Where the stage stands or is going (seated height not included): the base for the next teleport or turn.
  const mat4& destination() const { return pending_ ? target_ : stage_; }
  float fade() const;      // 0 clear … 1 black
  float vignette() const;  // 0 none … vignette_strength

 private:
  ComfortOptions options_;
  mat4 stage_{1.0f};
  mat4 target_{1.0f};
  bool pending_ = false;     // a faded move is underway
  double fade_clock_ = 0.0;  // seconds into the fade (0 … 2 · fade_seconds)
  bool fading_ = false;
  double since_motion_ = 1e9;
};

// The stage a visitor should stand on to see from a viewpoint at POSITION looking along ROTATION: on the floor
// (y = FLOOR) under it, turned to its heading (yaw only, so the horizon stays level).
mat4 stage_at_viewpoint(const vec3& position, const quat& rotation, float floor);

// The stage after turning by ANGLE radians about +Y through the head at HEAD (stage space), keeping the head in place.
mat4 turn_about_head(const mat4& world_from_stage, const vec3& head, float angle);
// The stage after moving so that the head at HEAD (stage space) stands above POINT (world), keeping the stage height.
mat4 move_head_to(const mat4& world_from_stage, const vec3& head, const vec3& point);

}  // namespace liyuan::app
