#include "parallel/parallel_for.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>
#if defined(__linux__)
#include <pthread.h>
#include <sched.h>
#endif

namespace nofade {

namespace {

void yieldToInteractiveThreads()
{
#if defined(__linux__)
    sched_param none{};
    none.sched_priority = 0;
    pthread_setschedparam(pthread_self(), SCHED_BATCH, &none);
#endif
}

} // namespace

int defaultThreadCount() { return int(std::max(1u, std::thread::hardware_concurrency())); }

int resolveThreadCount(int requested, std::size_t items)
{
    const int wanted = requested > 0 ? requested : defaultThreadCount();
    return std::clamp(wanted, 1, int(std::clamp<std::size_t>(items, 1, 1u << 16)));
}

int parallelWorkers(std::size_t count, const ParallelRun& run) { return resolveThreadCount(run.threads, count); }

void parallelFor(std::size_t count, const ParallelRun& run,
                 const std::function<void(std::size_t index, int worker)>& work)
{
    if (count == 0)
        return;
    const int workers = parallelWorkers(count, run);
    const bool callerWorks = !run.tick && !run.batchPriority;
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::exception_ptr firstError;
    std::mutex mutex; // guards running and firstError
    std::condition_variable finished;
    int running = workers - (callerWorks ? 1 : 0);

    const auto stopped = [&] {
        return failed.load(std::memory_order_relaxed) || (run.feedback && run.feedback->isCancelled());
    };
    const auto loop = [&](int worker) {
        for (;;) {
            if (stopped())
                break;
            const std::size_t i = next.fetch_add(1, std::memory_order_relaxed);
            if (i >= count)
                break;
            try {
                work(i, worker);
            } catch (...) {
                std::lock_guard lock(mutex);
                if (!firstError)
                    firstError = std::current_exception();
                failed.store(true, std::memory_order_relaxed);
            }
        }
    };
    {
        std::vector<std::jthread> threads;
        threads.reserve(std::size_t(workers));
        for (int w = callerWorks ? 1 : 0; w < workers; ++w)
            threads.emplace_back([&, w] {
                if (run.batchPriority)
                    yieldToInteractiveThreads();
                loop(w);
                std::lock_guard lock(mutex);
                --running;
                finished.notify_all();
            });
        if (callerWorks)
            loop(0);
        std::unique_lock lock(mutex);
        while (running > 0) {
            finished.wait_for(lock, std::chrono::milliseconds(100));
            if (run.tick) {
                lock.unlock();
                run.tick();
                lock.lock();
            }
        }
    } // joined
    if (firstError)
        std::rethrow_exception(firstError);
}

} // namespace nofade
