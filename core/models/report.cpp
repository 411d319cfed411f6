#include "models/report.h"

#include <cmath>

namespace nofade {

QString ReportSettings::validate() const
{
    if (!(pue >= 1.0) || !std::isfinite(pue))
        return QStringLiteral("PUE must be a number of at least 1 (got %1)").arg(pue);
    if (!(kgPerKwh >= 0.0) || !std::isfinite(kgPerKwh))
        return QStringLiteral("the carbon intensity must be a non-negative number of kg CO2 per kWh");
    if (!(utilisation > 0.0 && utilisation <= 1.0))
        return QStringLiteral("the utilisation must be in (0, 1] (got %1)").arg(utilisation);
    if (!(kneeThreshold > 0.0) || !std::isfinite(kneeThreshold))
        return QStringLiteral("the diminishing-returns threshold must be positive");
    if (const QString u = uncertainty.validate(); !u.isEmpty())
        return u;
    return lifeCycle.validate();
}

int Report::count(bool (*predicate)(const ModelResult&)) const
{
    int n = 0;
    for (const ModelResult& m : models)
        n += predicate(m) ? 1 : 0;
    return n;
}

} // namespace nofade
