#pragma once
// Shannon entropy of an intensity histogram (METHODS.md section 2). Pure, no I/O.
#include <array>
#include <cstdint>
#include <span>

namespace nofade {

using IntensityHistogram = std::array<std::uint64_t, 256>;

// H = -sum p_i log2 p_i over the non-empty bins, in bits. Returns a negative value for an
// empty histogram (zero pixels), which callers must treat as a failure, never as 0.
double shannonEntropyBits(std::span<const std::uint64_t> counts);

inline double shannonEntropyBits(const IntensityHistogram& h)
{
    return shannonEntropyBits(std::span<const std::uint64_t>(h.data(), h.size()));
}

} // namespace nofade
