#pragma once
// Spearman's rank correlation: Pearson's correlation of the two samples' ranks, ties given their
// average rank (as scipy.stats.spearmanr).
#include <optional>
#include <vector>
#include <QString>

namespace nofade {

// Ranks 1..n of `values`, ties sharing the mean of the ranks they span.
std::vector<double> averageRanks(const std::vector<double>& values);

// rho of the paired samples; nullopt with `reason` when there are fewer than 3 pairs, the sizes
// differ, a value is not finite, or one sample is constant (its ranks have no spread).
std::optional<double> spearmanRho(const std::vector<double>& x, const std::vector<double>& y, QString* reason = nullptr);

} // namespace nofade
