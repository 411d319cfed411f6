#include "maths/jensen_shannon.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

namespace nofade {

namespace {

// x * log2(x / m) with the convention 0 * log(0 / m) = 0.
inline double relativeEntropyTerm(double x, double m)
{
    return x > 0.0 ? x * std::log2(x / m) : 0.0;
}

double normalPdf(double x, double mu, double sigma)
{
    const double z = (x - mu) / sigma;
    return std::exp(-0.5 * z * z) / (sigma * std::sqrt(2.0 * std::numbers::pi));
}

} // namespace

double jensenShannonDistance(std::span<const double> p, std::span<const double> q)
{
    if (p.size() != q.size())
        throw std::invalid_argument("jensenShannonDistance: distributions differ in length");
    double sp = 0.0, sq = 0.0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        sp += p[i];
        sq += q[i];
    }
    if (!(sp > 0.0) || !(sq > 0.0))
        throw std::invalid_argument("jensenShannonDistance: a distribution sums to zero");
    double js = 0.0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        const double pi = p[i] / sp;
        const double qi = q[i] / sq;
        const double m = 0.5 * (pi + qi);
        js += relativeEntropyTerm(pi, m) + relativeEntropyTerm(qi, m);
    }
    return std::sqrt(std::max(0.0, js / 2.0)); // rounding can leave a tiny negative
}

JsBreakdown jensenShannonBreakdown(std::span<const double> p, std::span<const double> q)
{
    const double distance = jensenShannonDistance(p, q); // validates the inputs
    double sp = 0.0, sq = 0.0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        sp += p[i];
        sq += q[i];
    }
    JsBreakdown b;
    b.distance = distance;
    for (std::size_t i = 0; i < p.size(); ++i) {
        b.p.push_back(p[i] / sp);
        b.q.push_back(q[i] / sq);
        b.m.push_back(0.5 * (b.p.back() + b.q.back()));
        b.klPM += relativeEntropyTerm(b.p.back(), b.m.back());
        b.klQM += relativeEntropyTerm(b.q.back(), b.m.back());
    }
    return b;
}

double gaussianJensenShannonDistance(double mu1, double s1, double mu2, double s2,
                                     double sigmaFloor, int pointsPerComponent)
{
    s1 = std::max(s1, sigmaFloor);
    s2 = std::max(s2, sigmaFloor);
    const int n = std::max(pointsPerComponent, 16);
    // A grid over the union of both supports, dense across each component's own +-8 sigma.
    const double lo = std::min(mu1 - 8 * s1, mu2 - 8 * s2);
    const double hi = std::max(mu1 + 8 * s1, mu2 + 8 * s2);
    std::vector<double> xs;
    xs.reserve(3 * static_cast<std::size_t>(n));
    auto addSpan = [&](double a, double b) {
        for (int i = 0; i < n; ++i)
            xs.push_back(a + (b - a) * i / (n - 1));
    };
    addSpan(lo, hi);
    addSpan(mu1 - 8 * s1, mu1 + 8 * s1);
    addSpan(mu2 - 8 * s2, mu2 + 8 * s2);
    std::sort(xs.begin(), xs.end());
    xs.erase(std::unique(xs.begin(), xs.end()), xs.end());

    auto integrand = [&](double x) {
        const double p = normalPdf(x, mu1, s1);
        const double q = normalPdf(x, mu2, s2);
        const double m = 0.5 * (p + q);
        return m > 0.0 ? relativeEntropyTerm(p, m) + relativeEntropyTerm(q, m) : 0.0;
    };
    double integral = 0.0;
    double prev = integrand(xs.front());
    for (std::size_t i = 1; i < xs.size(); ++i) {
        const double cur = integrand(xs[i]);
        integral += 0.5 * (prev + cur) * (xs[i] - xs[i - 1]);
        prev = cur;
    }
    return std::sqrt(std::clamp(integral / 2.0, 0.0, 1.0));
}

QString negativeComplexityReason(const JsdSummary& summary)
{
    // A sum that is 1 up to rounding (two disjoint classes) gives ln = -1e-16: not "negative".
    if (!summary.complexity || *summary.complexity > -1e-9)
        return {};
    return QStringLiteral("C_JS = ln(%1) is negative because the JS distances of the %2 class pair(s) add up to "
                          "less than 1: the classes' entropy distributions differ little (each distance is at "
                          "most 1, so with few classes a negative C_JS is expected; it still ranks datasets)")
        .arg(summary.sum, 0, 'g', 4)
        .arg(summary.pairs.size());
}

JsdSummary summariseJsd(std::vector<JsdPair> pairs, int usableClasses)
{
    JsdSummary s;
    s.pairs = std::move(pairs);
    for (const JsdPair& p : s.pairs)
        s.sum += p.distance;
    if (usableClasses < 2)
        s.reason = QStringLiteral("fewer than two classes with enough images (%1 usable)")
                       .arg(usableClasses);
    else if (!(s.sum > 0.0))
        s.reason = QStringLiteral("all class distributions are identical (sum of JS distances is 0)");
    else
        s.complexity = std::log(s.sum);
    return s;
}

} // namespace nofade
