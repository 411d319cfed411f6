#include "uncertainty/input_ranges.h"

#include <cmath>
#include <QStringList>

#include "models/text_values.h"

namespace nofade {

UniformRange rangeFromText(const QString& text, bool* ok)
{
    const QStringList parts = text.split(QLatin1Char(':'));
    *ok = false;
    if (parts.size() > 2)
        return {};
    const auto low = parseNumber(parts.first());
    const auto high = parts.size() == 2 ? parseNumber(parts.last()) : low;
    if (!low || !high || !std::isfinite(*low) || !std::isfinite(*high) || *high < *low)
        return {};
    *ok = true;
    return {*low, *high};
}

QString rangeText(const UniformRange& range)
{
    if (range.fixed())
        return formatNumber(range.low);
    return formatNumber(range.low) + QLatin1Char(':') + formatNumber(range.high);
}

QString UncertaintySettings::validate() const
{
    auto positive = [](const UniformRange& r) { return r.low > 0.0 && r.high >= r.low && std::isfinite(r.high); };
    if (draws < 0 || draws > 10000000)
        return QStringLiteral("the number of Monte Carlo draws must be between 0 and 10,000,000 (got %1)").arg(draws);
    if (bootstrapRounds < 0 || bootstrapRounds > 1000000)
        return QStringLiteral("the bootstrap rounds must be between 0 and 1,000,000 (got %1)").arg(bootstrapRounds);
    if (!positive(reportedHours) || !positive(derivedHours))
        return QStringLiteral("the hours ranges must be positive factors, low <= high");
    if (!positive(utilisation) || utilisation.high > 1.0)
        return QStringLiteral("the utilisation range must lie in (0, 1]");
    if (!positive(drawOfTdp) || drawOfTdp.high > 2.0)
        return QStringLiteral("the range of the draw as a share of TDP must lie in (0, 2]");
    if (!(pue.low >= 1.0) || !(pue.high >= pue.low) || !std::isfinite(pue.high))
        return QStringLiteral("the PUE range must be at least 1, low <= high");
    if (!(kgPerKwh.low >= 0.0) || !(kgPerKwh.high >= kgPerKwh.low) || !std::isfinite(kgPerKwh.high))
        return QStringLiteral("the carbon-intensity range must be non-negative, low <= high");
    if (!(flopsAreMacsProbability >= 0.0 && flopsAreMacsProbability <= 1.0))
        return QStringLiteral("the probability that FLOPs are MACs must be in [0, 1]");
    return {};
}

UncertaintySettings fixedInputs(double pue, double kgPerKwh, double utilisation)
{
    UncertaintySettings s;
    s.reportedHours = {1.0, 1.0};
    s.derivedHours = {1.0, 1.0};
    s.utilisation = {utilisation, utilisation};
    s.drawOfTdp = {1.0, 1.0};
    s.pue = {pue, pue};
    s.kgPerKwh = {kgPerKwh, kgPerKwh};
    s.flopsAreMacsProbability = 0.0;
    return s;
}

} // namespace nofade
