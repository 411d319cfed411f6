#pragma once
// The pre-issue-7 class-distance kernel, for bench-jsd --old (see jsd_old_kernel.cpp).
#include <cstdint>
#include <vector>

#include "maths/jensen_shannon.h"

namespace nofade::bench {

std::vector<JsdPair> oldPairwiseJensenShannon(const std::vector<std::vector<std::uint64_t>>& counts,
                                              int threads = 0);

} // namespace nofade::bench
