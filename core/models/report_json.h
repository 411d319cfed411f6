#pragma once
// Report -> versioned JSON ("schema": "nofade.report/1"), keys documented in docs/CLI.md.
#include <optional>
#include <QByteArray>
#include <QJsonObject>

#include "models/report.h"

namespace nofade {

inline constexpr char kReportSchema[] = "nofade.report/1";

QJsonObject reportToJson(const Report& report);
QByteArray reportToJsonBytes(const Report& report);

// Reads a saved report back (the GUI opens reports without the model table). Writing it again
// gives the same JSON. Nullopt with `error` naming the key and the reason on anything malformed
// or of another schema.
std::optional<Report> reportFromJson(const QJsonObject& json, QString* error);
std::optional<Report> reportFromJsonBytes(const QByteArray& bytes, QString* error);

} // namespace nofade
