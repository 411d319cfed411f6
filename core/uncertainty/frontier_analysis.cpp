#include "uncertainty/frontier_analysis.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "models/pareto.h"

namespace nofade {

namespace {

struct Xy {
    std::vector<double> x, y;
};

Xy toXy(const std::vector<FrontierPoint>& points)
{
    Xy d;
    for (const FrontierPoint& p : points) {
        d.x.push_back(std::log10(p.co2Kg));
        d.y.push_back(p.score);
    }
    return d;
}

// The best model: highest score, the cheapest among equals.
std::size_t bestIndex(const std::vector<double>& x, const std::vector<double>& y)
{
    std::size_t best = 0;
    for (std::size_t i = 1; i < y.size(); ++i)
        if (y[i] > y[best] || (y[i] == y[best] && x[i] < x[best]))
            best = i;
    return best;
}

// Leaves out the most expensive quarter of the Pareto front (at least one model) and every model
// as expensive, fits each family on the rest, and scores its prediction of the held-out models.
void backtest(const std::vector<FrontierPoint>& points, const FrontierSettings& s, FrontierAnalysis& a)
{
    std::vector<CostScore> cs;
    for (const FrontierPoint& p : points)
        cs.push_back({p.co2Kg, p.score});
    const std::vector<bool> front = paretoFront(cs);
    std::vector<std::size_t> frontByCost;
    for (std::size_t i = 0; i < points.size(); ++i)
        if (front[i])
            frontByCost.push_back(i);
    std::sort(frontByCost.begin(), frontByCost.end(), [&](std::size_t l, std::size_t r) { return cs[l].cost < cs[r].cost; });
    const std::size_t held = std::max<std::size_t>(1, (frontByCost.size() + 3) / 4);
    QString common;
    if (frontByCost.size() < 2)
        common = QStringLiteral("the Pareto front has fewer than 2 models");
    std::vector<std::size_t> test;
    Xy train;
    if (common.isEmpty()) {
        test.assign(frontByCost.end() - std::ptrdiff_t(held), frontByCost.end());
        const double cut = cs[test.front()].cost;
        for (std::size_t i = 0; i < points.size(); ++i)
            if (cs[i].cost < cut) {
                train.x.push_back(std::log10(cs[i].cost));
                train.y.push_back(cs[i].score);
            }
        for (std::size_t i : test)
            a.heldOut << points[i].model;
    }
    for (FamilyResult& f : a.families) {
        if (!common.isEmpty()) {
            f.backtestReason = common;
            continue;
        }
        // From the full data's fit first, the family's own starting points when that fails.
        QString why;
        auto fit = f.fit ? fitCurve(f.family, train.x, train.y, s.yCeiling, &why, &f.fit->curve) : std::nullopt;
        if (!fit)
            fit = fitCurve(f.family, train.x, train.y, s.yCeiling, &why);
        if (!fit) {
            f.backtestReason = QStringLiteral("without the %1 most expensive frontier model(s): %2").arg(held).arg(why);
            continue;
        }
        double sum = 0.0;
        for (std::size_t i : test)
            sum += std::abs(fit->curve.valueAt(std::log10(cs[i].cost)) - cs[i].score);
        f.backtestMae = sum / double(test.size());
    }
}

void choose(FrontierAnalysis& a)
{
    const FamilyResult* best = nullptr;
    for (const FamilyResult& f : a.families)
        if (f.fit && f.fit->aicc && (!best || *f.fit->aicc < *best->fit->aicc))
            best = &f;
    if (best) {
        a.chosen = best->family;
        a.chosenReason = QStringLiteral("lowest AICc");
        return;
    }
    // Too few models for AICc: today's rule, the saturation curve when it fits, else the line.
    for (CurveFamily f : {CurveFamily::SaturatingExp, CurveFamily::LogLinear})
        for (const FamilyResult& r : a.families)
            if (r.family == f && r.fit) {
                a.chosen = f;
                a.chosenReason = QStringLiteral("too few models for AICc: the saturation curve when it fits, else the log-linear line");
                return;
            }
    a.chosenReason = QStringLiteral("no family could be fitted");
}

std::optional<Interval90> percentileInterval(std::vector<double> values)
{
    if (values.empty())
        return std::nullopt;
    Interval90 i;
    i.low = quantile(values, 0.05);
    i.high = quantile(values, 0.95);
    if (!std::isfinite(i.low) || !std::isfinite(i.high))
        return std::nullopt;
    return i;
}

void bootstrap(const std::vector<FrontierPoint>& points, const FrontierSettings& s, const Curve& chosen, FrontierAnalysis& a)
{
    const std::size_t n = points.size();
    SeededRandom random = SeededRandom::stream(s.seed ^ 0xB0075784A9ULL, s.stream);
    std::vector<double> yMax, knee, next;
    int unreachable = 0;
    Xy d;
    d.x.resize(n);
    d.y.resize(n);
    // Past 1,000 models a replicate refits thousands of points while the interval is narrow:
    // the rounds are capped at 1,000,000 / n (at least 100) to keep the cost bounded.
    const int rounds = n > 1000 ? std::max(100, std::min(s.bootstrapRounds, int(1000000 / n))) : s.bootstrapRounds;
    for (int round = 0; round < rounds; ++round) {
        for (std::size_t i = 0; i < n; ++i) {
            const FrontierPoint& p = points[std::size_t(random.below(n))];
            d.x[i] = std::log10(p.drawCo2 ? p.drawCo2(random) : p.co2Kg);
            d.y[i] = p.score;
        }
        QString why;
        const auto fit = fitCurve(chosen.family, d.x, d.y, s.yCeiling, &why, &chosen);
        if (!fit) {
            ++a.bootstrapFailed;
            continue;
        }
        if (const auto c = fit->curve.ceiling())
            yMax.push_back(*c);
        if (const auto k = fit->curve.kneeX(s.kneeThreshold))
            knee.push_back(std::pow(10.0, *k));
        const std::size_t b = bestIndex(d.x, d.y);
        QString unused;
        if (const auto v = nextPointCo2(fit->curve, d.x[b], s.point, &unused)) {
            next.push_back(*v);
        } else {
            next.push_back(std::numeric_limits<double>::infinity());
            ++unreachable;
        }
    }
    a.bootstrapRounds = rounds;
    const int fitted = rounds - a.bootstrapFailed;
    const QString few = QStringLiteral("%1 of %2 bootstrap replicates could be fitted").arg(fitted).arg(rounds);
    if (2 * fitted < rounds) {
        a.yMaxReason = a.kneeReason = few + QStringLiteral(": no interval");
        if (a.nextPoint)
            a.nextPoint->intervalReason = a.yMaxReason;
        return;
    }
    if (!(a.yMaxInterval = percentileInterval(yMax)))
        a.yMaxReason = QStringLiteral("the %1 curve has no ceiling").arg(curveFamilyName(chosen.family));
    if (2 * knee.size() < std::size_t(fitted) || !(a.kneeCo2Interval = percentileInterval(knee)))
        a.kneeReason = QStringLiteral("the slope stays above the threshold in most replicates");
    if (a.nextPoint) {
        a.nextPoint->unreachableShare = next.empty() ? 0.0 : double(unreachable) / double(next.size());
        // Unreachable replicates count as infinitely expensive: beyond 5% of them the interval has
        // no upper bound (high = infinity), beyond 95% no lower one either.
        std::vector<double> copy = next;
        if (!copy.empty()) {
            Interval90 i{quantile(copy, 0.05), quantile(copy, 0.95)};
            if (std::isfinite(i.low))
                a.nextPoint->interval = i;
        }
        if (!a.nextPoint->interval)
            a.nextPoint->intervalReason = QStringLiteral("not reachable in %1% of the bootstrap replicates")
                                              .arg(QString::number(100.0 * a.nextPoint->unreachableShare, 'f', 1));
    }
}

} // namespace

std::optional<double> nextPointCo2(const Curve& curve, double xBest, double point, QString* reason)
{
    const double from = curve.valueAt(xBest);
    const double target = from + point;
    const auto ceiling = curve.ceiling();
    if (ceiling && target >= *ceiling) {
        *reason = QStringLiteral("the fit saturates below it (y_max %1, the best model's fitted score %2)")
                      .arg(*ceiling, 0, 'f', 2).arg(from, 0, 'f', 2);
        return std::nullopt;
    }
    const auto x = curve.xAt(target);
    if (!x) {
        *reason = QStringLiteral("the fit does not rise with CO2");
        return std::nullopt;
    }
    const double extra = std::pow(10.0, *x) - std::pow(10.0, xBest);
    if (!std::isfinite(extra) || extra < 0.0) {
        *reason = QStringLiteral("beyond any finite CO2 on this fit");
        return std::nullopt;
    }
    return extra;
}

FrontierAnalysis analyseFrontier(const std::vector<FrontierPoint>& points, const FrontierSettings& s)
{
    FrontierAnalysis a;
    const Xy d = toXy(points);
    for (CurveFamily family : kCurveFamilies) {
        FamilyResult r;
        r.family = family;
        if (family == CurveFamily::SaturatingExp && s.saturationGiven) {
            if (s.saturation)
                r.fit = curveFitOf(*s.saturation, d.x, d.y);
            else
                r.reason = s.saturationReason;
        } else {
            r.fit = fitCurve(family, d.x, d.y, s.yCeiling, &r.reason);
        }
        a.families.push_back(r);
    }
    choose(a);
    backtest(points, s, a);
    if (!a.chosen)
        return a;
    const Curve chosen = std::find_if(a.families.begin(), a.families.end(), [&](const FamilyResult& f) {
                             return f.family == *a.chosen;
                         })->fit->curve;
    const std::size_t b = bestIndex(d.x, d.y);
    NextPoint np;
    np.fromModel = points[b].model;
    np.fromScore = chosen.valueAt(d.x[b]);
    np.targetScore = np.fromScore + s.point;
    if (const auto v = nextPointCo2(chosen, d.x[b], s.point, &np.reason)) {
        np.reachable = true;
        np.value = *v;
    }
    a.nextPoint = np;
    if (s.bootstrapRounds > 0) {
        bootstrap(points, s, chosen, a);
    } else {
        a.yMaxReason = a.kneeReason = QStringLiteral("the bootstrap is off");
        a.nextPoint->intervalReason = a.yMaxReason;
    }
    if (!a.nextPoint->reachable) {
        a.nextPoint->interval.reset();
        a.nextPoint->intervalReason.clear();
    }
    return a;
}

} // namespace nofade
