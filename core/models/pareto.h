#pragma once
// Pareto front of cost (CO2) against score, and each model's marginal cost against the previous
// model on the front (METHODS.md section 7). Pure, no I/O.
#include <optional>
#include <vector>
#include <QString>

namespace nofade {

struct CostScore {
    double cost = 0.0;  // kg CO2
    double score = 0.0;
};

// onFront[i]: no other point has cost <= and score >= with one of them strictly better.
// Identical points are all on the front. O(n log n).
std::vector<bool> paretoFront(const std::vector<CostScore>& points);

struct Marginal {
    std::optional<double> costPerPoint; // extra cost per extra score point
    int previous = -1;                  // index of the previous Pareto point, or -1
    QString reason;                     // why there is no value
};

// For each point: the previous Pareto point is the front point with the largest cost below the
// point's own cost; the marginal cost is (cost - cost_prev) / (score - score_prev) when the
// score is higher. `names` (optional, same size) name the previous model in reasons.
std::vector<Marginal> marginalCosts(const std::vector<CostScore>& points, const std::vector<bool>& onFront,
                                    const std::vector<QString>& names = {});

} // namespace nofade
