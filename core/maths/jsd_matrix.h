#pragma once
// Every pairwise Jensen-Shannon distance of a set of class distributions, fast enough for
// ImageNet's 1000 classes (499,500 pairs) when the heatmap opens. Same definition and results as
// jensenShannonDistance (to rounding, and exactly 0 for identical distributions), computed with
// each distribution's logs taken once, no log where one side is empty, on several threads.
#include <cstdint>
#include <vector>

#include "maths/jensen_shannon.h"

namespace nofade {

// `counts`: each class's histogram counts, all of the same length, each with a positive total.
// Pairs (a < b) index into it, in row order: (0,1), (0,2), ..., (1,2), ...
// Classes with equal totals (most of ImageNet's 1000 have exactly 1300 images) take an exact
// integer path with no log at all: sum_k [c + d + T(c) + T(d) - T(c + d)] / N, T(n) = n log2 n.
std::vector<JsdPair> pairwiseJensenShannon(const std::vector<std::vector<std::uint64_t>>& counts,
                                           int threads = 0);

struct NormalParameters {
    double mean = 0.0;
    double stdDev = 0.0;
};

// The same for the Gaussian class model (numerical integration per pair; much slower).
std::vector<JsdPair> pairwiseGaussianJensenShannon(const std::vector<NormalParameters>& classes,
                                                   double sigmaFloor, int threads = 0);

} // namespace nofade
