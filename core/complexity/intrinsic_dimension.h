#pragma once
// Intrinsic dimension by TwoNN (Facco et al., Scientific Reports 7:12140, 2017), maximum
// likelihood form: ID = n / sum ln(r2 / r1), r1 and r2 the distances of each point to its first
// and second nearest other points; points with r1 = 0 (exact duplicates) are left out and counted.
#include <vector>

#include "complexity/measure_result.h"
#include "complexity/neighbour_search.h"
#include "complexity/vector_set.h"
#include "parallel/parallel_for.h"

namespace nofade {

// `lists`: each point's nearest others (at least 2, from nearestNeighbours over all of `set`),
// when already made for another measure; null: searched here.
MeasureResult twoNnIntrinsicDimension(const VectorSet& set, const ParallelRun& run,
                                      const std::vector<std::vector<Neighbour>>* lists = nullptr);

} // namespace nofade
