#include "maths/entropy_histogram.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace nofade {

EntropyHistogram::EntropyHistogram(int bins)
    : counts_(static_cast<std::size_t>(std::max(1, bins)), 0)
{
}

int EntropyHistogram::binOf(double entropyBits, int bins)
{
    const double scaled = entropyBits / kMaxEntropyBits * bins;
    if (!(scaled > 0.0))
        return 0;
    return std::min(bins - 1, static_cast<int>(scaled));
}

bool EntropyHistogram::merge(const EntropyHistogram& other)
{
    if (other.counts_.size() != counts_.size())
        return false;
    for (std::size_t i = 0; i < counts_.size(); ++i)
        counts_[i] += other.counts_[i];
    return true;
}

std::uint64_t EntropyHistogram::total() const
{
    std::uint64_t t = 0;
    for (std::uint64_t c : counts_)
        t += c;
    return t;
}

std::vector<double> EntropyHistogram::probabilities() const
{
    std::vector<double> p(counts_.size(), 0.0);
    const std::uint64_t t = total();
    if (t == 0)
        return p;
    for (std::size_t i = 0; i < counts_.size(); ++i)
        p[i] = static_cast<double>(counts_[i]) / static_cast<double>(t);
    return p;
}

double EntropyHistogram::quantile(double q) const
{
    const std::uint64_t n = total();
    if (n == 0)
        return std::numeric_limits<double>::quiet_NaN();
    const double rank = std::clamp(q, 0.0, 1.0) * static_cast<double>(n - 1);
    std::uint64_t before = 0;
    for (std::size_t i = 0; i < counts_.size(); ++i) {
        const std::uint64_t c = counts_[i];
        if (c > 0 && rank < static_cast<double>(before + c)) {
            // The c images of this bin sit at the centres of c equal slices of the bin.
            const double within = (rank - static_cast<double>(before) + 0.5) / static_cast<double>(c);
            return (static_cast<double>(i) + within) * binWidth();
        }
        before += c;
    }
    return kMaxEntropyBits;
}

} // namespace nofade
