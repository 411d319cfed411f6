#include "uncertainty/what_if.h"

#include <algorithm>

#include "models/carbon_table.h"
#include "models/hardware_table.h"
#include "models/report.h"

namespace nofade {

namespace {

void rank(std::vector<WhatIfRow>& rows)
{
    std::stable_sort(rows.begin(), rows.end(), [](const WhatIfRow& a, const WhatIfRow& b) { return a.co2Kg < b.co2Kg; });
}

} // namespace

WhatIf whatIf(const ModelResult& m, const HardwareTable& hardware, const CarbonTable& carbon, const ReportSettings& settings)
{
    WhatIf w;
    w.model = m.model;
    if (settings.method != Co2Method::HardwareEnergy) {
        w.reason = QStringLiteral("what-if needs the hardware-energy method (paper-eq1 is reproduced as published)");
        return w;
    }
    const Device* own = m.device.isEmpty() ? nullptr : hardware.find(m.device);
    if (!m.deviceHours || !own) {
        w.reason = m.co2Reason.isEmpty() ? QStringLiteral("no device-hours on a known device") : m.co2Reason;
        return w;
    }
    const double energy = hardwareEnergyKwh(*m.deviceHours, own->tdpWatts, settings.pue);
    for (const CarbonIntensity& c : carbon.regions()) {
        WhatIfRow r;
        r.name = c.region;
        r.energyKwh = energy;
        r.co2Kg = co2Kg(energy, c.kgPerKwh);
        r.current = c.kgPerKwh == settings.kgPerKwh;
        r.note = QStringLiteral("%1 kg/kWh, %2").arg(c.kgPerKwh).arg(c.year);
        w.regions.push_back(r);
    }
    rank(w.regions);
    if (!own->peakFlopsPerSecond()) {
        w.reason = QStringLiteral("%1 has no peak FP32 throughput, so the same FLOPs cannot be moved to other devices").arg(own->name);
        return w;
    }
    for (const Device& d : hardware.devices()) {
        if (d.kind == QLatin1String("cpu"))
            continue;
        if (!d.peakFlopsPerSecond()) {
            w.skippedDevices << d.name;
            continue;
        }
        WhatIfRow r;
        r.name = d.name;
        r.deviceHours = *m.deviceHours * *own->peakFlopsPerSecond() / *d.peakFlopsPerSecond();
        r.energyKwh = hardwareEnergyKwh(*r.deviceHours, d.tdpWatts, settings.pue);
        r.co2Kg = co2Kg(r.energyKwh, settings.kgPerKwh);
        r.current = d.name == own->name;
        r.note = QStringLiteral("%1 W, %2 TFLOP/s FP32").arg(d.tdpWatts).arg(*d.peakFp32Tflops);
        w.devices.push_back(r);
    }
    rank(w.devices);
    return w;
}

} // namespace nofade
