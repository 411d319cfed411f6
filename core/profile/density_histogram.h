#pragma once
// Display histograms of per-image entropies over [0, 8] bits: coarser bins derived exactly from a
// profile's fine integer counts, or built from per-image entropies, with densities (1/bit) so that
// datasets of different sizes compare. Pure functions; reused by every histogram view and export.
#include <cstdint>
#include <vector>

#include "profile/profile.h"

namespace nofade {

struct DensityHistogram {
    double binWidth = 0.0;             // bits
    std::vector<std::uint64_t> counts;
    std::vector<double> density;       // counts / (total * binWidth): integrates to 1
    std::uint64_t total = 0;

    int bins() const { return int(counts.size()); }
    double lower(int bin) const { return bin * binWidth; }
    double upper(int bin) const { return (bin + 1) * binWidth; }
    double maxDensity() const;
    int binOf(double entropyBits) const; // -1 outside [0, 8]
};

// The display bin counts that divide the fine resolution, so every display bin is exact.
std::vector<int> displayBinChoices(); // 8, 16, ..., 1024

// Groups fine counts into `bins` bins (bins must divide fine.size()).
DensityHistogram rebinCounts(const std::vector<std::uint64_t>& fine, int bins);

// The histogram of the per-image entropies of one class (classIndex -1: all images).
DensityHistogram histogramOfImages(const std::vector<ImageEntropy>& images, int classIndex, int bins);

} // namespace nofade
