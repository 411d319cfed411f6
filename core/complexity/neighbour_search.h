#pragma once
// Exact nearest neighbours among small vectors (1024 bytes each). Distances are compared as the
// integer squared distance of the byte values (255^2 x the squared distance of the [0, 1]
// vectors), so they are exact and ties are real ties: a neighbour list is ordered by (distance,
// index), which also makes every result independent of the thread count and of the search order.
// Brute force in blocks (AVX2 when the CPU has it), pruned by the norm bound
// |‖a‖ - ‖b‖| <= ‖a - b‖: in 1024 dimensions a k-d tree prunes nothing, while the norms of real
// images differ enough to skip most candidates.
#include <cstdint>
#include <functional>
#include <vector>

#include "complexity/small_vector.h"
#include "parallel/parallel_for.h"

namespace nofade {

struct Neighbour {
    std::uint32_t index = 0;
    std::uint32_t squaredDistance = 0; // in byte units: sum of (a_i - b_i)^2
    bool operator<(const Neighbour& o) const
    {
        return squaredDistance != o.squaredDistance ? squaredDistance < o.squaredDistance : index < o.index;
    }
};

// The small vectors, one row of kSmallFeatures bytes per vector, with their norms.
class VectorMatrix {
public:
    explicit VectorMatrix(const std::vector<SmallVector>& vectors);
    std::size_t size() const { return rows_; }
    const std::uint8_t* row(std::size_t i) const { return data_.data() + i * kSmallFeatures; }
    const std::vector<double>& norms() const { return norms_; }          // Euclidean, byte units
    const std::vector<std::uint32_t>& byNorm() const { return byNorm_; } // rows by ascending norm

private:
    std::size_t rows_ = 0;
    std::vector<std::uint8_t> data_;
    std::vector<double> norms_;
    std::vector<std::uint32_t> byNorm_;
};

std::uint32_t squaredDistance(const std::uint8_t* a, const std::uint8_t* b);

// For each query in `queries` (indices into m): its `k` nearest other vectors, ordered by
// (distance, index), among those `allowed(query, candidate)` accepts (all when unset). Lists are
// shorter when fewer candidates exist. Returns one list per query (empty lists after a cancel).
std::vector<std::vector<Neighbour>> nearestNeighbours(
    const VectorMatrix& m, const std::vector<std::uint32_t>& queries, int k, const ParallelRun& run,
    const std::function<bool(std::uint32_t query, std::uint32_t candidate)>& allowed = {});

} // namespace nofade
