#pragma once
// Four diminishing-returns curves of score y against x = log10 CO2_kg (METHODS.md section 10),
// fitted by least squares with Levenberg-Marquardt (Eigen), compared by AICc. Pure, no I/O.
//   saturating-exp  y = y_max - (y_max - y_0) exp(-k (x - x_min))          (today's curve)
//   power-floor     y = y_max - a (1 + x - x_min)^(-b)                     (algebraic approach)
//   logistic        y = y_low + (y_max - y_low) / (1 + exp(-k (x - x_mid)))
//   log-linear      y = a + b x
#include <optional>
#include <vector>
#include <QString>
#include <QStringList>

namespace nofade {

enum class CurveFamily { SaturatingExp, PowerFloor, Logistic, LogLinear };
inline constexpr CurveFamily kCurveFamilies[] = {CurveFamily::SaturatingExp, CurveFamily::PowerFloor,
                                                 CurveFamily::Logistic, CurveFamily::LogLinear};
QString curveFamilyName(CurveFamily family); // "saturating-exp" | "power-floor" | "logistic" | "log-linear"
std::optional<CurveFamily> curveFamilyFromName(const QString& name);
QStringList curveParameterNames(CurveFamily family); // in the order of Curve::parameters
int curveParameterCount(CurveFamily family);

struct Curve {
    CurveFamily family = CurveFamily::LogLinear;
    std::vector<double> parameters;
    double xMin = 0.0; // the cheapest model's x, the origin of saturating-exp and power-floor

    double valueAt(double x) const;
    double slopeAt(double x) const;                 // dy/dx, points per 10x CO2
    std::optional<double> ceiling() const;          // y_max, or nullopt (log-linear)
    // The x where the curve reaches y, on its rising part; nullopt when it never does.
    std::optional<double> xAt(double y) const;
    // The diminishing-returns point: the x beyond which dy/dx stays below `threshold`;
    // x_min when it is below there already; nullopt when it never falls below.
    std::optional<double> kneeX(double threshold) const;
};

struct CurveFit {
    Curve curve;
    double rss = 0.0;
    double r2 = 0.0;
    int points = 0;
    std::optional<double> aicc; // nullopt when there are too few points for it
    QString aiccReason;
};

// AICc = n ln(RSS/n) + 2K + 2K(K+1)/(n-K-1), K = parameters + 1 (the noise variance);
// nullopt when n <= K + 1.
std::optional<double> aiccOf(double rss, int points, int parameters);

// RSS, R² and AICc of a given curve on the points.
CurveFit curveFitOf(const Curve& curve, const std::vector<double>& x, const std::vector<double>& y);

// Fits one family; nullopt with `reason` when it does not converge, does not rise, or (families
// with a ceiling) levels off above `yCeiling`. `start`, when given, is the only starting point
// (the bootstrap starts each replicate from the full data's fit).
std::optional<CurveFit> fitCurve(CurveFamily family, const std::vector<double>& x, const std::vector<double>& y,
                                 double yCeiling, QString* reason, const Curve* start = nullptr);

} // namespace nofade
