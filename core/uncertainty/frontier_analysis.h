#pragma once
// One dataset's diminishing-returns analysis beyond today's fit (METHODS.md section 10): the
// four curve families with AICc and a back-test, the chosen family, bootstrap intervals of its
// ceiling and diminishing-returns point, and the cost of the next score point. Pure, no I/O.
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>
#include <QString>
#include <QStringList>

#include "sampling/seeded_random.h"
#include "uncertainty/co2_monte_carlo.h"
#include "uncertainty/curve_families.h"

namespace nofade {

struct FamilyResult {
    CurveFamily family = CurveFamily::LogLinear;
    std::optional<CurveFit> fit;
    QString reason;                   // why there is no fit
    std::optional<double> backtestMae; // points, on the held-out expensive frontier models
    QString backtestReason;
};

struct NextPoint {
    bool reachable = false;
    QString reason;                    // why it is not reachable
    double value = 0.0;                // extra kg CO2 over the best frontier model
    std::optional<Interval90> interval;  // bootstrap 90% interval of `value`; high may be infinite
    QString intervalReason;
    double unreachableShare = 0.0;     // share of bootstrap replicates where it is not reachable
    QString fromModel;                 // the best frontier model
    double fromScore = 0.0;            // the fit's score at the best model's CO2 ...
    double targetScore = 0.0;          // ... and one point more
};

struct FrontierAnalysis {
    std::vector<FamilyResult> families; // in kCurveFamilies order
    std::optional<CurveFamily> chosen;
    QString chosenReason;               // how it was chosen, or why there is none
    QStringList heldOut;                // models left out by the back-test
    std::optional<Interval90> yMaxInterval;
    QString yMaxReason;
    std::optional<Interval90> kneeCo2Interval; // kg CO2
    QString kneeReason;
    std::optional<NextPoint> nextPoint;
    int bootstrapRounds = 0;
    int bootstrapFailed = 0;            // replicates where the chosen family could not be fitted
};

struct FrontierPoint {
    QString model;
    double co2Kg = 0.0;
    double score = 0.0;
    // Draws the model's CO2 for a bootstrap replicate; empty: the point value is used.
    std::function<double(SeededRandom&)> drawCo2;
};

struct FrontierSettings {
    double yCeiling = 100.0;
    double point = 1.0;          // one score point in the table's unit (1, or 0.01 for fractions)
    double kneeThreshold = 1.0;  // points per 10x CO2
    int bootstrapRounds = kDefaultBootstrapRounds;
    std::uint64_t seed = 1;
    std::uint64_t stream = 0;    // e.g. the dataset's index
    // The saturating-exp fit already made of these points (the report's), or the reason there is none.
    std::optional<Curve> saturation;
    QString saturationReason;
    bool saturationGiven = false;
};

// Fits every family, chooses by AICc, back-tests, bootstraps and prices the next point.
FrontierAnalysis analyseFrontier(const std::vector<FrontierPoint>& points, const FrontierSettings& settings);

// The extra kg CO2 along `curve` from x_best to one point above the curve there; nullopt with
// `reason` when the curve saturates below that or does not rise.
std::optional<double> nextPointCo2(const Curve& curve, double xBest, double point, QString* reason);

} // namespace nofade
