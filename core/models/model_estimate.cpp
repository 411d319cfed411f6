#include "models/model_estimate.h"

#include "models/hardware_table.h"
#include "models/model_table.h"

namespace nofade {

namespace {

void fillFlops(const ModelRow& row, const ReportSettings& settings, ModelResult& r)
{
    if (!row.compute) {
        r.flopsReason = QStringLiteral("no forward compute in the table");
        return;
    }
    if (!row.unit) {
        r.flopsReason = QStringLiteral("the compute has no valid unit");
        return;
    }
    r.flops = flopsFromCompute(*row.compute * row.unit->scale, row.unit->macs, settings.macAsTwoFlops);
    r.flopsConvention = !row.unit->macs ? QStringLiteral("FLOPs")
                        : settings.macAsTwoFlops ? QStringLiteral("MACs x 2") : QStringLiteral("MACs x 1");
}

void fillHours(const ModelRow& row, const Device* device, const ReportSettings& settings, ModelResult& r)
{
    const QString given = row.provenance ? provenanceName(*row.provenance) : QStringLiteral("reported");
    if (row.deviceHours) {
        r.deviceHours = row.deviceHours;
        r.hoursProvenance = given;
        return;
    }
    if (row.wallHours && row.deviceCount) {
        r.deviceHours = *row.wallHours * *row.deviceCount;
        r.hoursProvenance = given;
        return;
    }
    // A total training compute (Epoch AI's "Training compute (FLOP)") needs no per-image count.
    if (row.trainingFlops && device && device->peakFlopsPerSecond()) {
        r.deviceHours = estimatedDeviceHours(*row.trainingFlops, *device->peakFlopsPerSecond(), settings.utilisation);
        r.hoursProvenance = provenanceName(HoursProvenance::Estimated);
        return;
    }
    QStringList missing;
    if (!r.flops && !row.trainingFlops)
        missing << QStringLiteral("forward compute");
    if (!row.imagesPerEpoch && !row.trainingFlops)
        missing << QStringLiteral("images_per_epoch");
    if (!row.epochs && !row.trainingFlops)
        missing << QStringLiteral("epochs");
    if (row.device.isEmpty())
        missing << QStringLiteral("device");
    else if (!device)
        missing << QStringLiteral("a known device");
    else if (!device->peakFlopsPerSecond())
        missing << QStringLiteral("the peak FP32 throughput of %1").arg(device->name);
    if (!missing.isEmpty()) {
        r.hoursReason = QStringLiteral("no training time given, and no estimate without %1").arg(missing.join(QStringLiteral(", ")));
        if (row.wallHours)
            r.hoursReason = QStringLiteral("wall_hours without device_count; ") + r.hoursReason;
        return;
    }
    const double total = trainingFlops(*r.flops, *row.imagesPerEpoch, *row.epochs);
    r.deviceHours = estimatedDeviceHours(total, *device->peakFlopsPerSecond(), settings.utilisation);
    r.hoursProvenance = provenanceName(HoursProvenance::Estimated);
}

// Energy or CO2 measured during the run is the run's own number: no TDP, PUE or method applies.
// Measured energy without CO2 is converted with the report's carbon intensity.
bool fillMeasuredCo2(const ModelRow& row, const ReportSettings& settings, ModelResult& r)
{
    if (!row.co2Kg && !row.energyKwh)
        return false;
    r.energyKwh = row.energyKwh;
    r.co2Kg = row.co2Kg ? *row.co2Kg : co2Kg(*row.energyKwh, settings.kgPerKwh);
    r.co2Provenance = row.co2Kg ? QStringLiteral("measured") : QStringLiteral("measured-energy");
    return true;
}

void fillCo2(const Device* device, const Device* cpu, const ReportSettings& settings, ModelResult& r)
{
    r.co2Provenance = QStringLiteral("computed");
    if (!r.deviceHours) {
        r.co2Reason = r.hoursReason;
        return;
    }
    if (!device) {
        r.co2Reason = r.device.isEmpty() ? QStringLiteral("no device, so no TDP")
                                         : QStringLiteral("device \"%1\" is not in the hardware table").arg(r.device);
        return;
    }
    if (settings.method == Co2Method::HardwareEnergy) {
        r.energyKwh = hardwareEnergyKwh(*r.deviceHours, device->tdpWatts, settings.pue);
        r.co2Kg = co2Kg(*r.energyKwh, settings.kgPerKwh);
        return;
    }
    if (!r.flops) {
        r.co2Reason = QStringLiteral("paper-eq1 needs the forward FLOPs: ") + r.flopsReason;
        return;
    }
    if (!device->peakFlopsPerSecond()) {
        r.co2Reason = QStringLiteral("paper-eq1 needs the peak FP32 throughput of %1").arg(device->name);
        return;
    }
    if (!cpu || !cpu->peakFlopsPerSecond()) {
        r.co2Reason = QStringLiteral("paper-eq1 needs the CPU \"%1\" with its peak throughput in the hardware table")
                          .arg(settings.eq1Cpu);
        return;
    }
    const PaperEq1 eq1 = paperEq1(*r.flops, device->tdpWatts, *device->peakFlopsPerSecond(), cpu->tdpWatts,
                                  *cpu->peakFlopsPerSecond(), *r.deviceHours, settings.kgPerKwh);
    r.energyKwh = eq1.pmKwh;
    r.co2Kg = eq1.co2Kg;
}

} // namespace

ModelResult estimateModel(const ModelRow& row, int index, const HardwareTable& hardware, const ReportSettings& settings)
{
    ModelResult r;
    r.row = index;
    r.line = row.line;
    r.model = row.model;
    r.dataset = row.dataset;
    r.task = row.task ? taskName(*row.task) : QString();
    r.metric = row.metric;
    r.score = row.score;
    r.device = row.device;
    r.deviceCount = row.deviceCount;
    r.flagged = row.flagged;
    const Device* device = row.device.isEmpty() ? nullptr : hardware.find(row.device);
    if (device)
        r.device = device->name;
    fillFlops(row, settings, r);
    fillHours(row, device, settings, r);
    if (!fillMeasuredCo2(row, settings, r))
        fillCo2(device, hardware.find(settings.eq1Cpu), settings, r);
    return r;
}

} // namespace nofade
