#pragma once
// Jensen-Shannon distance between class distributions (METHODS.md section 4). Pure, no I/O.
#include <optional>
#include <span>
#include <vector>
#include <QString>

namespace nofade {

// JSD(P,Q) = sqrt((KL(P||M) + KL(Q||M)) / 2), M = (P+Q)/2, base 2, range [0, 1].
// P and Q are normalised here (like scipy.spatial.distance.jensenshannon); both must have the
// same length and a positive sum.
double jensenShannonDistance(std::span<const double> p, std::span<const double> q);

// The JS distance between N(mu1, s1) and N(mu2, s2), by trapezoidal integration on a grid that
// has at least `pointsPerComponent` points across each component's mu +- 8 sigma (so a narrow
// component is resolved even when the other is wide). Sigmas are floored at `sigmaFloor`.
double gaussianJensenShannonDistance(double mu1, double s1, double mu2, double s2,
                                     double sigmaFloor = 1e-3, int pointsPerComponent = 4096);

// The parts of one JS distance, for showing the formula with its numbers (teaching tour):
// M = (P + Q) / 2, KL(P || M), KL(Q || M) in bits, and the distance sqrt((KL_P + KL_Q) / 2).
struct JsBreakdown {
    std::vector<double> p, q, m; // normalised
    double klPM = 0.0;
    double klQM = 0.0;
    double distance = 0.0;
};
JsBreakdown jensenShannonBreakdown(std::span<const double> p, std::span<const double> q);

struct JsdPair {
    int a = 0; // class indices, a < b
    int b = 0;
    double distance = 0.0;
};

struct JsdSummary {
    std::vector<JsdPair> pairs;
    double sum = 0.0;
    std::optional<double> complexity; // C_JS = ln(sum); absent with a reason
    QString reason;                   // why there is no complexity
};

// C_JS from the pair distances: ln(sum), absent when fewer than two usable classes or a zero sum.
JsdSummary summariseJsd(std::vector<JsdPair> pairs, int usableClasses);

// Why C_JS is negative, for the user (empty when it is not): ln of a sum of distances below 1.
QString negativeComplexityReason(const JsdSummary& summary);

} // namespace nofade
