#include "uncertainty/life_cycle.h"

#include <cmath>

#include "models/co2_methods.h"

namespace nofade {

QString LifeCycleSettings::validate() const
{
    if (idle && !(idleShare >= 0.0 && std::isfinite(idleShare)))
        return QStringLiteral("the idle share must be a non-negative number");
    if (embodied) {
        if (!(deviceKg >= 0.0) || !(serverKg >= 0.0) || !std::isfinite(deviceKg + serverKg))
            return QStringLiteral("the embodied kg CO2 of device and server must be non-negative");
        if (!(devicesPerServer >= 1.0) || !std::isfinite(devicesPerServer))
            return QStringLiteral("the devices per server must be at least 1");
        if (!(lifetimeYears > 0.0) || !std::isfinite(lifetimeYears))
            return QStringLiteral("the hardware lifetime must be a positive number of years");
        if (!(useRate > 0.0 && useRate <= 1.0))
            return QStringLiteral("the use rate must be in (0, 1]");
    }
    return {};
}

double embodiedKgPerDeviceHour(const LifeCycleSettings& s)
{
    return (s.deviceKg + s.serverKg / s.devicesPerServer) / (s.lifetimeYears * kHoursPerYear * s.useRate);
}

double Co2Terms::totalKg() const
{
    double total = operationalKg;
    if (idleKg)
        total += *idleKg;
    if (embodiedKg)
        total += *embodiedKg;
    return total;
}

Co2Terms lifeCycleTerms(double operationalKwh, double kgPerKwh, double deviceHours, const LifeCycleSettings& s)
{
    Co2Terms t;
    t.operationalKg = co2Kg(operationalKwh, kgPerKwh);
    t.energyKwh = operationalKwh;
    if (s.idle) {
        const double idleKwh = operationalKwh * s.idleShare;
        t.idleKg = co2Kg(idleKwh, kgPerKwh);
        t.energyKwh += idleKwh;
    }
    if (s.embodied)
        t.embodiedKg = deviceHours * embodiedKgPerDeviceHour(s);
    return t;
}

} // namespace nofade
