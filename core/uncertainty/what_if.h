#pragma once
// What if a model had been trained elsewhere or on other hardware (METHODS.md section 11): its
// CO2 in every region of the carbon table (same energy), and on every accelerator of the hardware
// table (the same training FLOPs at that device's peak FP32 and utilisation, so device-hours scale
// by peak_own / peak_other), each list ranked from the lowest CO2. Pure.
#include <optional>
#include <vector>
#include <QString>
#include <QStringList>

namespace nofade {

class CarbonTable;
class HardwareTable;
struct ModelResult;
struct ReportSettings;

struct WhatIfRow {
    QString name;        // region or device
    double co2Kg = 0.0;
    double energyKwh = 0.0;
    std::optional<double> deviceHours; // devices only
    bool current = false; // the model's own region (intensity) or device
    QString note;         // e.g. the region's source and year
};

struct WhatIf {
    QString model;
    std::vector<WhatIfRow> regions; // ascending CO2
    std::vector<WhatIfRow> devices; // ascending CO2
    QString reason;                 // why there is nothing (no CO2, paper-eq1, ...)
    QStringList skippedDevices;     // devices without a peak FP32 throughput
};

// Operational CO2 only (device-hours x TDP x PUE x intensity), as the report computes it.
WhatIf whatIf(const ModelResult& model, const HardwareTable& hardware, const CarbonTable& carbon,
              const ReportSettings& settings);

} // namespace nofade
