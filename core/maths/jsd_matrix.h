#pragma once
// Every pairwise Jensen-Shannon distance of a set of class distributions, fast enough for
// ImageNet's 1000 classes (499,500 pairs) when the heatmap opens. Same definition and results as
// jensenShannonDistance (to rounding: exactly 0 for identical distributions, 1 to an ulp for
// disjoint ones), computed with each class's p log2 p taken once, one log per bin and pair (of the
// mixture) where both supports overlap, four bins at a time (jsd_pair_kernel.h), in row blocks
// dealt to several threads.
#include <cstdint>
#include <vector>

#include "maths/jensen_shannon.h"
#include "maths/jsd_pair_kernel.h"

namespace nofade {

// `counts`: each class's histogram counts, all of the same length, each with a positive total
// (std::invalid_argument otherwise). Pairs (a < b) index into it, in row order: (0,1), (0,2), ...,
// (1,2), ... `kernel`: which variant of the inner loop runs (tests and the bench compare them).
std::vector<JsdPair> pairwiseJensenShannon(const std::vector<std::vector<std::uint64_t>>& counts,
                                           int threads = 0, JsdKernel kernel = JsdKernel::Auto);

struct NormalParameters {
    double mean = 0.0;
    double stdDev = 0.0;
};

// The same for the Gaussian class model (numerical integration per pair; much slower).
std::vector<JsdPair> pairwiseGaussianJensenShannon(const std::vector<NormalParameters>& classes,
                                                   double sigmaFloor, int threads = 0);

} // namespace nofade
