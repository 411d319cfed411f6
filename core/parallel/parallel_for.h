#pragma once
// The one parallel loop of the core: the scan's units, the sampled estimate's replicates, the
// class-distance matrix's row blocks and the complexity measures all run through it, so the
// thread-count rule, cancel and the caller's tick exist once.
#include <cstddef>
#include <functional>
#include <utility>

#include "parallel/feedback.h"

namespace nofade {

// One thread per core (at least 1).
int defaultThreadCount();
// `requested` threads (0 or less: one per core), at least 1 and at most `items` (at least 1).
int resolveThreadCount(int requested, std::size_t items);

struct ParallelRun {
    ParallelRun() = default;
    explicit ParallelRun(int threads, Feedback* feedback = nullptr, std::function<void()> tick = {})
        : threads(threads), feedback(feedback), tick(std::move(tick))
    {
    }

    int threads = 0;              // 0: one per core
    Feedback* feedback = nullptr; // once it is cancelled no further index is started
    // Called on the calling thread about ten times a second while the workers run.
    std::function<void()> tick;
    // Workers run as SCHED_BATCH threads: they never preempt the GUI's thread when they wake from
    // a file read, while it still preempts them (best effort).
    bool batchPriority = false;
};

// The number of workers parallelFor(count, run, ...) uses: size per-worker scratch space by it.
int parallelWorkers(std::size_t count, const ParallelRun& run);

// Calls work(index, worker) for every index < count, worker in [0, parallelWorkers()), each
// worker taking the next index as soon as it is free, so a worker slowed by other work on the
// machine does not hold up the end. Indices go out in order: put the largest work first. Returns
// when every worker has stopped. The first exception thrown by `work` stops the loop and is
// rethrown here. Without a tick and batch priority the calling thread is one of the workers.
void parallelFor(std::size_t count, const ParallelRun& run,
                 const std::function<void(std::size_t index, int worker)>& work);

} // namespace nofade
