#include "profile/density_histogram.h"

#include <algorithm>

#include "maths/entropy_histogram.h"

namespace nofade {

namespace {
void finish(DensityHistogram& h)
{
    h.total = 0;
    for (std::uint64_t c : h.counts)
        h.total += c;
    h.density.assign(h.counts.size(), 0.0);
    if (h.total == 0)
        return;
    const double scale = 1.0 / (double(h.total) * h.binWidth);
    for (std::size_t i = 0; i < h.counts.size(); ++i)
        h.density[i] = double(h.counts[i]) * scale;
}
} // namespace

double DensityHistogram::maxDensity() const
{
    return density.empty() ? 0.0 : *std::max_element(density.begin(), density.end());
}

int DensityHistogram::binOf(double entropyBits) const
{
    if (counts.empty() || entropyBits < 0.0 || entropyBits > kMaxEntropyBits)
        return -1;
    return EntropyHistogram::binOf(entropyBits, bins());
}

std::vector<int> displayBinChoices()
{
    std::vector<int> out;
    for (int b = 8; b <= kFineHistogramBins; b *= 2)
        out.push_back(b);
    return out;
}

DensityHistogram rebinCounts(const std::vector<std::uint64_t>& fine, int bins)
{
    DensityHistogram h;
    const int n = int(fine.size());
    if (bins < 1 || n == 0)
        return h;
    if (n % bins != 0)
        bins = n; // not an exact grouping: keep the fine bins rather than invent boundaries
    const int group = n / bins;
    h.binWidth = kMaxEntropyBits / bins;
    h.counts.assign(std::size_t(bins), 0);
    for (int i = 0; i < n; ++i)
        h.counts[std::size_t(i / group)] += fine[std::size_t(i)];
    finish(h);
    return h;
}

DensityHistogram histogramOfImages(const std::vector<ImageEntropy>& images, int classIndex, int bins)
{
    DensityHistogram h;
    if (bins < 1)
        return h;
    h.binWidth = kMaxEntropyBits / bins;
    h.counts.assign(std::size_t(bins), 0);
    for (const ImageEntropy& im : images)
        if (classIndex < 0 || im.classIndex == classIndex)
            ++h.counts[std::size_t(EntropyHistogram::binOf(im.entropy, bins))];
    finish(h);
    return h;
}

} // namespace nofade
