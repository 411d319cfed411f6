#pragma once
// Integer-count histograms of per-image entropies over [0, 8] bits. Counts, never densities, so
// that shard profiles merge exactly; densities and coarser bins are derived on demand.
#include <cstdint>
#include <vector>

namespace nofade {

constexpr double kMaxEntropyBits = 8.0;
constexpr int kFineHistogramBins = 1024; // 1/128 bit: the resolution profiles are stored at

class EntropyHistogram {
public:
    explicit EntropyHistogram(int bins = kFineHistogramBins);

    // The bin of an entropy value: floor(H / 8 * bins), with H = 8 in the last bin
    // (numpy.histogram's convention for range=(0, 8)).
    static int binOf(double entropyBits, int bins);

    void add(double entropyBits) { ++counts_[static_cast<std::size_t>(binOf(entropyBits, bins()))]; }
    bool merge(const EntropyHistogram& other); // false when the bin counts differ

    int bins() const { return static_cast<int>(counts_.size()); }
    double binWidth() const { return kMaxEntropyBits / bins(); }
    std::uint64_t total() const;
    const std::vector<std::uint64_t>& counts() const { return counts_; }
    std::vector<std::uint64_t>& counts() { return counts_; }

    // Counts normalised to sum 1 (all zeros for an empty histogram).
    std::vector<double> probabilities() const;

    // The q-quantile (0..1) with numpy's 'linear' rank (q * (n-1)), resolved within a bin by
    // spreading its images evenly across it. Accurate to the bin width. NaN when empty.
    double quantile(double q) const;

    bool operator==(const EntropyHistogram&) const = default;

private:
    std::vector<std::uint64_t> counts_;
};

} // namespace nofade
