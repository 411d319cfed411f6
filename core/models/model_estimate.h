#pragma once
// One model row -> its FLOPs, training device-hours (given or estimated), energy and CO2.
#include "models/report.h"

namespace nofade {

class HardwareTable;
struct ModelRow;

// Fills everything of a ModelResult that does not depend on the other models or on the
// dataset's complexity (NoFADE, Pareto and marginal cost are added by buildReport).
ModelResult estimateModel(const ModelRow& row, int index, const HardwareTable& hardware,
                          const ReportSettings& settings);

} // namespace nofade
