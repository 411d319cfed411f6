#pragma once
// Report -> versioned JSON ("schema": "nofade.report/1"), keys documented in docs/CLI.md.
#include <QByteArray>
#include <QJsonObject>

#include "models/report.h"

namespace nofade {

inline constexpr char kReportSchema[] = "nofade.report/1";

QJsonObject reportToJson(const Report& report);
QByteArray reportToJsonBytes(const Report& report);

} // namespace nofade
