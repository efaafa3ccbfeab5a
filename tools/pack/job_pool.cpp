// An atomic counter hands out indices; no queue, no locks on the hot path.
#include "job_pool.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace liyuan::packer {

unsigned default_jobs() { return std::max(1u, std::thread::hardware_concurrency()); }

void parallel_for(size_t count, unsigned jobs, const std::function<void(size_t)>& task) {
  if (jobs == 0) jobs = default_jobs();
  const size_t threads = std::min<size_t>(jobs, count);
  std::atomic<size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto work = [&] {
    for (size_t i = next++; i < count; i = next++) {
      try {
        task(i);
      } catch (...) {
        std::lock_guard lock(failure_mutex);
        if (!failure) failure = std::current_exception();
      }
    }
  };
  std::vector<std::thread> pool;
  try {
    for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  } catch (const std::system_error&) {
    // The system would not start more threads: the ones already running and this one cover every index.
  }
  work();
  for (std::thread& thread : pool) thread.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace liyuan::packer
