#include "models/pareto.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace nofade {

std::vector<bool> paretoFront(const std::vector<CostScore>& points)
{
    const std::size_t n = points.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (points[a].cost != points[b].cost)
            return points[a].cost < points[b].cost;
        return points[a].score > points[b].score;
    });
    std::vector<bool> front(n, false);
    double bestCheaper = -std::numeric_limits<double>::infinity(); // best score at a strictly lower cost
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i; // [i, j): one group of equal cost, best score first
        while (j < n && points[order[j]].cost == points[order[i]].cost)
            ++j;
        const double groupBest = points[order[i]].score;
        for (std::size_t g = i; g < j; ++g) {
            const double s = points[order[g]].score;
            front[order[g]] = s == groupBest && s > bestCheaper;
        }
        bestCheaper = std::max(bestCheaper, groupBest);
        i = j;
    }
    return front;
}

std::vector<Marginal> marginalCosts(const std::vector<CostScore>& points, const std::vector<bool>& onFront,
                                    const std::vector<QString>& names)
{
    std::vector<std::size_t> frontByCost;
    for (std::size_t i = 0; i < points.size(); ++i)
        if (onFront[i])
            frontByCost.push_back(i);
    std::sort(frontByCost.begin(), frontByCost.end(),
              [&](std::size_t a, std::size_t b) { return points[a].cost < points[b].cost; });
    std::vector<Marginal> out(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        Marginal& m = out[i];
        // the last front point with cost strictly below this one
        const auto it = std::lower_bound(frontByCost.begin(), frontByCost.end(), points[i].cost,
                                         [&](std::size_t f, double cost) { return points[f].cost < cost; });
        if (it == frontByCost.begin()) {
            m.reason = onFront[i] ? QStringLiteral("the cheapest model on the Pareto front")
                                  : QStringLiteral("no cheaper model on the Pareto front");
            continue;
        }
        const std::size_t p = *(it - 1);
        m.previous = int(p);
        const QString prevName = p < names.size() ? QStringLiteral(" \"%1\"").arg(names[p]) : QString();
        const double gain = points[i].score - points[p].score;
        if (gain <= 0) {
            m.reason = QStringLiteral("no score gain over the previous Pareto model%1").arg(prevName);
            continue;
        }
        m.costPerPoint = (points[i].cost - points[p].cost) / gain;
    }
    return out;
}

} // namespace nofade
