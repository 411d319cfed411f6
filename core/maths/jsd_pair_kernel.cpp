#include "maths/jsd_pair_kernel.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>
#include <string>

#include "maths/fast_log2.h"

namespace nofade {

namespace {

template <typename L>
[[gnu::always_inline]] inline typename L::Double load(const double* x)
{
    typename L::Double v;
    std::memcpy(&v, x, sizeof v); // one aligned vector load
    return v;
}

// L::width bins' contribution to sum_k p log2(p/m) + q log2(q/m), M = (P+Q)/2. Per bin this is
// p log2 p + q log2 q - (p+q) log2 m: with both classes' p log2 p prepared, a pair needs one log
// per bin, of m. Two kinds of bin take their exact value instead, so identical classes give
// exactly 0 and disjoint ones the sum of their masses (distance 1, to an ulp): equal masses (both
// empty included) contribute 0, and where one side is empty the term is the other's mass (m is
// half of it, log2 2 = 1). The cancellation stays within each bin (terms the size of p log2 p, not
// of whole entropies), so the sum is as accurate as the textbook p log2(p/m) form.
template <typename L>
[[gnu::always_inline]] inline typename L::Double binTerms(const double* p, const double* pLog2p, const double* q,
                                                          const double* qLog2q)
{
    using Double = typename L::Double;
    const Double a = load<L>(p), b = load<L>(q);
    const Double mass = a + b;
    const Double terms = (load<L>(pLog2p) + load<L>(qLog2q)) - mass * log2Positive<L>(mass, 1.0); // log2(mass / 2)
    // a * b == 0 where either is empty: non-zero masses are at least 2^-64, their product normal.
    const Double oneSided = select<L>(a * b == 0.0, mass, terms);
    return select<L>(a == b, Double{}, oneSided);
}

// Both classes' mass in block k, where one of them is empty: those bins' terms, exactly.
template <typename L>
[[gnu::always_inline]] inline typename L::Double oneSidedTerms(const BinBlock& a, const BinBlock& b)
{
    typename L::Double sum = load<L>(a.p) + load<L>(b.p);
    for (int h = L::width; h < 4; h += L::width)
        sum += load<L>(a.p + h) + load<L>(b.p + h);
    return sum;
}

// The JS divergence (times 2) of classes a and b, with supports [aBegin, aEnd), [bBegin, bEnd) in
// blocks. Only where the supports overlap is a log needed; elsewhere one class is empty.
template <typename L>
[[gnu::always_inline]] inline double jsSum(const BinBlock* a, std::size_t aBegin, std::size_t aEnd, const BinBlock* b,
                                           std::size_t bBegin, std::size_t bEnd)
{
    const std::size_t overlapBegin = std::max(aBegin, bBegin);
    const std::size_t overlapEnd = std::max(overlapBegin, std::min(aEnd, bEnd));
    // Two accumulators, so consecutive vectors do not wait on each other's addition.
    typename L::Double even{}, odd{};
    for (std::size_t k = std::min(aBegin, bBegin); k < overlapBegin; ++k)
        even += oneSidedTerms<L>(a[k], b[k]);
    for (std::size_t k = overlapEnd; k < std::max(aEnd, bEnd); ++k)
        odd += oneSidedTerms<L>(a[k], b[k]);
    if constexpr (L::width == 4) {
        std::size_t k = overlapBegin;
        for (; k + 2 <= overlapEnd; k += 2) {
            even += binTerms<L>(a[k].p, a[k].pLog2p, b[k].p, b[k].pLog2p);
            odd += binTerms<L>(a[k + 1].p, a[k + 1].pLog2p, b[k + 1].p, b[k + 1].pLog2p);
        }
        if (k < overlapEnd)
            even += binTerms<L>(a[k].p, a[k].pLog2p, b[k].p, b[k].pLog2p);
    } else {
        static_assert(L::width == 2);
        for (std::size_t k = overlapBegin; k < overlapEnd; ++k) {
            even += binTerms<L>(a[k].p, a[k].pLog2p, b[k].p, b[k].pLog2p);
            odd += binTerms<L>(a[k].p + 2, a[k].pLog2p + 2, b[k].p + 2, b[k].pLog2p + 2);
        }
    }
    const typename L::Double sum = even + odd;
    double total = 0.0;
    for (int l = 0; l < L::width; ++l)
        total += sum[l];
    return total;
}

// Columns outside, rows inside: the block's few row classes stay in L1 while each column class is
// read once for all of them.
template <typename L>
[[gnu::always_inline]] inline void rowBlock(const JsdClassTable& t, std::size_t rowBegin, std::size_t rowEnd,
                                            JsdPair* pairs)
{
    const std::size_t n = t.classes;
    for (std::size_t j = rowBegin + 1; j < n; ++j) {
        const BinBlock* b = t.row(j);
        const std::size_t rows = std::min(rowEnd, j);
        for (std::size_t i = rowBegin; i < rows; ++i) {
            const double js = jsSum<L>(t.row(i), t.supportBegin[i], t.supportEnd[i], b, t.supportBegin[j], t.supportEnd[j]);
            pairs[jsdPairIndex(i, j, n)] = {int(i), int(j), std::sqrt(std::max(0.0, js / 2.0))};
        }
    }
}

// The baseline instruction set (SSE2 on x86-64): two lanes.
void rowBlockPortable(const JsdClassTable& t, std::size_t rowBegin, std::size_t rowEnd, JsdPair* pairs)
{
    rowBlock<Lanes2>(t, rowBegin, rowEnd, pairs);
}

#if defined(__x86_64__) || defined(__i386__)
#define NOFADE_JSD_HAS_AVX2_VARIANT 1
// The same code compiled for AVX2 + FMA: the always-inline helpers above take this function's
// target, so four lanes are one register and the polynomial is fused multiply-adds. Only called
// when the CPU has both (the build itself stays baseline x86-64, so the package runs anywhere).
[[gnu::target("avx2,fma")]] void rowBlockAvx2Fma(const JsdClassTable& t, std::size_t rowBegin, std::size_t rowEnd,
                                                 JsdPair* pairs)
{
    rowBlock<Lanes4>(t, rowBegin, rowEnd, pairs);
}
#else
#define NOFADE_JSD_HAS_AVX2_VARIANT 0
#endif

bool cpuHasAvx2Fma()
{
#if NOFADE_JSD_HAS_AVX2_VARIANT
    static const bool has = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    return has;
#else
    return false;
#endif
}

} // namespace

JsdClassTable makeJsdClassTable(const std::vector<std::vector<std::uint64_t>>& counts)
{
    JsdClassTable t;
    t.classes = counts.size();
    const std::size_t bins = counts.empty() ? 0 : counts.front().size();
    t.blocksPerClass = (bins + 3) / 4;
    t.blocks.resize(t.classes * t.blocksPerClass); // zero: the padding bins are empty
    t.supportBegin.assign(t.classes, 0);
    t.supportEnd.assign(t.classes, 0);
    for (std::size_t c = 0; c < t.classes; ++c) {
        if (counts[c].size() != bins)
            throw std::invalid_argument("class histogram " + std::to_string(c) + " has " +
                                        std::to_string(counts[c].size()) + " bins, class histogram 0 has " +
                                        std::to_string(bins));
        std::uint64_t total = 0;
        for (std::uint64_t v : counts[c])
            total += v;
        if (total == 0)
            throw std::invalid_argument("class histogram " + std::to_string(c) + " is empty");
        BinBlock* row = t.blocks.data() + c * t.blocksPerClass;
        std::size_t first = bins, last = 0;
        for (std::size_t k = 0; k < bins; ++k) {
            if (counts[c][k] == 0)
                continue;
            const double p = double(counts[c][k]) / double(total);
            row[k / 4].p[k % 4] = p;
            row[k / 4].pLog2p[k % 4] = p * std::log2(p);
            first = std::min(first, k);
            last = k;
        }
        t.supportBegin[c] = std::uint32_t(first / 4);
        t.supportEnd[c] = std::uint32_t(last / 4 + 1);
    }
    return t;
}

bool jsdKernelAvailable(JsdKernel kernel)
{
    return kernel != JsdKernel::Avx2Fma || cpuHasAvx2Fma();
}

void computeJsdRowBlock(const JsdClassTable& table, std::size_t rowBegin, std::size_t rowEnd, JsdPair* pairs,
                        JsdKernel kernel)
{
    if (kernel == JsdKernel::Auto)
        kernel = cpuHasAvx2Fma() ? JsdKernel::Avx2Fma : JsdKernel::Portable;
#if NOFADE_JSD_HAS_AVX2_VARIANT
    if (kernel == JsdKernel::Avx2Fma) {
        if (!cpuHasAvx2Fma())
            throw std::invalid_argument("the AVX2 + FMA class-distance kernel needs a CPU with AVX2 and FMA");
        rowBlockAvx2Fma(table, rowBegin, rowEnd, pairs);
        return;
    }
#else
    if (kernel == JsdKernel::Avx2Fma)
        throw std::invalid_argument("the AVX2 + FMA class-distance kernel is not built for this CPU architecture");
#endif
    rowBlockPortable(table, rowBegin, rowEnd, pairs);
}

} // namespace nofade
