// Is anybody wearing the headset? A headset lying on a table holds perfectly still, which a head never does: no
// motion beyond a millimetre or a tenth of a degree for STILL_SECONDS means nobody is there. Pure, for tests.
#pragma once

#include "core/math.h"

namespace liyuan::present::xr {

class HeadStillness {
 public:
  static constexpr float kMaxDrift = 0.001f;     // metres
  static constexpr float kMaxTurn = 0.0017453f;  // radians (0.1°)

  explicit HeadStillness(double still_seconds) : still_seconds_(still_seconds) {}
  // Feeds the head's pose at a frame DT seconds after the last; returns whether it has now been still too long.
  bool update(const vec3& position, const quat& orientation, double dt);
  // Forgets the history (a new session, or the head was not tracked).
  void reset() {
    has_reference_ = false;
    still_for_ = 0.0;
  }

 private:
  double still_seconds_;
  bool has_reference_ = false;
  vec3 reference_position_{0.0f};
  quat reference_orientation_{1.0f, 0.0f, 0.0f, 0.0f};
  double still_for_ = 0.0;
};

}  // namespace liyuan::present::xr
