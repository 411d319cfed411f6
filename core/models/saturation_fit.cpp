#include "models/saturation_fit.h"

#include <algorithm>
#include <cmath>
#include <Eigen/Core>
#include <unsupported/Eigen/NonLinearOptimization>

namespace nofade {

namespace {

// Residuals r_i = model(x_i) - y_i of the saturation curve, parameters (y_max, y_0, k).
struct SaturationResiduals {
    using Scalar = double;
    enum { InputsAtCompileTime = Eigen::Dynamic, ValuesAtCompileTime = Eigen::Dynamic };
    using InputType = Eigen::VectorXd;
    using ValueType = Eigen::VectorXd;
    using JacobianType = Eigen::MatrixXd;

    const std::vector<double>& x;
    const std::vector<double>& y;
    double xMin;

    int inputs() const { return 3; }
    int values() const { return int(x.size()); }

    int operator()(const Eigen::VectorXd& p, Eigen::VectorXd& r) const
    {
        for (std::size_t i = 0; i < x.size(); ++i)
            r[Eigen::Index(i)] = p[0] - (p[0] - p[1]) * std::exp(-p[2] * (x[i] - xMin)) - y[i];
        return 0;
    }

    int df(const Eigen::VectorXd& p, Eigen::MatrixXd& j) const
    {
        for (std::size_t i = 0; i < x.size(); ++i) {
            const double e = std::exp(-p[2] * (x[i] - xMin));
            const auto row = Eigen::Index(i);
            j(row, 0) = 1.0 - e;
            j(row, 1) = e;
            j(row, 2) = (p[0] - p[1]) * (x[i] - xMin) * e;
        }
        return 0;
    }
};

double rSquared(const std::vector<double>& y, const std::vector<double>& fitted)
{
    double mean = 0.0;
    for (double v : y)
        mean += v;
    mean /= double(y.size());
    double ssRes = 0.0, ssTot = 0.0;
    for (std::size_t i = 0; i < y.size(); ++i) {
        ssRes += (y[i] - fitted[i]) * (y[i] - fitted[i]);
        ssTot += (y[i] - mean) * (y[i] - mean);
    }
    return ssTot > 0.0 ? 1.0 - ssRes / ssTot : (ssRes == 0.0 ? 1.0 : 0.0);
}

} // namespace

double SaturationFit::valueAt(double x) const
{
    return yMax - (yMax - y0) * std::exp(-k * (x - xMin));
}

double SaturationFit::slopeAt(double x) const
{
    return k * (yMax - y0) * std::exp(-k * (x - xMin));
}

std::optional<double> saturationKnee(double yMax, double y0, double k, double xMin, double threshold)
{
    if (!(k > 0.0) || !(threshold > 0.0))
        return std::nullopt;
    const double initialSlope = k * (yMax - y0);
    if (initialSlope <= threshold)
        return xMin;
    return xMin + std::log(initialSlope / threshold) / k;
}

std::optional<LogFit> fitLogarithmic(const std::vector<double>& x, const std::vector<double>& y)
{
    const std::size_t n = x.size();
    if (n < 2 || y.size() != n)
        return std::nullopt;
    double mx = 0.0, my = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        mx += x[i];
        my += y[i];
    }
    mx /= double(n);
    my /= double(n);
    double sxx = 0.0, sxy = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        sxx += (x[i] - mx) * (x[i] - mx);
        sxy += (x[i] - mx) * (y[i] - my);
    }
    if (!(sxx > 0.0))
        return std::nullopt;
    LogFit fit;
    fit.b = sxy / sxx;
    fit.a = my - fit.b * mx;
    std::vector<double> fitted(n);
    for (std::size_t i = 0; i < n; ++i)
        fitted[i] = fit.a + fit.b * x[i];
    fit.r2 = rSquared(y, fitted);
    return fit;
}

std::optional<SaturationFit> fitSaturation(const std::vector<double>& x, const std::vector<double>& y,
                                           double kneeThreshold, double yCeiling, QString* reason)
{
    const auto [xLo, xHi] = std::minmax_element(x.begin(), x.end());
    const auto [yLo, yHi] = std::minmax_element(y.begin(), y.end());
    const double xMin = *xLo, xRange = *xHi - *xLo, yRange = *yHi - *yLo;
    if (!(xRange > 0.0)) {
        *reason = QStringLiteral("all models have the same CO2");
        return std::nullopt;
    }
    SaturationResiduals residuals{x, y, xMin};
    std::optional<SaturationFit> best;
    double bestCost = 0.0;
    // Several starting rates: the optimiser is local, the data decide which basin is best.
    for (double rate : {0.5, 1.0, 2.0, 4.0, 8.0}) {
        Eigen::VectorXd p(3);
        p << *yHi + 0.05 * yRange + 1e-9, *yLo, rate / xRange;
        Eigen::LevenbergMarquardt<SaturationResiduals> lm(residuals);
        lm.parameters.maxfev = 4000;
        lm.parameters.xtol = 1e-12;
        lm.parameters.ftol = 1e-12;
        const auto status = lm.minimize(p);
        if (status == Eigen::LevenbergMarquardtSpace::ImproperInputParameters || !p.allFinite() || !(p[2] > 0.0))
            continue;
        Eigen::VectorXd r(Eigen::Index(x.size()));
        residuals(p, r);
        const double cost = r.squaredNorm();
        if (best && cost >= bestCost)
            continue;
        SaturationFit fit;
        fit.yMax = p[0];
        fit.y0 = p[1];
        fit.k = p[2];
        fit.xMin = xMin;
        fit.evaluations = int(lm.nfev);
        bestCost = cost;
        best = fit;
    }
    if (!best) {
        *reason = QStringLiteral("the scores do not level off (no fit with a positive rate k)");
        return std::nullopt;
    }
    if (best->yMax > yCeiling) {
        *reason = QStringLiteral("the fitted saturation level y_max = %1 lies above the highest possible score (%2): "
                                 "the scores do not level off within the data")
                      .arg(best->yMax, 0, 'g', 6).arg(yCeiling);
        return std::nullopt;
    }
    std::vector<double> fitted(x.size());
    for (std::size_t i = 0; i < x.size(); ++i)
        fitted[i] = best->valueAt(x[i]);
    best->r2 = rSquared(y, fitted);
    best->headroom = best->yMax - *yHi;
    best->warning = saturationBelowBestWarning(best->yMax, *yHi);
    best->kneeX = saturationKnee(best->yMax, best->y0, best->k, xMin, kneeThreshold);
    if (!best->kneeX)
        best->kneeReason = QStringLiteral("the threshold must be positive");
    return best;
}

QString saturationBelowBestWarning(double yMax, double bestScore)
{
    if (!(yMax < bestScore))
        return {};
    return QStringLiteral("the fitted saturation level y_max = %1 lies %2 points below the best score (%3): the curve "
                          "says the scores level off before the best model, which they do not; its headroom and knee "
                          "are not a ceiling (the scores may still be rising, or one model stands out)")
        .arg(yMax, 0, 'f', 2)
        .arg(bestScore - yMax, 0, 'f', 2)
        .arg(bestScore, 0, 'f', 2);
}

DiminishingReturns fitDiminishingReturns(const std::vector<double>& x, const std::vector<double>& y,
                                         double kneeThreshold, double yCeiling)
{
    DiminishingReturns out;
    if (int(x.size()) < kMinFitModels) {
        out.reason = QStringLiteral("a fit needs at least %1 models with CO2 and a score; this dataset has %2")
                         .arg(kMinFitModels).arg(x.size());
        return out;
    }
    out.log = fitLogarithmic(x, y);
    out.saturation = fitSaturation(x, y, kneeThreshold, yCeiling, &out.saturationReason);
    if (!out.log && !out.saturation)
        out.reason = out.saturationReason;
    return out;
}

} // namespace nofade
