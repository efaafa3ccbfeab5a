#include "core/clock.h"

namespace liyuan {

double monotonic_seconds() {
  return std::chrono::duration<double>(MonotonicClock::now().time_since_epoch()).count();
}

}  // namespace liyuan
