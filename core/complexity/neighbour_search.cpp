#include "complexity/neighbour_search.h"
#include "complexity/pca_embedding.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <immintrin.h>

namespace nofade {

namespace {

constexpr std::size_t kQueryBlock = 32;      // 64 KiB of queries
constexpr std::size_t kCandidateBlock = 128; // 256 KiB of candidates

std::uint32_t squaredDistanceScalar(const std::uint8_t* a, const std::uint8_t* b)
{
    std::uint32_t sum = 0;
    for (int i = 0; i < kSmallFeatures; ++i) {
        const int d = int(a[i]) - int(b[i]);
        sum += std::uint32_t(d * d);
    }
    return sum;
}

// Bytes widened to 16 bits, 16 differences per instruction, pairs of squares summed into 32-bit
// lanes by madd: exact, as each lane holds at most 64 x 2 x 255^2 < 2^31.
[[gnu::target("avx2")]] inline __m256i widened(const std::uint8_t* p)
{
    return _mm256_cvtepu8_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
}

[[gnu::target("avx2")]] inline std::uint32_t horizontalSum(__m256i v)
{
    __m128i s = _mm_add_epi32(_mm256_castsi256_si128(v), _mm256_extracti128_si256(v, 1));
    s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0x4E));
    s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0xB1));
    return std::uint32_t(_mm_cvtsi128_si32(s));
}

[[gnu::target("avx2")]] std::uint32_t squaredDistanceAvx2(const std::uint8_t* a, const std::uint8_t* b)
{
    __m256i acc = _mm256_setzero_si256();
    for (int i = 0; i < kSmallFeatures; i += 16) {
        const __m256i d = _mm256_sub_epi16(widened(a + i), widened(b + i));
        acc = _mm256_add_epi32(acc, _mm256_madd_epi16(d, d));
    }
    return horizontalSum(acc);
}

// One query against four candidates: the query's bytes are loaded once for all four.
[[gnu::target("avx2")]] void squaredDistances4Avx2(const std::uint8_t* a, const std::uint8_t* const* b, std::uint32_t* out)
{
    __m256i acc0 = _mm256_setzero_si256(), acc1 = _mm256_setzero_si256();
    __m256i acc2 = _mm256_setzero_si256(), acc3 = _mm256_setzero_si256();
    for (int i = 0; i < kSmallFeatures; i += 16) {
        const __m256i q = widened(a + i);
        const __m256i d0 = _mm256_sub_epi16(q, widened(b[0] + i));
        const __m256i d1 = _mm256_sub_epi16(q, widened(b[1] + i));
        const __m256i d2 = _mm256_sub_epi16(q, widened(b[2] + i));
        const __m256i d3 = _mm256_sub_epi16(q, widened(b[3] + i));
        acc0 = _mm256_add_epi32(acc0, _mm256_madd_epi16(d0, d0));
        acc1 = _mm256_add_epi32(acc1, _mm256_madd_epi16(d1, d1));
        acc2 = _mm256_add_epi32(acc2, _mm256_madd_epi16(d2, d2));
        acc3 = _mm256_add_epi32(acc3, _mm256_madd_epi16(d3, d3));
    }
    out[0] = horizontalSum(acc0);
    out[1] = horizontalSum(acc1);
    out[2] = horizontalSum(acc2);
    out[3] = horizontalSum(acc3);
}

bool hasAvx2()
{
    static const bool has = __builtin_cpu_supports("avx2");
    return has;
}

// Keeps the k smallest (distance, index) pairs seen, sorted.
inline void offer(std::vector<Neighbour>& list, int k, Neighbour n)
{
    if (int(list.size()) == k) {
        if (!(n < list.back()))
            return;
        list.pop_back();
    }
    list.insert(std::upper_bound(list.begin(), list.end(), n), n);
}

} // namespace

VectorMatrix::VectorMatrix(const std::vector<SmallVector>& vectors, const ParallelRun& run, std::optional<bool> project)
    : rows_(vectors.size()), data_(vectors.size() * kSmallFeatures), keys_(vectors.size()), byKey_(vectors.size())
{
    for (std::size_t i = 0; i < rows_; ++i) {
        std::copy(vectors[i].begin(), vectors[i].end(), data_.begin() + std::ptrdiff_t(i * kSmallFeatures));
        std::uint64_t squares = 0;
        for (std::uint8_t v : vectors[i])
            squares += std::uint64_t(v) * v;
        keys_[i] = std::sqrt(double(squares));
    }
    if (project.value_or(rows_ >= kProjectionBoundFrom) && rows_ > 1) {
        constexpr int kDims = 16;
        projected_ = pcaEmbedding(vectors, kDims, run);
        if (projected_.size() == rows_ * kDims) {
            projectedDims_ = kDims;
            for (double& v : projected_)
                v *= 255.0; // the embedding is in [0, 1] units
            for (std::size_t i = 0; i < rows_; ++i)
                keys_[i] = projected_[i * kDims];
        }
    }
    std::iota(byKey_.begin(), byKey_.end(), 0u);
    std::sort(byKey_.begin(), byKey_.end(), [&](std::uint32_t a, std::uint32_t b) {
        return keys_[a] != keys_[b] ? keys_[a] < keys_[b] : a < b;
    });
}

std::uint32_t squaredDistance(const std::uint8_t* a, const std::uint8_t* b)
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
    const bool avx2 = hasAvx2();
    auto distance = avx2 ? squaredDistanceAvx2 : squaredDistanceScalar;
    // Candidates in order of their key, whose differences never exceed the distance: a query only
    // needs the candidates whose key lies within its current k-th distance of its own. Queries go
    // in blocks of similar key, which share the candidates they read.
    const std::vector<double>& norm = m.keys();
    const std::vector<std::uint32_t>& byNorm = m.byKey();
    const int dims = m.projectedDims();
    // Whether the projections show c out of reach of the query: their squared distance (never
    // above the true one but for rounding, far below the margin) beyond the k-th distance.
    auto projectedBeyond = [&](std::uint32_t query, std::uint32_t c, double kth) {
        if (dims == 0)
            return false;
        const double* x = m.projected(query);
        const double* y = m.projected(c);
        double sum = 0.0;
        for (int d = 0; d < dims; ++d)
            sum += (x[d] - y[d]) * (x[d] - y[d]);
        return sum > kth * (1.0 + 1e-9) + 1.0;
    };
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
        std::uint32_t pending[kCandidateBlock];
        auto visit = [&](std::size_t c0, std::size_t c1) {
            for (std::size_t i = qBegin; i < qEnd; ++i) {
                const std::size_t q = queryOrder[i];
                const std::uint32_t query = queries[q];
                const std::uint8_t* a = m.row(query);
                std::vector<Neighbour>& list = lists[q];
                const double r = reach(q);
                const double kth = int(list.size()) < k ? INFINITY : double(list.back().squaredDistance);
                std::size_t count = 0;
                for (std::size_t j = c0; j < c1; ++j) {
                    const std::uint32_t c = byNorm[j];
                    if (c != query && std::abs(norm[c] - norm[query]) <= r && !projectedBeyond(query, c, kth)
                        && (!allowed || allowed(query, c)))
                        pending[count++] = c;
                }
                std::size_t j = 0;
                if (avx2) {
                    for (; j + 4 <= count; j += 4) {
                        const std::uint8_t* b[4] = {m.row(pending[j]), m.row(pending[j + 1]), m.row(pending[j + 2]),
                                                    m.row(pending[j + 3])};
                        std::uint32_t d[4];
                        squaredDistances4Avx2(a, b, d);
                        for (int t = 0; t < 4; ++t)
                            offer(list, k, Neighbour{pending[j + std::size_t(t)], d[t]});
                    }
                }
                for (; j < count; ++j)
                    offer(list, k, Neighbour{pending[j], distance(a, m.row(pending[j]))});
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
