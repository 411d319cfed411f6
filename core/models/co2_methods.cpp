#include "models/co2_methods.h"

namespace nofade {

QString co2MethodName(Co2Method method)
{
    return method == Co2Method::HardwareEnergy ? QStringLiteral("hardware-energy") : QStringLiteral("paper-eq1");
}

QString co2MethodLabel(Co2Method method)
{
    return method == Co2Method::HardwareEnergy
               ? QStringLiteral("hardware energy: device-hours x TDP x PUE")
               : QStringLiteral("paper Eq. 1, as published (f x (omega_g + omega_c) x GPU-hours; "
                                "not dimensionally an energy)");
}

std::optional<Co2Method> co2MethodFromName(const QString& name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("hardware-energy"))
        return Co2Method::HardwareEnergy;
    if (n == QLatin1String("paper-eq1"))
        return Co2Method::PaperEq1;
    return std::nullopt;
}

double flopsFromCompute(double count, bool countIsMacs, bool macAsTwoFlops)
{
    return countIsMacs && macAsTwoFlops ? 2.0 * count : count;
}

double hardwareEnergyKwh(double deviceHours, double tdpWatts, double pue)
{
    return deviceHours * tdpWatts * pue / 1000.0;
}

double co2Kg(double energyKwh, double kgPerKwh)
{
    return energyKwh * kgPerKwh;
}

PaperEq1 paperEq1(double flopsPerImage, double gpuTdpWatts, double gpuPeakFlops, double cpuTdpWatts,
                  double cpuPeakFlops, double gpuHours, double kgPerKwh)
{
    PaperEq1 r;
    r.omegaGpu = gpuTdpWatts / gpuPeakFlops;
    r.omegaCpu = cpuTdpWatts / cpuPeakFlops;
    r.pmWh = flopsPerImage * (r.omegaGpu + r.omegaCpu) * gpuHours;
    r.pmKwh = r.pmWh / 1000.0;                    // Wh -> kWh before the t/kWh factor
    r.co2Tonnes = r.pmKwh * (kgPerKwh / 1000.0);  // 0.707 kg/kWh = 7.07e-4 t/kWh
    r.co2Kg = r.co2Tonnes * 1000.0;
    return r;
}

double trainingFlops(double flopsPerImage, double imagesPerEpoch, double epochs)
{
    return 3.0 * flopsPerImage * imagesPerEpoch * epochs;
}

double estimatedDeviceHours(double trainingFlopsTotal, double peakFlopsPerSecond, double utilisation)
{
    return trainingFlopsTotal / (peakFlopsPerSecond * utilisation) / 3600.0;
}

} // namespace nofade
