#include "present/openxr/xr_presence.h"

#include <cmath>

namespace liyuan::present::xr {

bool HeadStillness::update(const vec3& position, const quat& orientation, double dt) {
  if (!has_reference_) {
    has_reference_ = true;
    reference_position_ = position;
    reference_orientation_ = orientation;
    still_for_ = 0.0;
    return false;
  }
  float drift = glm::length(position - reference_position_);
  float cos_half = std::fabs(glm::dot(orientation, reference_orientation_));
  float turn = 2.0f * std::acos(std::fmin(1.0f, cos_half));
  if (drift > kMaxDrift || turn > kMaxTurn) {
    reference_position_ = position;
    reference_orientation_ = orientation;
    still_for_ = 0.0;
    return false;
  }
  still_for_ += dt;
  return still_seconds_ > 0.0 && still_for_ >= still_seconds_;
}

}  // namespace liyuan::present::xr
