#include "uncertainty/model_uncertainty.h"

#include "models/hardware_table.h"
#include "models/model_table.h"

namespace nofade {

std::optional<Co2Inputs> co2InputsOf(const ModelRow& row, const ModelResult& r, const HardwareTable& hardware,
                                     const ReportSettings& settings)
{
    if (settings.method != Co2Method::HardwareEnergy || !r.co2Kg || !r.deviceHours || r.device.isEmpty())
        return std::nullopt;
    const Device* device = hardware.find(r.device);
    if (!device || !r.energyKwh)
        return std::nullopt;
    // Only an energy made by the hardware-energy formula has these inputs (not, e.g., a measured one).
    if (*r.energyKwh != hardwareEnergyKwh(*r.deviceHours, device->tdpWatts, settings.pue))
        return std::nullopt;
    Co2Inputs in;
    in.deviceHours = *r.deviceHours;
    in.tdpWatts = device->tdpWatts;
    in.pointUtilisation = settings.utilisation;
    if (r.hoursProvenance == QLatin1String("estimated")) {
        in.origin = HoursOrigin::Estimated;
        in.flopsMaybeMacs = row.unit && !row.unit->macs && settings.macAsTwoFlops;
    } else if (r.hoursProvenance == QLatin1String("derived")) {
        in.origin = HoursOrigin::Derived;
    } else {
        in.origin = HoursOrigin::Reported;
    }
    return in;
}

std::optional<Co2Sampler> applyUncertainty(const ModelRow& row, ModelResult& r, const HardwareTable& hardware,
                                           const ReportSettings& settings, Co2MonteCarlo& monteCarlo)
{
    if (!r.co2Kg)
        return std::nullopt;
    const auto inputs = co2InputsOf(row, r, hardware, settings);
    if (!inputs) {
        Co2Terms terms;
        terms.operationalKg = *r.co2Kg;
        terms.energyKwh = r.energyKwh.value_or(0.0);
        r.co2Terms = terms;
        r.intervalReason = settings.method == Co2Method::PaperEq1
                               ? QStringLiteral("paper-eq1 is reproduced as published, without uncertainty or life-cycle terms")
                               : QStringLiteral("the energy is not device-hours x TDP x PUE, so its inputs have no ranges");
        return std::nullopt;
    }
    const Co2Terms terms = lifeCycleTerms(*r.energyKwh, settings.kgPerKwh, *r.deviceHours, settings.lifeCycle);
    r.co2Terms = terms;
    if (!settings.lifeCycle.operationalOnly()) {
        r.co2Kg = terms.totalKg();
        r.energyKwh = terms.energyKwh;
    }
    Co2Sampler sampler(*inputs, settings.uncertainty, settings.lifeCycle);
    if (settings.uncertainty.draws <= 0) {
        r.intervalReason = QStringLiteral("the Monte Carlo is off (0 draws)");
        return sampler;
    }
    const MonteCarloResult mc = monteCarlo.run(*inputs);
    r.co2Spread = mc.co2Kg;
    r.energySpread = mc.energyKwh;
    return sampler;
}

} // namespace nofade
