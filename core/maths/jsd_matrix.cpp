#include "maths/jsd_matrix.h"

#include <algorithm>
#include <stdexcept>

#include "parallel/parallel_for.h"

namespace nofade {

namespace {

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
    // Blocks go out in order and the first rows have the most pairs: the largest work first.
    parallelFor(blocks, ParallelRun(threads), [&](std::size_t block, int) {
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
    parallelFor(n, ParallelRun(threads), [&](std::size_t i, int) {
        for (std::size_t j = i + 1; j < n; ++j)
            pairs[jsdPairIndex(i, j, n)] = {int(i), int(j),
                                            gaussianJensenShannonDistance(classes[i].mean, classes[i].stdDev,
                                                                          classes[j].mean, classes[j].stdDev,
                                                                          sigmaFloor)};
    });
    return pairs;
}

} // namespace nofade
