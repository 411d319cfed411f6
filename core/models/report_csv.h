#pragma once
// Report -> CSV, one row per model (columns in docs/CLI.md), safe to open in a spreadsheet.
#include <QByteArray>
#include <QStringList>

#include "models/report.h"

namespace nofade {

QStringList reportCsvColumns();
QByteArray reportToCsv(const Report& report);

} // namespace nofade
