// The previous, scalar class-distance kernel (commit 1e51b3c, core/maths/jsd_matrix.cpp),
// kept verbatim for bench-jsd --old: the ratio to it, measured in the same run under the same
// load, is the trustworthy speed figure on a shared machine. Not used by the application.
#include "jsd_old_kernel.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <thread>

namespace nofade::bench {

namespace {

std::size_t pairIndex(std::size_t i, std::size_t j, std::size_t n)
{
    return i * n - i * (i + 1) / 2 + (j - i - 1);
}

// Runs row(i) for every i, rows dealt out round-robin so the short rows at the end of the
// triangle spread over the threads too.
template <typename Row>
void forEachRowInParallel(std::size_t rows, int threads, const Row& row)
{
    const int workers = std::clamp(threads > 0 ? threads : int(std::thread::hardware_concurrency()), 1,
                                   std::max(1, int(rows)));
    if (workers == 1) {
        for (std::size_t i = 0; i < rows; ++i)
            row(i);
        return;
    }
    std::vector<std::jthread> pool;
    for (int t = 0; t < workers; ++t)
        pool.emplace_back([&, t] {
            for (std::size_t i = std::size_t(t); i < rows; i += std::size_t(workers))
                row(i);
        });
}

// log2 for the pair kernel: exponent from the bits, mantissa folded into [sqrt(1/2), sqrt(2)), then
// log2(f) = 2/ln2 * atanh(z), z = (f-1)/(f+1), |z| <= 0.1716, by its series to z^25 (the next term
// is below 1e-19 relative). Accurate to a few ulp, and free of libm's call and branches, which
// were half the cost of the 1000-class matrix. x must be positive and normal (probabilities here
// are at least 1/2^53 of a class's images).
inline double log2Positive(double x)
{
    std::uint64_t bits = std::bit_cast<std::uint64_t>(x);
    int exponent = int((bits >> 52) & 0x7FF) - 1023;
    bits = (bits & 0x000FFFFFFFFFFFFFull) | 0x3FF0000000000000ull;
    double f = std::bit_cast<double>(bits);
    const bool high = f > 1.4142135623730951;
    f = high ? 0.5 * f : f;
    exponent += high ? 1 : 0;
    const double z = (f - 1.0) / (f + 1.0);
    const double z2 = z * z;
    double series = 1.0 / 25;
    for (int k = 23; k >= 1; k -= 2)
        series = series * z2 + 1.0 / k;
    constexpr double twoOverLn2 = 2.0 / 0.6931471805599453094;
    return exponent + twoOverLn2 * z * series;
}

// The support of a distribution: the first and one past the last non-empty bin.
struct Support {
    std::size_t begin = 0;
    std::size_t end = 0;
};

Support supportOf(const std::vector<double>& p)
{
    Support s{p.size(), 0};
    for (std::size_t k = 0; k < p.size(); ++k)
        if (p[k] > 0.0) {
            s.begin = std::min(s.begin, k);
            s.end = k + 1;
        }
    return s;
}

// sum_k p log2(p/m) + q log2(q/m), M = (P+Q)/2, with log2 p and log2 q given. Where one side is
// empty, m is half the other and its term is exactly that side's mass (log2 2 = 1): outside the
// overlap of the two supports no log is needed at all.
double jsSum(const double* p, const double* lp, Support sp, const double* q, const double* lq, Support sq)
{
    const std::size_t begin = std::min(sp.begin, sq.begin);
    const std::size_t end = std::max(sp.end, sq.end);
    const std::size_t overlapBegin = std::max(sp.begin, sq.begin);
    const std::size_t overlapEnd = std::max(overlapBegin, std::min(sp.end, sq.end));
    double sum = 0.0;
    for (std::size_t k = begin; k < overlapBegin; ++k)
        sum += p[k] + q[k];
    for (std::size_t k = overlapEnd; k < end; ++k)
        sum += p[k] + q[k];
    for (std::size_t k = overlapBegin; k < overlapEnd; ++k) {
        const double a = p[k];
        const double b = q[k];
        if (a == b) // identical masses (both empty included) contribute exactly 0
            continue;
        if (a == 0.0 || b == 0.0) {
            sum += a + b;
            continue;
        }
        const double lm = log2Positive(0.5 * (a + b));
        sum += a * (lp[k] - lm) + b * (lq[k] - lm);
    }
    return sum;
}

// The per-class data the pair kernels read, prepared once.
struct ClassData {
    std::uint64_t total = 0;
    const std::vector<std::uint64_t>* counts = nullptr;
    std::vector<double> p;  // normalised
    std::vector<double> lp; // log2 p (0 where p = 0)
    Support support;
};

// T(n) = n log2 n for n up to a limit, for the equal-totals path.
class NLogNTable {
public:
    static constexpr std::uint64_t kMaxEntries = std::uint64_t(1) << 21; // 16 MiB at most

    explicit NLogNTable(std::uint64_t largestSum)
    {
        if (largestSum >= kMaxEntries)
            return; // classes too large to tabulate: the log path handles them
        values_.resize(largestSum + 1);
        for (std::uint64_t n = 1; n <= largestSum; ++n)
            values_[n] = double(n) * std::log2(double(n));
    }
    bool covers(std::uint64_t n) const { return n < values_.size(); }
    double operator[](std::uint64_t n) const { return values_[n]; }

private:
    std::vector<double> values_;
};

// Equal totals N: sum_k p log2(p/m) + q log2(q/m) = sum_k [c + d + T(c) + T(d) - T(c + d)] / N.
// Bins with c = d contribute exactly 0 and are skipped, so identical classes give exactly 0.
double jsSumEqualTotals(const ClassData& a, const ClassData& b, const NLogNTable& t)
{
    const std::size_t begin = std::min(a.support.begin, b.support.begin);
    const std::size_t end = std::max(a.support.end, b.support.end);
    const std::uint64_t* c = a.counts->data();
    const std::uint64_t* d = b.counts->data();
    double sum = 0.0;
    for (std::size_t k = begin; k < end; ++k) {
        if (c[k] == d[k])
            continue;
        sum += double(c[k] + d[k]) + t[c[k]] + t[d[k]] - t[c[k] + d[k]];
    }
    return sum / double(a.total);
}

} // namespace

std::vector<JsdPair> oldPairwiseJensenShannon(const std::vector<std::vector<std::uint64_t>>& counts, int threads)
{
    const std::size_t n = counts.size();
    std::vector<JsdPair> pairs(n < 2 ? 0 : n * (n - 1) / 2);
    if (pairs.empty())
        return pairs;
    std::vector<ClassData> classes(n);
    std::uint64_t largestTotal = 0;
    for (std::size_t i = 0; i < n; ++i) {
        ClassData& c = classes[i];
        c.counts = &counts[i];
        for (std::uint64_t v : counts[i])
            c.total += v;
        largestTotal = std::max(largestTotal, c.total);
        c.p.resize(counts[i].size());
        c.lp.resize(counts[i].size());
        for (std::size_t k = 0; k < counts[i].size(); ++k) {
            c.p[k] = c.total ? double(counts[i][k]) / double(c.total) : 0.0;
            c.lp[k] = c.p[k] > 0.0 ? log2Positive(c.p[k]) : 0.0;
        }
        c.support = supportOf(c.p);
    }
    const NLogNTable table(2 * largestTotal);
    forEachRowInParallel(n, threads, [&](std::size_t i) {
        const ClassData& a = classes[i];
        for (std::size_t j = i + 1; j < n; ++j) {
            const ClassData& b = classes[j];
            const double js = a.total == b.total && table.covers(2 * a.total)
                                  ? jsSumEqualTotals(a, b, table)
                                  : jsSum(a.p.data(), a.lp.data(), a.support, b.p.data(), b.lp.data(), b.support);
            pairs[pairIndex(i, j, n)] = {int(i), int(j), std::sqrt(std::max(0.0, js / 2.0))};
        }
    });
    return pairs;
}

} // namespace nofade::bench
