#include "complexity/neighbour_search.h"

#include <algorithm>
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
    : rows_(vectors.size()), data_(vectors.size() * kSmallFeatures)
{
    for (std::size_t i = 0; i < rows_; ++i)
        std::copy(vectors[i].begin(), vectors[i].end(), data_.begin() + std::ptrdiff_t(i * kSmallFeatures));
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
    if (k <= 0)
        return lists;
    const std::size_t n = m.size();
    const std::size_t blocks = (queries.size() + kQueryBlock - 1) / kQueryBlock;
    auto distance = hasAvx2() ? squaredDistanceAvx2 : squaredDistanceScalar;
    parallelFor(blocks, run, [&](std::size_t block, int) {
        const std::size_t qBegin = block * kQueryBlock;
        const std::size_t qEnd = std::min(queries.size(), qBegin + kQueryBlock);
        for (std::size_t c0 = 0; c0 < n; c0 += kCandidateBlock) {
            if (run.feedback && run.feedback->isCancelled())
                return;
            const std::size_t c1 = std::min(n, c0 + kCandidateBlock);
            for (std::size_t q = qBegin; q < qEnd; ++q) {
                const std::uint32_t query = queries[q];
                const std::int16_t* a = m.row(query);
                std::vector<Neighbour>& list = lists[q];
                for (std::size_t c = c0; c < c1; ++c) {
                    if (c == query || (allowed && !allowed(query, std::uint32_t(c))))
                        continue;
                    offer(list, k, Neighbour{std::uint32_t(c), distance(a, m.row(c))});
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
