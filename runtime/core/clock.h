// Monotonic time for frame pacing and measurements. Never use the wall clock for either.
#pragma once

#include <chrono>

namespace liyuan {

using MonotonicClock = std::chrono::steady_clock;

// Seconds since an arbitrary fixed point; only differences are meaningful.
double monotonic_seconds();

// Measures elapsed time from construction or the last restart().
class Stopwatch {
 public:
  Stopwatch() : start_(MonotonicClock::now()) {}
  void restart() { start_ = MonotonicClock::now(); }
  double elapsed_seconds() const { return std::chrono::duration<double>(MonotonicClock::now() - start_).count(); }
  double elapsed_ms() const { return elapsed_seconds() * 1000.0; }

 private:
  MonotonicClock::time_point start_;
};

}  // namespace liyuan
