#include "complexity/neighbour_search.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <immintrin.h>

namespace nofade {

namespace {

constexpr std::size_t kQueryBlock = 32;      // 64 KiB of queries
constexpr std::size_t kCandidateBlock = 128; // 256 KiB of candidates

std::uint32_t squaredDistanceScalar(const std::int16_t* a, const std::int16_t* b)
{
    std::uint32_t sum = 0;
    for (int i = 0; i < kSmallFeatures; ++i) {
        const int d = a[i] - b[i];
        sum += std::uint32_t(d * d);
    }
    return sum;
}

// 16 differences per instruction, pairs of squares summed into 32-bit lanes by madd: exact, as
// each lane holds at most 64 x 2 x 255^2 < 2^31.
[[gnu::target("avx2")]] std::uint32_t squaredDistanceAvx2(const std::int16_t* a, const std::int16_t* b)
{
    __m256i acc0 = _mm256_setzero_si256();
    __m256i acc1 = _mm256_setzero_si256();
    for (int i = 0; i < kSmallFeatures; i += 32) {
        const __m256i d0 = _mm256_sub_epi16(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(a + i)),
                                            _mm256_loadu_si256(reinterpret_cast<const __m256i*>(b + i)));
        const __m256i d1 = _mm256_sub_epi16(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(a + i + 16)),
                                            _mm256_loadu_si256(reinterpret_cast<const __m256i*>(b + i + 16)));
        acc0 = _mm256_add_epi32(acc0, _mm256_madd_epi16(d0, d0));
        acc1 = _mm256_add_epi32(acc1, _mm256_madd_epi16(d1, d1));
    }
    const __m256i acc = _mm256_add_epi32(acc0, acc1);
    __m128i s = _mm_add_epi32(_mm256_castsi256_si128(acc), _mm256_extracti128_si256(acc, 1));
    s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0x4E));
    s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0xB1));
    return std::uint32_t(_mm_cvtsi128_si32(s));
}

bool hasAvx2()
{
    static const bool has = __builtin_cpu_supports("avx2");
    return has;
}

// Keeps the k smallest (distance, index) pairs seen, sorted.
void offer(std::vector<Neighbour>& list, int k, Neighbour n)
{
    if (int(list.size()) == k) {
        if (!(n < list.back()))
            return;
        list.pop_back();
    }
    list.insert(std::upper_bound(list.begin(), list.end(), n), n);
}

} // namespace

VectorMatrix::VectorMatrix(const std::vector<SmallVector>& vectors)
    : rows_(vectors.size()), data_(vectors.size() * kSmallFeatures), norms_(vectors.size()), byNorm_(vectors.size())
{
    for (std::size_t i = 0; i < rows_; ++i) {
        std::copy(vectors[i].begin(), vectors[i].end(), data_.begin() + std::ptrdiff_t(i * kSmallFeatures));
        std::uint64_t squares = 0;
        for (std::uint8_t v : vectors[i])
            squares += std::uint64_t(v) * v;
        norms_[i] = std::sqrt(double(squares));
    }
    std::iota(byNorm_.begin(), byNorm_.end(), 0u);
    std::sort(byNorm_.begin(), byNorm_.end(), [&](std::uint32_t a, std::uint32_t b) {
        return norms_[a] != norms_[b] ? norms_[a] < norms_[b] : a < b;
    });
}

std::uint32_t squaredDistance(const std::int16_t* a, const std::int16_t* b)
{
    return hasAvx2() ? squaredDistanceAvx2(a, b) : squaredDistanceScalar(a, b);
}

std::vector<std::vector<Neighbour>> nearestNeighbours(
    const VectorMatrix& m, const std::vector<std::uint32_t>& queries, int k, const ParallelRun& run,
    const std::function<bool(std::uint32_t, std::uint32_t)>& allowed)
{
    std::vector<std::vector<Neighbour>> lists(queries.size());
    const std::size_t n = m.size();
    if (k <= 0 || n == 0)
        return lists;
    auto distance = hasAvx2() ? squaredDistanceAvx2 : squaredDistanceScalar;
    // Candidates in order of their norm: |‖a‖ - ‖b‖| <= ‖a - b‖, so a query only needs the
    // candidates whose norm lies within its current k-th distance of its own. Queries go in blocks
    // of similar norm, which share the candidates they read.
    const std::vector<double>& norm = m.norms();
    const std::vector<std::uint32_t>& byNorm = m.byNorm();
    std::vector<std::size_t> queryOrder(queries.size());
    std::iota(queryOrder.begin(), queryOrder.end(), std::size_t{0});
    std::sort(queryOrder.begin(), queryOrder.end(), [&](std::size_t a, std::size_t b) {
        return norm[queries[a]] != norm[queries[b]] ? norm[queries[a]] < norm[queries[b]] : queries[a] < queries[b];
    });
    const std::size_t blocks = (queries.size() + kQueryBlock - 1) / kQueryBlock;
    parallelFor(blocks, run, [&](std::size_t block, int) {
        const std::size_t qBegin = block * kQueryBlock;
        const std::size_t qEnd = std::min(queries.size(), qBegin + kQueryBlock);
        // A candidate c is out of reach of q when |‖q‖ - ‖c‖| exceeds q's k-th distance (with a
        // margin for the rounding of the square roots), never while q's list is not yet full.
        auto reach = [&](std::size_t q) {
            const std::vector<Neighbour>& l = lists[q];
            return int(l.size()) < k ? INFINITY : std::sqrt(double(l.back().squaredDistance) * (1.0 + 1e-9) + 1.0) + 1e-6;
        };
        auto visit = [&](std::size_t c0, std::size_t c1) {
            for (std::size_t i = qBegin; i < qEnd; ++i) {
                const std::size_t q = queryOrder[i];
                const std::uint32_t query = queries[q];
                const std::int16_t* a = m.row(query);
                std::vector<Neighbour>& list = lists[q];
                double r = reach(q);
                for (std::size_t j = c0; j < c1; ++j) {
                    const std::uint32_t c = byNorm[j];
                    if (c == query || std::abs(norm[c] - norm[query]) > r || (allowed && !allowed(query, c)))
                        continue;
                    const Neighbour nb{c, distance(a, m.row(c))};
                    if (int(list.size()) == k && !(nb < list.back()))
                        continue;
                    offer(list, k, nb);
                    r = reach(q);
                }
            }
        };
        // Start where the block's middle query sits among the candidates, then widen both ways
        // until every query of the block is out of reach on that side.
        const double middle = norm[queries[queryOrder[(qBegin + qEnd - 1) / 2]]];
        const std::size_t start = std::size_t(std::lower_bound(byNorm.begin(), byNorm.end(), middle,
                                                               [&](std::uint32_t c, double v) { return norm[c] < v; })
                                              - byNorm.begin());
        std::size_t up = start, down = start;
        bool upOpen = up < n, downOpen = down > 0;
        while (upOpen || downOpen) {
            if (run.feedback && run.feedback->isCancelled())
                return;
            if (upOpen) {
                const std::size_t end = std::min(n, up + kCandidateBlock);
                visit(up, end);
                up = end;
                upOpen = up < n;
                if (upOpen) {
                    const double next = norm[byNorm[up]];
                    upOpen = false;
                    for (std::size_t i = qBegin; i < qEnd && !upOpen; ++i)
                        upOpen = next - norm[queries[queryOrder[i]]] <= reach(queryOrder[i]);
                }
            }
            if (downOpen) {
                const std::size_t begin = down > kCandidateBlock ? down - kCandidateBlock : 0;
                visit(begin, down);
                down = begin;
                downOpen = down > 0;
                if (downOpen) {
                    const double next = norm[byNorm[down - 1]];
                    downOpen = false;
                    for (std::size_t i = qBegin; i < qEnd && !downOpen; ++i)
                        downOpen = norm[queries[queryOrder[i]]] - next <= reach(queryOrder[i]);
                }
            }
        }
    });
    if (run.feedback && run.feedback->isCancelled())
        for (auto& l : lists)
            l.clear();
    return lists;
}

} // namespace nofade
