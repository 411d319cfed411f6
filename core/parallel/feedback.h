#pragma once
// The one progress/cancel object of long work in the core (scans, sampled estimates, the
// complexity measures): shared between whoever asked for the work (GUI or CLI thread) and the
// workers. The asker polls done()/total() at its own pace (a 10 Hz timer, a progress bar)
// and calls cancel(); workers only touch atomics, so nobody ever blocks on it.
#include <atomic>
#include <cstdint>

namespace nofade {

class Feedback {
public:
    void cancel() { cancelled_.store(true, std::memory_order_relaxed); }
    bool isCancelled() const { return cancelled_.load(std::memory_order_relaxed); }
    const std::atomic<bool>& cancelFlag() const { return cancelled_; }

    std::int64_t done() const { return done_.load(std::memory_order_relaxed); }
    std::int64_t total() const { return total_.load(std::memory_order_relaxed); }
    std::int64_t failed() const { return failed_.load(std::memory_order_relaxed); }
    // A second stage after the items (a sampled scan's C_JS replicates): done of all (0 of 0 until
    // it starts).
    int replicatesDone() const { return replicatesDone_.load(std::memory_order_relaxed); }
    int replicatesTotal() const { return replicatesTotal_.load(std::memory_order_relaxed); }

    // Written by the workers.
    void setTotal(std::int64_t total) { total_.store(total, std::memory_order_relaxed); }
    void addDone(std::int64_t n) { done_.fetch_add(n, std::memory_order_relaxed); }
    void addFailed(std::int64_t n) { failed_.fetch_add(n, std::memory_order_relaxed); }
    void setReplicates(int done, int total)
    {
        replicatesTotal_.store(total, std::memory_order_relaxed);
        replicatesDone_.store(done, std::memory_order_relaxed);
    }

private:
    std::atomic<bool> cancelled_{false};
    std::atomic<std::int64_t> done_{0};
    std::atomic<std::int64_t> total_{0};
    std::atomic<std::int64_t> failed_{0};
    std::atomic<int> replicatesDone_{0};
    std::atomic<int> replicatesTotal_{0};
};

} // namespace nofade
