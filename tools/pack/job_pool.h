// Parallel loops on std::thread for the packer's independent work (relics, textures). Results go into slots chosen
// by index, so output never depends on how many threads ran or in which order they finished.
#pragma once

#include <cstddef>
#include <functional>

namespace liyuan::packer {

// std::thread::hardware_concurrency(), at least 1.
unsigned default_jobs();

// Calls TASK(i) for every i in [0, COUNT) on up to JOBS threads (the caller's thread is one of them; JOBS 0 means
// default_jobs()), taking indices in increasing order; returns when every call has returned. TASK must be safe to run
// concurrently with itself. An exception thrown by a task is rethrown here after all threads have stopped.
void parallel_for(size_t count, unsigned jobs, const std::function<void(size_t)>& task);

}  // namespace liyuan::packer
