#include "maths/entropy.h"

#include <cmath>

namespace nofade {

double shannonEntropyBits(std::span<const std::uint64_t> counts)
{
    std::uint64_t total = 0;
    for (std::uint64_t c : counts)
        total += c;
    if (total == 0)
        return -1.0;
    const double n = static_cast<double>(total);
    double h = 0.0;
    for (std::uint64_t c : counts) {
        if (c == 0)
            continue;
        const double p = static_cast<double>(c) / n;
        h -= p * std::log2(p);
    }
    // A single-level image gives exactly 0; guard the -0.0 that the subtraction can leave.
    return h <= 0.0 ? 0.0 : h;
}

} // namespace nofade
