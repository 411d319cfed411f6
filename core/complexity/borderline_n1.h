#pragma once
// N1, the fraction of borderline points (Ho & Basu, IEEE TPAMI 24(3), 2002): build the Euclidean
// minimum spanning tree of the sample; N1 = (points incident to an edge that joins two classes)
// / n. Edges compare by (length, smaller index, larger index), so the tree is unique even with
// ties and duplicates.
#include <cstdint>
#include <utility>
#include <vector>

#include "complexity/measure_result.h"
#include "complexity/neighbour_search.h"
#include "complexity/vector_set.h"
#include "parallel/parallel_for.h"

namespace nofade {

// The minimum spanning tree's n-1 edges (i < j), by Boruvka's algorithm on exact integer
// distances: each round every point's nearest point outside its component comes from a
// neighbour list made once, and only the points whose list lies inside their own component (and
// could still give their component's shortest edge) are searched again against all points.
// `lists`: each point's kSpanningTreeList nearest others (nearestNeighbours over all of `set`),
// when already made for another measure; null: searched here.
inline constexpr int kSpanningTreeList = 16;
std::vector<std::pair<std::uint32_t, std::uint32_t>> minimumSpanningTree(
    const VectorSet& set, const ParallelRun& run, const std::vector<std::vector<Neighbour>>* lists = nullptr);

// `set`: labelled vectors, classes 0..K-1.
MeasureResult borderlineN1(const VectorSet& set, const ParallelRun& run,
                           const std::vector<std::vector<Neighbour>>* lists = nullptr);

} // namespace nofade
