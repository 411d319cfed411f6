#include "maths/rank_correlation.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace nofade {

std::vector<double> averageRanks(const std::vector<double>& values)
{
    const std::size_t n = values.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
    std::vector<double> ranks(n);
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        while (j + 1 < n && values[order[j + 1]] == values[order[i]])
            ++j;
        const double rank = (double(i) + double(j)) / 2.0 + 1.0; // mean of ranks i+1 .. j+1
        for (std::size_t k = i; k <= j; ++k)
            ranks[order[k]] = rank;
        i = j + 1;
    }
    return ranks;
}

std::optional<double> spearmanRho(const std::vector<double>& x, const std::vector<double>& y, QString* reason)
{
    const auto fail = [reason](const QString& why) -> std::optional<double> {
        if (reason)
            *reason = why;
        return std::nullopt;
    };
    if (x.size() != y.size())
        return fail(QStringLiteral("the two samples differ in size (%1 and %2)").arg(x.size()).arg(y.size()));
    if (x.size() < 3)
        return fail(QStringLiteral("needs at least 3 datasets (has %1)").arg(x.size()));
    for (std::size_t i = 0; i < x.size(); ++i)
        if (!std::isfinite(x[i]) || !std::isfinite(y[i]))
            return fail(QStringLiteral("value %1 is not a finite number").arg(i + 1));
    const std::vector<double> rx = averageRanks(x), ry = averageRanks(y);
    const double n = double(x.size());
    const double mean = (n + 1.0) / 2.0; // the mean of any average-rank vector
    double sxy = 0.0, sxx = 0.0, syy = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double dx = rx[i] - mean, dy = ry[i] - mean;
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    if (sxx == 0.0 || syy == 0.0)
        return fail(QStringLiteral("all datasets have the same value of %1").arg(sxx == 0.0 ? QStringLiteral("the measure")
                                                                                            : QStringLiteral("the outcome")));
    return sxy / std::sqrt(sxx * syy);
}

} // namespace nofade
