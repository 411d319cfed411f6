#pragma once
// Applies the life-cycle terms and the Monte Carlo to one estimated model of a report.
#include <optional>

#include "models/report.h"
#include "uncertainty/co2_monte_carlo.h"

namespace nofade {

class HardwareTable;
struct ModelRow;

// The inputs of a hardware-energy estimate, or nullopt (paper-eq1, no CO2).
std::optional<Co2Inputs> co2InputsOf(const ModelRow& row, const ModelResult& result, const HardwareTable& hardware,
                                     const ReportSettings& settings);

// Replaces the operational CO2 by the sum of the life-cycle terms that are on (the same value when
// only the operational term is on), fills the terms and, with draws > 0, the medians and intervals.
// Returns the sampler the bootstrap draws the model's CO2 from.
// `monteCarlo` is shared by the models of one report.
std::optional<Co2Sampler> applyUncertainty(const ModelRow& row, ModelResult& result, const HardwareTable& hardware,
                                           const ReportSettings& settings, Co2MonteCarlo& monteCarlo);

} // namespace nofade
