#include "complexity/fisher_f1.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace nofade {

MeasureResult fisherF1(const VectorSet& set)
{
    MeasureResult r;
    const int classCount = set.classes.empty() ? 0 : *std::max_element(set.classes.begin(), set.classes.end()) + 1;
    if (classCount < 2) {
        r.reason = QStringLiteral("needs at least 2 classes in the sample");
        return r;
    }
    // Integer sums per class and feature are exact; the ratios are computed from them in double
    // with the 1/255 scale, which cancels in r_f.
    std::vector<std::int64_t> count(std::size_t(classCount), 0);
    std::vector<std::int64_t> sum(std::size_t(classCount) * kSmallFeatures, 0);
    std::vector<std::int64_t> sumSquares(std::size_t(classCount) * kSmallFeatures, 0);
    for (std::size_t i = 0; i < set.size(); ++i) {
        const std::size_t c = std::size_t(set.classes[i]);
        ++count[c];
        std::int64_t* s = sum.data() + c * kSmallFeatures;
        std::int64_t* q = sumSquares.data() + c * kSmallFeatures;
        for (int f = 0; f < kSmallFeatures; ++f) {
            const std::int64_t v = set.vectors[i][std::size_t(f)];
            s[f] += v;
            q[f] += v * v;
        }
    }
    const double n = double(set.size());
    double best = -1.0;
    for (int f = 0; f < kSmallFeatures; ++f) {
        std::int64_t total = 0;
        for (int c = 0; c < classCount; ++c)
            total += sum[std::size_t(c) * kSmallFeatures + std::size_t(f)];
        const double mean = double(total) / n;
        double between = 0.0, within = 0.0;
        for (int c = 0; c < classCount; ++c) {
            const std::size_t nc = std::size_t(count[std::size_t(c)]);
            if (nc == 0)
                continue;
            const std::int64_t s = sum[std::size_t(c) * kSmallFeatures + std::size_t(f)];
            const std::int64_t q = sumSquares[std::size_t(c) * kSmallFeatures + std::size_t(f)];
            const double classMean = double(s) / double(nc);
            between += double(nc) * (classMean - mean) * (classMean - mean);
            // sum (x - mu_c)^2 = (nc * q - s^2) / nc, exactly in integers before the division.
            within += double(std::int64_t(nc) * q - s * s) / double(nc);
        }
        if (within <= 0.0)
            continue;
        best = std::max(best, between / within);
    }
    r.points = std::int64_t(set.size());
    if (best < 0.0) {
        r.reason = QStringLiteral("every feature is constant within each class");
        return r;
    }
    r.value = 1.0 / (1.0 + best);
    return r;
}

} // namespace nofade
