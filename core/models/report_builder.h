#pragma once
// Builds a Report from a model table, the hardware table and dataset complexities.
#include <vector>

#include "models/dataset_complexity.h"
#include "models/report.h"

namespace nofade {

class HardwareTable;
class ModelTable;

Report buildReport(const ModelTable& table, const HardwareTable& hardware,
                   const std::vector<ComplexityInput>& complexities, const ReportSettings& settings);

} // namespace nofade
