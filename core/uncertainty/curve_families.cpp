#include "uncertainty/curve_families.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <Eigen/Core>
#include <unsupported/Eigen/NonLinearOptimization>

#include "models/saturation_fit.h"

namespace nofade {

namespace {

double logistic(double z)
{
    return z >= 0 ? 1.0 / (1.0 + std::exp(-z)) : std::exp(z) / (1.0 + std::exp(z));
}

// Residuals and their Jacobian for the three nonlinear families.
struct CurveResiduals {
    using Scalar = double;
    enum { InputsAtCompileTime = Eigen::Dynamic, ValuesAtCompileTime = Eigen::Dynamic };
    using InputType = Eigen::VectorXd;
    using ValueType = Eigen::VectorXd;
    using JacobianType = Eigen::MatrixXd;

    CurveFamily family;
    const std::vector<double>& x;
    const std::vector<double>& y;
    double xMin;

    int inputs() const { return curveParameterCount(family); }
    int values() const { return int(x.size()); }

    Curve curve(const Eigen::VectorXd& p) const
    {
        return Curve{family, std::vector<double>(p.data(), p.data() + p.size()), xMin};
    }

    int operator()(const Eigen::VectorXd& p, Eigen::VectorXd& r) const
    {
        const Curve c = curve(p);
        for (std::size_t i = 0; i < x.size(); ++i)
            r[Eigen::Index(i)] = c.valueAt(x[i]) - y[i];
        return 0;
    }

    int df(const Eigen::VectorXd& p, Eigen::MatrixXd& j) const
    {
        for (std::size_t i = 0; i < x.size(); ++i) {
            const auto row = Eigen::Index(i);
            const double d = x[i] - xMin;
            switch (family) {
            case CurveFamily::SaturatingExp: {
                const double e = std::exp(-p[2] * d);
                j(row, 0) = 1.0 - e;
                j(row, 1) = e;
                j(row, 2) = (p[0] - p[1]) * d * e;
                break;
            }
            case CurveFamily::PowerFloor: {
                const double t = 1.0 + d, tb = std::pow(t, -p[2]);
                j(row, 0) = 1.0;
                j(row, 1) = -tb;
                j(row, 2) = p[1] * tb * std::log(t);
                break;
            }
            case CurveFamily::Logistic: {
                const double s = logistic(p[2] * (x[i] - p[3])), span = p[1] - p[0];
                j(row, 0) = 1.0 - s;
                j(row, 1) = s;
                j(row, 2) = span * s * (1.0 - s) * (x[i] - p[3]);
                j(row, 3) = -span * s * (1.0 - s) * p[2];
                break;
            }
            case CurveFamily::LogLinear:
                j(row, 0) = 1.0;
                j(row, 1) = x[i];
                break;
            }
        }
        return 0;
    }
};

double rSquared(const std::vector<double>& y, double rss)
{
    double mean = 0.0;
    for (double v : y)
        mean += v;
    mean /= double(y.size());
    double ssTot = 0.0;
    for (double v : y)
        ssTot += (v - mean) * (v - mean);
    return ssTot > 0.0 ? 1.0 - rss / ssTot : (rss == 0.0 ? 1.0 : 0.0);
}

std::vector<std::vector<double>> startingPoints(CurveFamily family, const std::vector<double>& x,
                                                const std::vector<double>& y)
{
    const auto [xLo, xHi] = std::minmax_element(x.begin(), x.end());
    const auto [yLo, yHi] = std::minmax_element(y.begin(), y.end());
    const double xRange = *xHi - *xLo, yRange = *yHi - *yLo;
    const double top = *yHi + 0.05 * yRange + 1e-9;
    std::vector<std::vector<double>> starts;
    switch (family) {
    case CurveFamily::SaturatingExp:
        for (double rate : {0.5, 1.0, 2.0, 4.0, 8.0})
            starts.push_back({top, *yLo, rate / xRange});
        break;
    case CurveFamily::PowerFloor:
        for (double b : {0.5, 1.0, 2.0, 4.0})
            starts.push_back({top, top - *yLo, b});
        break;
    case CurveFamily::Logistic:
        for (double where : {0.25, 0.5, 0.75})
            for (double rate : {2.0, 8.0})
                starts.push_back({*yLo - 0.05 * yRange, top, rate / xRange, *xLo + where * xRange});
        break;
    case CurveFamily::LogLinear:
        break;
    }
    return starts;
}

// Why a curve cannot stand for diminishing returns; empty when it can.
QString refusal(const Curve& c, double yCeiling)
{
    const std::vector<double>& p = c.parameters;
    for (double v : p)
        if (!std::isfinite(v))
            return QStringLiteral("the fit did not converge");
    switch (c.family) {
    case CurveFamily::SaturatingExp:
        if (!(p[2] > 0.0))
            return QStringLiteral("the scores do not level off (no fit with a positive rate k)");
        break;
    case CurveFamily::PowerFloor:
        if (!(p[1] > 0.0 && p[2] > 0.0))
            return QStringLiteral("the scores do not level off (no fit with positive a and b)");
        break;
    case CurveFamily::Logistic:
        if (!(p[2] > 0.0 && p[1] > p[0]))
            return QStringLiteral("the scores do not rise in an S (no fit with a positive rate and y_max > y_low)");
        break;
    case CurveFamily::LogLinear:
        return {};
    }
    if (p[c.family == CurveFamily::Logistic ? 1 : 0] > yCeiling)
        return QStringLiteral("the fitted saturation level y_max = %1 lies above the highest possible score (%2): "
                              "the scores do not level off within the data")
            .arg(*c.ceiling(), 0, 'g', 6).arg(yCeiling);
    return {};
}

} // namespace

QString curveFamilyName(CurveFamily family)
{
    switch (family) {
    case CurveFamily::SaturatingExp: return QStringLiteral("saturating-exp");
    case CurveFamily::PowerFloor: return QStringLiteral("power-floor");
    case CurveFamily::Logistic: return QStringLiteral("logistic");
    case CurveFamily::LogLinear: return QStringLiteral("log-linear");
    }
    return {};
}

std::optional<CurveFamily> curveFamilyFromName(const QString& name)
{
    for (CurveFamily f : kCurveFamilies)
        if (name == curveFamilyName(f))
            return f;
    return std::nullopt;
}

QStringList curveParameterNames(CurveFamily family)
{
    switch (family) {
    case CurveFamily::SaturatingExp: return {QStringLiteral("y_max"), QStringLiteral("y_0"), QStringLiteral("k")};
    case CurveFamily::PowerFloor: return {QStringLiteral("y_max"), QStringLiteral("a"), QStringLiteral("b")};
    case CurveFamily::Logistic:
        return {QStringLiteral("y_low"), QStringLiteral("y_max"), QStringLiteral("k"), QStringLiteral("x_mid")};
    case CurveFamily::LogLinear: return {QStringLiteral("a"), QStringLiteral("b")};
    }
    return {};
}

int curveParameterCount(CurveFamily family)
{
    return int(curveParameterNames(family).size());
}

double Curve::valueAt(double x) const
{
    const std::vector<double>& p = parameters;
    switch (family) {
    case CurveFamily::SaturatingExp: return p[0] - (p[0] - p[1]) * std::exp(-p[2] * (x - xMin));
    case CurveFamily::PowerFloor: return p[0] - p[1] * std::pow(1.0 + x - xMin, -p[2]);
    case CurveFamily::Logistic: return p[0] + (p[1] - p[0]) * logistic(p[2] * (x - p[3]));
    case CurveFamily::LogLinear: return p[0] + p[1] * x;
    }
    return 0.0;
}

double Curve::slopeAt(double x) const
{
    const std::vector<double>& p = parameters;
    switch (family) {
    case CurveFamily::SaturatingExp: return p[2] * (p[0] - p[1]) * std::exp(-p[2] * (x - xMin));
    case CurveFamily::PowerFloor: return p[1] * p[2] * std::pow(1.0 + x - xMin, -p[2] - 1.0);
    case CurveFamily::Logistic: {
        const double s = logistic(p[2] * (x - p[3]));
        return (p[1] - p[0]) * p[2] * s * (1.0 - s);
    }
    case CurveFamily::LogLinear: return p[1];
    }
    return 0.0;
}

std::optional<double> Curve::ceiling() const
{
    switch (family) {
    case CurveFamily::SaturatingExp:
    case CurveFamily::PowerFloor: return parameters[0];
    case CurveFamily::Logistic: return parameters[1];
    case CurveFamily::LogLinear: return std::nullopt;
    }
    return std::nullopt;
}

std::optional<double> Curve::xAt(double y) const
{
    const std::vector<double>& p = parameters;
    double x = 0.0;
    switch (family) {
    case CurveFamily::SaturatingExp:
        if (!(y < p[0]) || !(p[0] > p[1]) || !(p[2] > 0.0))
            return std::nullopt;
        x = xMin - std::log((p[0] - y) / (p[0] - p[1])) / p[2];
        break;
    case CurveFamily::PowerFloor:
        if (!(y < p[0]) || !(p[1] > 0.0) || !(p[2] > 0.0))
            return std::nullopt;
        x = xMin - 1.0 + std::pow(p[1] / (p[0] - y), 1.0 / p[2]);
        break;
    case CurveFamily::Logistic:
        if (!(y < p[1]) || !(y > p[0]) || !(p[2] > 0.0))
            return std::nullopt;
        x = p[3] - std::log((p[1] - p[0]) / (y - p[0]) - 1.0) / p[2];
        break;
    case CurveFamily::LogLinear:
        if (!(p[1] > 0.0))
            return std::nullopt;
        x = (y - p[0]) / p[1];
        break;
    }
    if (!std::isfinite(x))
        return std::nullopt;
    return x;
}

std::optional<double> Curve::kneeX(double threshold) const
{
    if (!(threshold > 0.0))
        return std::nullopt;
    const std::vector<double>& p = parameters;
    switch (family) {
    case CurveFamily::SaturatingExp:
        return saturationKnee(p[0], p[1], p[2], xMin, threshold);
    case CurveFamily::PowerFloor: {
        if (!(p[1] > 0.0 && p[2] > 0.0))
            return std::nullopt;
        const double initial = p[1] * p[2];
        if (initial <= threshold)
            return xMin;
        return xMin - 1.0 + std::pow(initial / threshold, 1.0 / (p[2] + 1.0));
    }
    case CurveFamily::Logistic: {
        const double span = p[1] - p[0];
        if (!(p[2] > 0.0 && span > 0.0))
            return std::nullopt;
        const double q = threshold / (span * p[2]); // s (1 - s) at the threshold
        if (q >= 0.25)
            return xMin; // the steepest slope, at x_mid, is already below the threshold
        const double s = (1.0 + std::sqrt(1.0 - 4.0 * q)) / 2.0; // the upper side of the S
        return std::max(xMin, p[3] + std::log(s / (1.0 - s)) / p[2]);
    }
    case CurveFamily::LogLinear:
        if (p[1] < threshold)
            return xMin;
        return std::nullopt;
    }
    return std::nullopt;
}

std::optional<double> aiccOf(double rss, int points, int parameters)
{
    const int k = parameters + 1;
    if (points - k - 1 <= 0)
        return std::nullopt;
    const double n = points;
    // A perfect fit would give ln 0: the floor keeps the comparison finite.
    const double perPoint = std::max(rss / n, 1e-300);
    return n * std::log(perPoint) + 2.0 * k + 2.0 * k * (k + 1.0) / (n - k - 1.0);
}

std::optional<CurveFit> fitCurve(CurveFamily family, const std::vector<double>& x, const std::vector<double>& y,
                                 double yCeiling, QString* reason, const Curve* start)
{
    const int parameters = curveParameterCount(family);
    if (int(x.size()) < parameters + 1 || y.size() != x.size()) {
        *reason = QStringLiteral("%1 needs at least %2 models (has %3)").arg(curveFamilyName(family)).arg(parameters + 1).arg(x.size());
        return std::nullopt;
    }
    const double xMin = *std::min_element(x.begin(), x.end());
    std::optional<CurveFit> best;
    QString lastRefusal = QStringLiteral("the fit did not converge");
    auto consider = [&](const Curve& c) {
        const QString why = refusal(c, yCeiling);
        if (!why.isEmpty()) {
            lastRefusal = why;
            return;
        }
        double rss = 0.0;
        for (std::size_t i = 0; i < x.size(); ++i)
            rss += (c.valueAt(x[i]) - y[i]) * (c.valueAt(x[i]) - y[i]);
        if (!std::isfinite(rss) || (best && rss >= best->rss))
            return;
        CurveFit f;
        f.curve = c;
        f.rss = rss;
        best = f;
    };
    if (family == CurveFamily::LogLinear) {
        const auto log = fitLogarithmic(x, y);
        if (!log) {
            *reason = QStringLiteral("all models have the same CO2");
            return std::nullopt;
        }
        consider(Curve{family, {log->a, log->b}, xMin});
    } else if (family == CurveFamily::SaturatingExp && !start) {
        // The report's own saturation fit, so that both give the same numbers.
        QString why;
        if (const auto s = fitSaturation(x, y, kDefaultKneeThreshold, yCeiling, &why))
            consider(Curve{family, {s->yMax, s->y0, s->k}, xMin});
        else
            lastRefusal = why;
    } else {
        if (*std::max_element(x.begin(), x.end()) == xMin) {
            *reason = QStringLiteral("all models have the same CO2");
            return std::nullopt;
        }
        CurveResiduals residuals{family, x, y, xMin};
        // A given start (the bootstrap's: the full data's fit) is the only one tried.
        const std::vector<std::vector<double>> starts =
            start && start->family == family ? std::vector<std::vector<double>>{start->parameters} : startingPoints(family, x, y);
        for (const std::vector<double>& s : starts) {
            Eigen::VectorXd p = Eigen::Map<const Eigen::VectorXd>(s.data(), Eigen::Index(s.size()));
            Eigen::LevenbergMarquardt<CurveResiduals> lm(residuals);
            // A replicate's percentiles need no more than 1e-8 relative precision in its parameters.
            lm.parameters.maxfev = 400;
            lm.parameters.xtol = start ? 1e-8 : 1e-12;
            lm.parameters.ftol = start ? 1e-10 : 1e-12;
            const auto status = lm.minimize(p);
            if (status == Eigen::LevenbergMarquardtSpace::ImproperInputParameters)
                continue;
            consider(residuals.curve(p));
        }
    }
    if (!best) {
        *reason = lastRefusal;
        return std::nullopt;
    }
    return curveFitOf(best->curve, x, y);
}

CurveFit curveFitOf(const Curve& curve, const std::vector<double>& x, const std::vector<double>& y)
{
    CurveFit f;
    f.curve = curve;
    for (std::size_t i = 0; i < x.size(); ++i)
        f.rss += (curve.valueAt(x[i]) - y[i]) * (curve.valueAt(x[i]) - y[i]);
    const int parameters = curveParameterCount(curve.family);
    f.points = int(x.size());
    f.r2 = rSquared(y, f.rss);
    f.aicc = aiccOf(f.rss, f.points, parameters);
    if (!f.aicc)
        f.aiccReason = QStringLiteral("AICc needs at least %1 models for %2 parameters").arg(parameters + 3).arg(parameters);
    return f;
}

} // namespace nofade
