#pragma once
// The inner loop of the class-distance matrix: the classes laid out for it once, and the pairs of a
// block of rows computed from that layout, by a portable (baseline x86-64) or an AVX2 + FMA
// variant of the same code chosen at run time. jsd_matrix.cpp deals the row blocks to threads.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "maths/jensen_shannon.h"

namespace nofade {

// Four bins of one class: p and p log2 p side by side, one cache line.
struct alignas(64) BinBlock {
    double p[4];
    double pLog2p[4]; // 0 where p = 0
};

// Every class's distribution as blocks of four bins (the last block zero-padded), with its support
// (first non-empty block, one past the last): a pair takes logs only in the blocks where both
// supports overlap, and just adds the masses in those where only one class has any.
struct JsdClassTable {
    std::size_t classes = 0;
    std::size_t blocksPerClass = 0;
    std::vector<BinBlock> blocks; // classes x blocksPerClass
    std::vector<std::uint32_t> supportBegin, supportEnd;

    const BinBlock* row(std::size_t c) const { return blocks.data() + c * blocksPerClass; }
};

// `counts`: the classes' histograms, all of one length, each with a positive total
// (std::invalid_argument naming the class otherwise).
JsdClassTable makeJsdClassTable(const std::vector<std::vector<std::uint64_t>>& counts);

enum class JsdKernel {
    Auto,     // AVX2 + FMA where the CPU has them, else portable
    Portable, // baseline x86-64 (SSE2), runs anywhere
    Avx2Fma,
};

bool jsdKernelAvailable(JsdKernel kernel);

// The distances of pairs (i, j), rowBegin <= i < rowEnd, i < j < classes, written to
// pairs[jsdPairIndex(i, j, classes)]. A pair's value depends only on its two classes and the
// kernel, never on the blocking or the thread.
void computeJsdRowBlock(const JsdClassTable& table, std::size_t rowBegin, std::size_t rowEnd, JsdPair* pairs,
                        JsdKernel kernel);

// Position of pair (i < j) in row order (0,1), (0,2), ..., (1,2), ... of n classes.
inline std::size_t jsdPairIndex(std::size_t i, std::size_t j, std::size_t n)
{
    return i * n - i * (i + 1) / 2 + (j - i - 1);
}

} // namespace nofade
