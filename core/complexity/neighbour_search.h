#pragma once
// Exact nearest neighbours among small vectors (1024 bytes each). Distances are compared as the
// integer squared distance of the byte values (255^2 x the squared distance of the [0, 1]
// vectors), so they are exact and ties are real ties: a neighbour list is ordered by (distance,
// index), which also makes every result independent of the thread count and of the search order.
// Brute force in blocks (AVX2 when the CPU has it), pruned by lower bounds of the distance (the
// norms, |‖a‖ - ‖b‖| <= ‖a - b‖, or principal-component projections): in 1024 dimensions a k-d
// tree prunes nothing, while these bounds skip most candidates of real images.
#include <cstdint>
#include <functional>
#include <optional>
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

// From this many vectors on, the search is pruned by the principal-component bound (below).
inline constexpr std::size_t kProjectionBoundFrom = 8192;

// The small vectors, one row of kSmallFeatures bytes per vector, with lower bounds of their
// distances: a 1-D key whose differences never exceed the distance (the norm, or with projections
// the first principal coordinate), and optionally coordinates on the first principal components
// (an orthogonal projection never lengthens a difference: ‖P(a - b)‖ <= ‖a - b‖).
class VectorMatrix {
public:
    // `project`: compute the principal-component coordinates (worth it for many vectors).
    explicit VectorMatrix(const std::vector<SmallVector>& vectors, const ParallelRun& run = {},
                          std::optional<bool> project = std::nullopt);
    std::size_t size() const { return rows_; }
    const std::uint8_t* row(std::size_t i) const { return data_.data() + i * kSmallFeatures; }
    const std::vector<double>& keys() const { return keys_; }           // byte units
    const std::vector<std::uint32_t>& byKey() const { return byKey_; }  // rows by ascending key
    int projectedDims() const { return projectedDims_; }                // 0: no projections
    const double* projected(std::size_t i) const { return projected_.data() + i * std::size_t(projectedDims_); }

private:
    std::size_t rows_ = 0;
    std::vector<std::uint8_t> data_;
    std::vector<double> keys_;
    std::vector<std::uint32_t> byKey_;
    int projectedDims_ = 0;
    std::vector<double> projected_; // byte units
};

std::uint32_t squaredDistance(const std::uint8_t* a, const std::uint8_t* b);

// For each query in `queries` (indices into m): its `k` nearest other vectors, ordered by
// (distance, index), among those `allowed(query, candidate)` accepts (all when unset). Lists are
// shorter when fewer candidates exist. Returns one list per query (empty lists after a cancel).
std::vector<std::vector<Neighbour>> nearestNeighbours(
    const VectorMatrix& m, const std::vector<std::uint32_t>& queries, int k, const ParallelRun& run,
    const std::function<bool(std::uint32_t query, std::uint32_t candidate)>& allowed = {});

} // namespace nofade
