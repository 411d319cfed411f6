#pragma once
// CodeCarbon's emissions.csv, every header it has written since 2020 (the columns are found by
// name; only duration, emissions and energy_consumed are required): measured energy (kWh) and
// CO2 (kg), the run's duration (s) and GPUs. Pure, no I/O.
#include <QByteArray>
#include <QString>

#include "imports/imported_run.h"

namespace nofade {

ImportResult importCodeCarbon(const QByteArray& bytes, const QString& fileName, const ImportOptions& options);

} // namespace nofade
