#pragma once
// The life-cycle terms of a training run's CO2 (METHODS.md section 9), each switchable:
// operational (device energy x PUE x intensity, today's number), idle and infrastructure
// overhead (a share of the operational energy), and embodied emissions of the hardware amortised
// over its lifetime and use (the method of Luccioni et al. 2023 and Green Algorithms). Pure.
#include <optional>
#include <QString>

namespace nofade {

struct LifeCycleSettings {
    // Idle and infrastructure energy as a share of the operational energy. BLOOM's final training
    // on Jean Zay: 256,646 kWh idle beside 433,196 kWh dynamic (Luccioni et al. 2023) = 0.592.
    bool idle = false;
    double idleShare = 256646.0 / 433196.0;
    // Embodied CO2 of the accelerator and of its share of the server, amortised over the
    // hardware's lifetime at a use rate. BLOOM: 150 kg per A100, 2,500 kg per 8-GPU HPE Apollo
    // 6500 node, 6 years, 85% use (Luccioni et al. 2023; these give its 11.2 t for 1.08M GPU-hours).
    bool embodied = false;
    double deviceKg = 150.0;
    double serverKg = 2500.0;
    double devicesPerServer = 8.0;
    double lifetimeYears = 6.0;
    double useRate = 0.85;

    QString validate() const; // empty when valid
    bool operationalOnly() const { return !idle && !embodied; }
};

inline constexpr double kHoursPerYear = 365.0 * 24.0;

// kg CO2 of embodied emissions per device-hour of use.
double embodiedKgPerDeviceHour(const LifeCycleSettings& s);

struct Co2Terms {
    double operationalKg = 0.0;
    std::optional<double> idleKg;     // nullopt: the term is switched off
    std::optional<double> embodiedKg; // nullopt: the term is switched off
    double energyKwh = 0.0;           // operational + idle energy

    double totalKg() const; // the sum of the terms that are on, operational first
};

// The terms of one run: operationalKwh = device-hours x draw x PUE / 1000.
Co2Terms lifeCycleTerms(double operationalKwh, double kgPerKwh, double deviceHours, const LifeCycleSettings& s);

} // namespace nofade
