#pragma once
// Diminishing-returns fits over one dataset's models (METHODS.md section 7), x = log10 CO2_kg,
// y = score. Saturation y = y_max - (y_max - y_0) exp(-k (x - x_min)) by Levenberg-Marquardt
// (Eigen's unsupported module), logarithmic y = a + b x by linear least squares. Pure, no I/O.
#include <limits>
#include <optional>
#include <vector>
#include <QString>

namespace nofade {

inline constexpr int kMinFitModels = 4;
// Default diminishing-returns threshold: 1 score point per 10x CO2 (per unit of log10 CO2).
inline constexpr double kDefaultKneeThreshold = 1.0;

struct SaturationFit {
    double yMax = 0.0;
    double y0 = 0.0;
    double k = 0.0;
    double xMin = 0.0;
    double r2 = 0.0;
    double headroom = 0.0;          // y_max - best observed score
    // Set when the fit cannot be read as a ceiling (its asymptote lies below the best score).
    QString warning;
    std::optional<double> kneeX;    // log10 CO2 where dy/dx falls below the threshold
    QString kneeReason;
    int evaluations = 0;

    double valueAt(double x) const;
    double slopeAt(double x) const; // dy/dx, score points per unit of log10 CO2
};

struct LogFit {
    double a = 0.0;
    double b = 0.0; // score points per 10x CO2
    double r2 = 0.0;
};

struct DiminishingReturns {
    std::optional<SaturationFit> saturation;
    QString saturationReason; // why there is no saturation fit
    std::optional<LogFit> log;
    QString reason;           // why there is no fit at all (fewer than 4 models, ...)
};

// x where k (y_max - y_0) exp(-k (x - x_min)) = threshold; x_min when the slope is already below it.
// The warning for a saturation level y_max below the best observed score (empty when it is not).
QString saturationBelowBestWarning(double yMax, double bestScore);

std::optional<double> saturationKnee(double yMax, double y0, double k, double xMin, double threshold);

std::optional<LogFit> fitLogarithmic(const std::vector<double>& x, const std::vector<double>& y);
// A fit whose y_max lies above `yCeiling` (e.g. 100 for percent scores) is refused with a reason:
// the scores do not level off within reach of the data.
std::optional<SaturationFit> fitSaturation(const std::vector<double>& x, const std::vector<double>& y,
                                           double kneeThreshold, double yCeiling, QString* reason);
DiminishingReturns fitDiminishingReturns(const std::vector<double>& x, const std::vector<double>& y,
                                         double kneeThreshold = kDefaultKneeThreshold,
                                         double yCeiling = std::numeric_limits<double>::infinity());

} // namespace nofade
