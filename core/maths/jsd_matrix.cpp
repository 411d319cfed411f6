#include "maths/jsd_matrix.h"

#include <algorithm>
#include <atomic>
#include <stdexcept>
#include <thread>

namespace nofade {

namespace {

// Runs work(b) for every b < blocks on `threads` threads (the calling one included), each taking
// the next block as soon as it is done with its last: a thread slowed by other work on the machine
// does not hold up the end. Blocks go out in order, so the callers put the largest first.
template <typename Work>
void forEachBlockInParallel(std::size_t blocks, int threads, const Work& work)
{
    const int workers = std::clamp(threads > 0 ? threads : int(std::thread::hardware_concurrency()), 1,
                                   std::max(1, int(blocks)));
    std::atomic<std::size_t> next{0};
    const auto run = [&] {
        for (std::size_t b = next.fetch_add(1, std::memory_order_relaxed); b < blocks;
             b = next.fetch_add(1, std::memory_order_relaxed))
            work(b);
    };
    std::vector<std::jthread> helpers;
    for (int t = 1; t < workers; ++t)
        helpers.emplace_back(run);
    run();
}

// Rows per block of the triangle: enough that each column class, read once per block, serves
// several rows from L1; few enough that the last blocks are small and both threads end together.
constexpr std::size_t kRowsPerBlock = 8;

} // namespace

std::vector<JsdPair> pairwiseJensenShannon(const std::vector<std::vector<std::uint64_t>>& counts, int threads,
                                           JsdKernel kernel)
{
    const std::size_t n = counts.size();
    std::vector<JsdPair> pairs(n < 2 ? 0 : n * (n - 1) / 2);
    if (pairs.empty())
        return pairs;
    if (!jsdKernelAvailable(kernel))
        throw std::invalid_argument("this CPU lacks the instructions of the requested class-distance kernel");
    const JsdClassTable table = makeJsdClassTable(counts);
    const std::size_t blocks = (n + kRowsPerBlock - 1) / kRowsPerBlock;
    forEachBlockInParallel(blocks, threads, [&](std::size_t block) {
        const std::size_t begin = block * kRowsPerBlock;
        computeJsdRowBlock(table, begin, std::min(n, begin + kRowsPerBlock), pairs.data(), kernel);
    });
    return pairs;
}

std::vector<JsdPair> pairwiseGaussianJensenShannon(const std::vector<NormalParameters>& classes,
                                                   double sigmaFloor, int threads)
{
    const std::size_t n = classes.size();
    std::vector<JsdPair> pairs(n < 2 ? 0 : n * (n - 1) / 2);
    forEachBlockInParallel(n, threads, [&](std::size_t i) {
        for (std::size_t j = i + 1; j < n; ++j)
            pairs[jsdPairIndex(i, j, n)] = {int(i), int(j),
                                            gaussianJensenShannonDistance(classes[i].mean, classes[i].stdDev,
                                                                          classes[j].mean, classes[j].stdDev,
                                                                          sigmaFloor)};
    });
    return pairs;
}

} // namespace nofade
